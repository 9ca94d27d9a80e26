import { describe, expect, it } from 'vitest';
import { type SearchHit, searchQuerySchema } from '../../contract/search.ts';
import type { Register } from '../../db/register.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { CLOCK } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

async function search(register: Register, text: string, limit?: number): Promise<SearchHit[]> {
  return (await register.search.search(searchQuerySchema.parse({ text, limit }))).hits;
}
const references = (hits: SearchHit[]) => hits.map((h) => h.reference);
/** The snippet with its hits in [brackets], easy to read in an assertion. */
const marked = (hit: SearchHit | undefined) => hit?.snippet.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

async function listed(register: Register, text: string): Promise<string[]> {
  const result = await register.requests.list(
    { text, sort: 'reference', order: 'asc', limit: 500, offset: 0, state: 'all' },
    CLOCK.today,
  );
  return result.rows.map((r) => r.reference);
}

describe('full-text search: scripts, case and diacritics', () => {
  it('finds "Müller" typed as muller, MÜLLER or with a decomposed ü', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, { summary: 'Fraud committed by Hans Müller in Lyon' });
    await seedRequest(register, { summary: 'Theft by Anna Miller' });
    for (const text of ['muller', 'MÜLLER', 'Mu\u0308ller', 'müll']) {
      expect(references(await search(register, text)), text).toEqual([r.reference]);
    }
  });

  it('finds Cyrillic "Иванов" typed in lower case', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, { parties: [{ role: 'suspect', name: 'ИВАНОВ Сергей' }] });
    const hits = await search(register, 'иванов');
    expect(references(hits)).toEqual([r.reference]);
    expect(marked(hits[0])).toBe('[ИВАНОВ] Сергей');
  });

  it('finds Arabic "مُحَمَّد" (with harakat) typed as محمد, and the reverse, tatweel and hamza forms alike', async () => {
    const register = tempRegister();
    const voweled = await seedRequest(register, { parties: [{ role: 'suspect', name: 'مُحَمَّد العلي' }] });
    const plain = await seedRequest(register, { summary: 'تحقيق بشأن أحمد حداد و فاطمة' });
    expect(references(await search(register, 'محمد'))).toEqual([voweled.reference]);
    expect(references(await search(register, 'مُحَمَّد'))).toEqual([voweled.reference]);
    expect(references(await search(register, 'محـــمد'))).toEqual([voweled.reference]);
    // Hamza on the alef and teh marbuta are spelt both ways; either finds the other.
    expect(references(await search(register, 'احمد'))).toEqual([plain.reference]);
    expect(references(await search(register, 'فاطمه'))).toEqual([plain.reference]);
    expect(marked((await search(register, 'محمد'))[0])).toBe('[مُحَمَّد] العلي');
  });

  it('finds a two-character Chinese name, alone or inside a sentence, though a trigram is three', async () => {
    const register = tempRegister();
    const alone = await seedRequest(register, { parties: [{ role: 'suspect', name: '王伟' }] });
    const inside = await seedRequest(register, { summary: '嫌疑人王伟涉嫌诈骗' });
    await seedRequest(register, { summary: '嫌疑人王芳涉嫌诈骗' });
    expect(references(await search(register, '王伟')).sort()).toEqual([alone.reference, inside.reference].sort());
    expect(references(await search(register, '涉嫌诈骗')).length).toBe(2);
    expect(marked((await search(register, '王伟')).find((h) => h.id === inside.id))).toBe('嫌疑人[王伟]涉嫌诈骗');
  });

  it('finds fragments of our reference and of theirs', async () => {
    const register = tempRegister();
    const a = await seedRequest(register, { counterpartReference: 'FR/2026/00042' });
    const b = await seedRequest(register, { direction: 'outgoing', domesticReference: 'PP-TYR/2025/117' });
    expect(references(await search(register, '00042'))).toEqual([a.reference]);
    expect(references(await search(register, 'mla-in-2026'))).toEqual([a.reference]);
    expect(references(await search(register, 'out-20'))).toEqual([b.reference]);
    expect(references(await search(register, 'tyr/2025'))).toEqual([b.reference]);
  });

  it('finds words of one and two characters (short surnames, a lone symbol)', async () => {
    const register = tempRegister();
    const li = await seedRequest(register, { parties: [{ role: 'witness', name: 'Li' }] });
    const percent = await seedRequest(register, { summary: 'Interest of 50% a month' });
    expect(references(await search(register, 'li'))).toEqual([li.reference]);
    expect(references(await search(register, '%'))).toEqual([percent.reference]);
    expect(await search(register, 'zq')).toEqual([]);
  });
});

describe('full-text search: fields, ranking, results', () => {
  it("names the field that matched for each searched source, and shows that field's text", async () => {
    const register = tempRegister();
    const r = await seedRequest(register, {
      counterpartReference: 'THEIR-REF-1',
      domesticReference: 'CASE-DOM-7',
      summary: 'Summary words here',
      parties: [{ role: 'suspect', name: 'Party Person', identifiers: 'passport XK998877' }],
      identifiers: [{ type: 'email', value: 'holder@mailbox.example' }],
    });
    const shown = async (text: string) => {
      const hit = (await search(register, text))[0];
      return [hit?.field, marked(hit)];
    };
    expect(await shown(r.reference)).toEqual(['reference', `[${r.reference}]`]);
    expect(await shown('their-ref')).toEqual(['counterpartReference', '[THEIR-REF]-1']);
    expect(await shown('dom-7')).toEqual(['domesticReference', 'CASE-[DOM-7]']);
    expect(await shown('mailbox')).toEqual(['identifier', 'holder@[mailbox].example']);
    expect(await shown('party person')).toEqual(['partyName', '[Party] [Person]']);
    expect(await shown('xk998877')).toEqual(['partyIdentifiers', 'passport [XK998877]']);
    expect(await shown('words here')).toEqual(['summary', 'Summary [words] [here]']);
  });

  it('returns each request once, with its strongest matching field', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, {
      counterpartReference: 'ROSSI-2026',
      summary: 'Investigation concerning Marco Rossi',
      parties: [{ role: 'suspect', name: 'Marco Rossi' }],
    });
    const hits = await search(register, 'rossi');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      id: r.id,
      reference: r.reference,
      status: r.status,
      field: 'counterpartReference',
    });
  });

  it('ranks what was typed in full first, then by field, whole words before parts of words, newest first', async () => {
    const register = tempRegister();
    const inSummary = await seedRequest(register, { summary: 'Money sent to Karim Haddad' });
    const partOfWord = await seedRequest(register, { parties: [{ role: 'suspect', name: 'Benhaddad Karim' }] });
    const olderWord = await seedRequest(register, { parties: [{ role: 'suspect', name: 'Haddad Company Ltd' }] });
    const newerWord = await seedRequest(register, { parties: [{ role: 'suspect', name: 'Haddad Trading Ltd' }] });
    const exact = await seedRequest(register, { summary: 'Haddad' });
    expect(references(await search(register, 'haddad'))).toEqual(
      [exact, newerWord, olderWord, partOfWord, inSummary].map((r) => r.reference),
    );
  });

  it('ands the words of a search within one value, in any order', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, { parties: [{ role: 'suspect', name: 'Müller, Hans Peter' }] });
    await seedRequest(register, { parties: [{ role: 'suspect', name: 'Hans Schmidt' }] });
    expect(references(await search(register, 'hans müller'))).toEqual([r.reference]);
    expect(references(await search(register, 'PETER  hans'))).toEqual([r.reference]);
    expect(await search(register, 'hans ivanov')).toEqual([]);
    expect(marked((await search(register, 'hans müller'))[0])).toBe('[Müller], [Hans] Peter');
  });

  it('shows a long value around its first match, with ellipses', async () => {
    const register = tempRegister();
    const long = `${'Background of the case. '.repeat(10)}The account of Olga Petrova received the funds. ${'More. '.repeat(30)}`;
    await seedRequest(register, { summary: long });
    const snippet = marked((await search(register, 'petrova'))[0]) ?? '';
    expect(snippet).toMatch(/^….*The account of Olga \[Petrova\] received.*…$/);
    expect(snippet.length).toBeLessThan(140);
  });

  it('returns at most `limit` requests', async () => {
    const register = tempRegister();
    for (let i = 0; i < 5; i += 1) await seedRequest(register, { summary: `Case of Dubois number ${i}` });
    expect(await search(register, 'dubois', 3)).toHaveLength(3);
    expect(await search(register, 'dubois')).toHaveLength(5);
  });

  it('reads further when the first matches all belong to one request', async () => {
    const register = tempRegister();
    const older = await seedRequest(register, { summary: 'Account held by a Dubois' });
    const crowded = await seedRequest(register, {
      parties: Array.from({ length: 25 }, (_, i) => ({ role: 'witness' as const, name: `Dubois ${i}` })),
    });
    expect(references(await search(register, 'dubois', 2))).toEqual([crowded.reference, older.reference]);
  });

  it('finds nothing, without error, for empty or blank text', async () => {
    const register = tempRegister();
    await seedRequest(register, { summary: 'Anything' });
    expect(await search(register, '')).toEqual([]);
    expect(await search(register, ' \t\n ')).toEqual([]);
  });
});

describe('the register text filter and the search box', () => {
  it('find the same requests for the same text', async () => {
    const register = tempRegister();
    await seedRequest(register, { summary: 'Fraud by Hans Müller', counterpartReference: 'FR/2026/00042' });
    await seedRequest(register, { parties: [{ role: 'suspect', name: '王伟' }] });
    await seedRequest(register, { parties: [{ role: 'suspect', name: 'مُحَمَّد' }], summary: 'Müllerstrasse 4' });
    await seedRequest(register, { direction: 'outgoing', identifiers: [{ type: 'ip_address', value: '203.0.113.7' }] });
    for (const text of ['müller', 'MULLER strasse', '王伟', 'محمد', '00042', '203.0', 'mla', 'ml', '4', 'nothing']) {
      const found = references(await search(register, text, 50)).sort();
      expect(await listed(register, text), text).toEqual(found);
    }
  });
});
