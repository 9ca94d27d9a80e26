import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../i18n/languages.ts';
import { completeFields, TEST_OVERRIDE } from '../helpers/drafting.ts';
import { pdfText, renderPages } from '../helpers/pdf-tools.ts';
import { ACTOR, CLOCK, newRequest, transition } from '../helpers/requests.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

const PAGES = path.resolve(import.meta.dirname, '../../test-results/letters');

/** A request with something in every section: parties, identifiers, a document, a message, a history. */
async function fullRequest() {
  const register = tempRegister();
  await register.updateSettings({ officeName: 'Central Authority of Examplestan' }, ACTOR, CLOCK);
  const request = await register.requests.register(
    newRequest({
      direction: 'outgoing',
      kind: 'disclosure',
      openedOn: null,
      counterpartCountry: 'EG',
      counterpartAuthority: 'مكتب النائب العام',
      legalBasis: 'budapest',
      ...completeFields('disclosure'),
      parties: [
        { role: 'suspect', name: 'أحمد خالد', nationality: 'EG', location: 'القاهرة' },
        { role: 'account_holder', name: '王小明', nationality: 'CN' },
      ],
      purpose: 'To identify the holder of the account',
    }),
    ACTOR,
    CLOCK,
  );
  const moved = await register.requests.move(
    transition({
      id: request.id,
      to: 'sent',
      on: '2026-03-10',
      expectedVersion: request.version,
      ...TEST_OVERRIDE,
    }),
    ACTOR,
    CLOCK,
  );
  const file = path.join(tempDir(), 'request-signed.pdf');
  fs.writeFileSync(file, '%PDF-1.7\n%%EOF\n');
  const document = await register.documents.attach(
    {
      requestId: request.id,
      file,
      name: 'request-signed.pdf',
      type: 'request',
      direction: 'outgoing',
      documentDate: '2026-03-10',
      note: null,
    },
    ACTOR,
    CLOCK,
  );
  await register.documents.addCorrespondence(
    {
      requestId: request.id,
      onDate: '2026-03-10',
      direction: 'outgoing',
      channel: 'email',
      summary: 'Sent to the provider',
      documentIds: [document.id],
    },
    ACTOR,
    CLOCK,
  );
  await register.requests.recordEvent(
    {
      id: request.id,
      type: 'note',
      on: '2026-03-10',
      note: 'Called the provider',
      preservedUntil: null,
      expectedVersion: moved.version,
    },
    ACTOR,
    CLOCK,
  );
  return { register, request, document };
}

async function summaryText(language: Language) {
  const { register, request, document } = await fullRequest();
  const file = path.join(tempDir(), `case-summary-${language}.pdf`);
  await register.letters.caseSummary(request.id, language, file, new Date('2026-03-10T09:30:00Z'), null);
  return { text: pdfText(file), file, request, document };
}

describe('the case summary of a request', { timeout: 60_000 }, () => {
  it('holds every section, in English', async () => {
    const { text, request, document } = await summaryText('en');
    for (const expected of [
      'Central Authority of Examplestan',
      `Case summary: ${request.reference}`,
      'Outgoing · Disclosure of data · Sent',
      // The request
      'Counterpart state Egypt',
      'Budapest Convention on Cybercrime',
      'Service provider Example Mail Inc.',
      // Its clocks, started when it was sent
      'Clocks',
      'Acknowledgement from abroad',
      // What a formal request states, and the facts
      'Purpose To identify the holder of the account',
      'Funds from a fraud were moved through accounts abroad.',
      // Parties, identifiers with exact times
      'أحمد خالد',
      '王小明',
      'E-mail address: suspect@example.com',
      'From: 2026-02-01 10:00 UTC+01:00 (2026-02-01 09:00:00 UTC)',
      // Documents with their SHA-256
      'request-signed.pdf',
      `SHA-256: ${document.sha256}`,
      // Correspondence
      'Sent to the provider',
      // History: entered, moved (with the override), the event
      'Entered as Draft',
      'Draft → Sent',
      'Called the provider',
      'Page 1 of',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('names the people who recorded its history and documents as the screens do, not by their sign-in names', async () => {
    const register = tempRegister();
    await register.accounts.createFirstAdministrator(
      { username: 'amina', displayName: 'Amina Benali', password: 'correct horse battery staple' },
      CLOCK,
    );
    const amina = { name: 'amina', roles: ['clerk' as const] };
    const request = await register.requests.register(newRequest(), amina, CLOCK);
    const file = path.join(tempDir(), 'request.pdf');
    fs.writeFileSync(file, '%PDF-1.7\n%%EOF\n');
    await register.documents.attach(
      {
        requestId: request.id,
        file,
        name: 'request.pdf',
        type: 'request',
        direction: 'incoming',
        documentDate: '2026-03-10',
        note: null,
      },
      amina,
      CLOCK,
    );
    // Someone with no account (an import, an account since removed) keeps the name recorded.
    await register.requests.recordEvent(
      {
        id: request.id,
        type: 'note',
        on: '2026-03-10',
        note: 'Checked',
        preservedUntil: null,
        expectedVersion: request.version,
      },
      { name: 'former.clerk', roles: ['clerk'] },
      CLOCK,
    );
    const summary = path.join(tempDir(), 'names.pdf');
    await register.letters.caseSummary(request.id, 'en', summary, new Date('2026-03-10T09:30:00Z'), null);
    const text = pdfText(summary);
    expect(text.match(/Amina Benali/g)?.length).toBe(2);
    expect(text).toContain('former.clerk');
    expect(text).not.toMatch(/\bamina\b/);
  });

  it.each(['ar', 'zh'] as const)('is written in %s, laid out for it', async (language) => {
    const { text, file } = await summaryText(language);
    // The case summary's own words wait for their translation; the codes and dates are in the language.
    expect(text).toContain(language === 'ar' ? 'مصر' : '埃及');
    expect(text).toContain(language === 'ar' ? 'مكتب النائب العام' : '2026年3月10日');
    expect(renderPages(file, PAGES, `case-summary-${language}`).length).toBeGreaterThan(0);
  });
});
