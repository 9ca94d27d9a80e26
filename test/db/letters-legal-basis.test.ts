import { beforeEach, describe, expect, it } from 'vitest';
import type { LegalBasis } from '../../contract/codes.ts';
import type { GeneratedLetter } from '../../contract/letters.ts';
import { saveCountryProfileSchema } from '../../contract/profiles.ts';
import type { Language } from '../../i18n/languages.ts';
import type { Register } from '../../db/register.ts';
import { completeFields } from '../helpers/drafting.ts';
import { docxText, pdfTextOf } from '../helpers/letters.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/*
 * Issue 8 follow-up: the letter of request cites the request's own legal basis (the convention,
 * the treaty the counterpart's country profile names, or reciprocity when there is none), not
 * UNTOC and UNCAC whatever the basis.
 */

const UNTOC = 'Transnational Organized Crime';
const UNCAC = 'Convention against Corruption';

async function readBack(register: Register, letter: GeneratedLetter) {
  const bytesOf = async (id: number) => {
    const chunks: Buffer[] = [];
    for await (const chunk of register.documents.read(await register.documents.locate(id)))
      chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const flat = (text: string) =>
    text
      .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return {
    word: flat(docxText(await bytesOf(letter.docxDocumentId)).body),
    pdf: flat(pdfTextOf(await bytesOf(letter.pdfDocumentId))),
  };
}

describe('the legal basis a letter of request cites', { timeout: 120_000 }, () => {
  let register: Register;
  beforeEach(async () => {
    register = tempRegister();
    await register.updateSettings({ officeName: 'Central Authority of Examplestan' }, ACTOR, CLOCK);
    // Germany's profile lists an unnamed bilateral entry before the named one: the named one is cited.
    await register.profiles.saveCountryProfile(
      saveCountryProfileSchema.parse({
        country: 'DE',
        treaties: [
          { legalBasis: 'untoc', inForceSince: '2005-07-14' },
          { legalBasis: 'bilateral_treaty' },
          {
            legalBasis: 'bilateral_treaty',
            name: 'Treaty between Examplestan and the Federal Republic of Germany on Mutual Assistance in Criminal Matters',
            inForceSince: '2004-07-01',
          },
        ],
      }),
      ACTOR,
      CLOCK,
    );
  });

  async function letterText(
    legalBasis: LegalBasis | null,
    legalBasisDetail: string | null,
    language: Language = 'en',
    counterpartCountry = 'DE',
  ) {
    const request = await register.requests.register(
      newRequest({
        direction: 'outgoing',
        kind: 'mla',
        counterpartCountry,
        counterpartAuthority: 'Bundesamt für Justiz',
        legalBasis: legalBasis ?? undefined,
        legalBasisDetail,
        ...completeFields('mla'),
      }),
      ACTOR,
      CLOCK,
    );
    const letter = await register.letters.generate(
      request,
      { code: 'letter_of_request', language },
      ACTOR,
      CLOCK,
      'Amina Clerk',
    );
    return readBack(register, letter);
  }

  it('cites UNCAC article 46 and its paragraph 15 for a request made under UNCAC, and not UNTOC', async () => {
    const { word, pdf } = await letterText('uncac', null);
    for (const text of [word, pdf]) {
      expect(text).toContain(
        'This request is made under the United Nations Convention against Corruption, article 46.',
      );
      expect(text).toContain('the information required by article 46, paragraph 15, of that Convention');
      expect(text).not.toContain(UNTOC);
    }
  });

  it('names the bilateral treaty as the counterpart’s profile lists it, with the article given', async () => {
    const { word, pdf } = await letterText('bilateral_treaty', 'Article 5');
    for (const text of [word, pdf]) {
      expect(text).toContain(
        'This request is made under the bilateral treaty on mutual legal assistance in criminal matters in force between our State and the requested State (Treaty between Examplestan and the Federal Republic of Germany on Mutual Assistance in Criminal Matters, in force since 1 July 2004), Article 5.',
      );
      expect(text).not.toContain(UNTOC);
      expect(text).not.toContain(UNCAC);
    }
  });

  it('says only "the bilateral treaty" when the counterpart has no profile naming it', async () => {
    const { word } = await letterText('bilateral_treaty', null, 'en', 'FR');
    // The sentence ends there; the next section's heading follows.
    expect(word).toContain('in force between our State and the requested State. Requesting authority');
    expect(word).not.toContain('Treaty between Examplestan');
  });

  it.each([
    ['reciprocity', 'reciprocity'],
    ['no legal basis recorded', null],
  ] as const)('rests on reciprocity and comity for %s, citing no convention', async (_, basis) => {
    const { word, pdf } = await letterText(basis, null);
    for (const text of [word, pdf]) {
      expect(text).toContain('This request is made on the basis of reciprocity and international comity.');
      expect(text).toContain('it would execute a comparable request from the requested State');
      expect(text).not.toContain(UNTOC);
      expect(text).not.toContain(UNCAC);
    }
  });

  it('cites the Budapest Convention in Russian, and the German treaty in French', async () => {
    const russian = await letterText('budapest', null, 'ru');
    for (const text of [russian.word, russian.pdf]) {
      expect(text).toContain(
        'Настоящая просьба направляется в соответствии с Конвенцией Совета Европы о киберпреступности (ETS № 185, Будапешт, 2001 год), глава III о международном сотрудничестве.',
      );
      expect(text).not.toContain('транснациональной организованной преступности');
    }
    const french = await letterText('bilateral_treaty', null, 'fr');
    for (const text of [french.word, french.pdf]) {
      expect(text).toContain(
        'en vertu du traité bilatéral d’entraide judiciaire en matière pénale en vigueur entre notre État et l’État requis (Treaty between Examplestan and the Federal Republic of Germany on Mutual Assistance in Criminal Matters, en vigueur depuis le 1 juillet 2004).',
      );
      expect(text).not.toContain('criminalité transnationale organisée');
    }
  });
});
