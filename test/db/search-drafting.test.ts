import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SearchHit, searchQuerySchema } from '../../contract/search.ts';
import { openDatabase } from '../../db/open.ts';
import type { Register } from '../../db/register.ts';
import { searchIndexDrift } from '../../db/search/check.ts';
import { encodeRowid } from '../../db/search/fields.ts';
import { correct } from '../helpers/drafting.ts';
import { csvFile, importFile, row } from '../helpers/interchange.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { insertRawRequest, migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

/** The migrations before the one that indexes the drafting (0021_drafting_search). */
const BEFORE = 21;

async function search(register: Register, text: string): Promise<SearchHit[]> {
  return (await register.search.search(searchQuerySchema.parse({ text, limit: 50 }))).hits;
}
const found = async (register: Register, text: string) =>
  (await search(register, text)).map((h): [number, string] => [h.id, h.field]);
/** The snippet with its hits in [brackets]. */
const marked = (hit: SearchHit | undefined) => hit?.snippet.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
/** Entries where the index and its sources disagree (db/search/check.ts): 0 when in step. */
const drift = (register: Register) => withRaw(register.location, searchIndexDrift);

const outgoing = { direction: 'outgoing', openedOn: null } as const;

describe('full-text search in the drafting of outgoing requests', () => {
  it('finds a request by a phrase of its proceedings, procedure, purpose or emergency, named as drafting', async () => {
    const register = tempRegister();
    const mla = await seedRequest(register, {
      ...outgoing,
      summary: 'Funds from a fraud were moved through accounts abroad.',
      proceedingsNature: 'Criminal investigation into a carousel VAT fraud',
      conductingAuthority: 'Juge d’instruction, Tribunal judiciaire de Marseille',
      procedureToFollow: 'Bank records certified by the custodian',
      purpose: 'To trace the proceeds through the Limassol accounts',
    });
    const emergency = await seedRequest(register, {
      ...outgoing,
      kind: 'emergency_disclosure',
      emergencyJustification: 'A kidnapped child was last seen near Ostrava',
    });
    expect(await found(register, 'carousel vat')).toEqual([[mla.id, 'drafting']]);
    expect(await found(register, 'tribunal judiciaire marseille')).toEqual([[mla.id, 'drafting']]);
    expect(await found(register, 'custodian')).toEqual([[mla.id, 'drafting']]);
    expect(await found(register, 'limassol')).toEqual([[mla.id, 'drafting']]);
    expect(await found(register, 'ostrava')).toEqual([[emergency.id, 'drafting']]);
    // The summary of the facts is the request's own column, found as the summary.
    expect(await found(register, 'accounts abroad')).toEqual([[mla.id, 'summary']]);
    // The words may lie in different columns of the drafting, as in different words of one value.
    expect(await found(register, 'carousel limassol')).toEqual([[mla.id, 'drafting']]);
    // The snippet shows the columns apart, around the first match.
    expect(marked((await search(register, 'limassol'))[0])).toBe(
      '…ian · To trace the proceeds through the [Limassol] accounts',
    );
    expect(marked((await search(register, 'ostrava'))[0])).toBe('A kidnapped child was last seen near [Ostrava]');
    expect(drift(register)).toBe(0);
  });

  it('ranks a drafting match below a match of a reference or of the summary', async () => {
    const register = tempRegister();
    const drafted = await seedRequest(register, { ...outgoing, purpose: 'Evidence for case ZX-4471 in Lyon' });
    const summarised = await seedRequest(register, { summary: 'Linked to ZX-4471' });
    const referenced = await seedRequest(register, { counterpartReference: 'ZX-4471' });
    expect(await found(register, 'zx-4471')).toEqual([
      [referenced.id, 'counterpartReference'],
      [summarised.id, 'summary'],
      [drafted.id, 'drafting'],
    ]);
    // The register's text filter reads the same index.
    const listed = await register.requests.list(
      { text: 'lyon', sort: 'reference', order: 'asc', limit: 50, offset: 0, state: 'all' },
      '2026-03-10',
    );
    expect(listed.rows.map((r) => r.id)).toEqual([drafted.id]);
  });

  it('follows an edit of the drafting, and forgets the old wording', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, { ...outgoing, purpose: 'To identify the owner of the yacht' });
    const edited = await correct(register, r, {
      purpose: 'To identify the owner of the villa',
      procedureToFollow: 'Witnesses heard under oath',
    });
    expect(await found(register, 'yacht')).toEqual([]);
    expect(await found(register, 'villa')).toEqual([[r.id, 'drafting']]);
    expect(await found(register, 'under oath')).toEqual([[r.id, 'drafting']]);
    expect(drift(register)).toBe(0);
    // Text cleared while the row stays (a language is still set): no entry left.
    const cleared = await correct(register, edited, { purpose: null, procedureToFollow: null, requestLanguage: 'fr' });
    expect(await found(register, 'villa')).toEqual([]);
    expect(await found(register, 'oath')).toEqual([]);
    expect(drift(register)).toBe(0);
    // Written again, then the whole drafting cleared: the row goes, and its entry with it.
    const again = await correct(register, cleared, { purpose: 'Seizure of the vessel' });
    expect(await found(register, 'vessel')).toEqual([[r.id, 'drafting']]);
    await correct(register, again, { purpose: null, requestLanguage: null });
    expect(withRaw(register.location, (db) => db.prepare('SELECT count(*) FROM request_drafting').pluck().get())).toBe(
      0,
    );
    expect(await found(register, 'vessel')).toEqual([]);
    expect(drift(register)).toBe(0);
  });

  it('leaves the index alone when a save changes no searched column, and follows plain SQL', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, { ...outgoing, purpose: 'To freeze the account in Riga' });
    const entry = encodeRowid('drafting', r.id);
    /** Rows written by an UPDATE, triggers and the index's own tables included. */
    const written = (statement: string) =>
      withRaw(register.location, (db) => {
        const before = db.prepare('SELECT total_changes()').pluck().get() as number;
        db.prepare(statement).run(r.id);
        return (db.prepare('SELECT total_changes()').pluck().get() as number) - before;
      });
    expect(written("UPDATE request_drafting SET request_language = 'lv' WHERE request_id = ?")).toBe(1);
    expect(written('UPDATE request_drafting SET purpose = purpose WHERE request_id = ?')).toBe(1);
    expect(
      written("UPDATE request_drafting SET purpose = 'To freeze the deposit in Riga' WHERE request_id = ?"),
    ).toBeGreaterThan(1);
    expect(await found(register, 'deposit')).toEqual([[r.id, 'drafting']]);
    expect(
      withRaw(register.location, (db) =>
        db.prepare('SELECT rowid FROM search_index WHERE rowid = ?').pluck().get(entry),
      ),
    ).toBe(entry);
    withRaw(register.location, (db) => db.prepare('DELETE FROM request_drafting WHERE request_id = ?').run(r.id));
    expect(await found(register, 'riga')).toEqual([]);
    expect(drift(register)).toBe(0);
  });

  it('keeps indexing drafting after an import into an empty register set its triggers aside', async () => {
    const register = tempRegister();
    const imported = csvFile([row({ reference: 'MLA-IN-2024-00001', summary: 'Fraud by Lotte Peeters' })]);
    expect((await importFile(register, imported)).ok).toBe(true);
    const later = await seedRequest(register, { ...outgoing, proceedingsNature: 'Prosecution for people smuggling' });
    expect(await found(register, 'smuggling')).toEqual([[later.id, 'drafting']]);
    expect(drift(register)).toBe(0);
  });

  it('indexes the drafting a register already held when the migration runs', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(BEFORE), create: true }).close();
    const ids = withRaw(file, (db) => {
      const drafted = insertRawRequest(db, 'MLA-OUT-2026-00001', { direction: 'outgoing', status: 'draft' });
      const languageOnly = insertRawRequest(db, 'MLA-OUT-2026-00002', { direction: 'outgoing', status: 'draft' });
      const arabic = insertRawRequest(db, 'MLA-OUT-2026-00003', { direction: 'outgoing', status: 'draft' });
      const insert = db.prepare(
        `INSERT INTO request_drafting (request_id, proceedings_nature, conducting_authority, purpose, request_language)
         VALUES (?, ?, ?, ?, ?)`,
      );
      insert.run(drafted, 'Investigation into bribery of officials', '  ', 'To obtain the tender files', 'en');
      insert.run(languageOnly, null, null, null, 'es');
      insert.run(arabic, 'تحقيق في غَسْل الأموال', null, null, 'ar');
      return { drafted, arabic };
    });
    const register = tempRegister(file);
    expect(await found(register, 'bribery')).toEqual([[ids.drafted, 'drafting']]);
    expect(await found(register, 'tender files')).toEqual([[ids.drafted, 'drafting']]);
    // Folded as every other field: the harakat typed or not.
    expect(await found(register, 'غسل')).toEqual([[ids.arabic, 'drafting']]);
    expect(
      withRaw(file, (db) => db.prepare('SELECT count(*) FROM search_index WHERE rowid > (10 << 40)').pluck().get()),
    ).toBe(2);
    expect(drift(register)).toBe(0);
    // And the triggers follow it from there.
    const r = await register.requests.get(ids.drafted);
    await correct(register, r, { purpose: 'To obtain the contracts' });
    expect(await found(register, 'tender')).toEqual([]);
    expect(await found(register, 'contracts')).toEqual([[ids.drafted, 'drafting']]);
    expect(drift(register)).toBe(0);
  });
});
