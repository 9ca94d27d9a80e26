import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCorrespondenceSchema, updateCorrespondenceSchema } from '../../contract/documents.ts';
import {
  recordEventSchema,
  requestFieldsSchema,
  type RequestDetail,
  type RequestFieldsInput,
} from '../../contract/requests.ts';
import { type SearchField, searchQuerySchema } from '../../contract/search.ts';
import { openDatabase } from '../../db/open.ts';
import { openSqliteRegister, type Register } from '../../db/register.ts';
import { searchIndexDrift } from '../../db/search/check.ts';
import { csvFile, importFile, row } from '../helpers/interchange.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { ACTOR, CLOCK, transition } from '../helpers/requests.ts';
import { insertRawRequest, migrationsFolder, withRaw } from '../helpers/sqlite-files.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir, tempRegister } from '../helpers/temp-register.ts';

/** Which request and field each hit is, for `text`. */
async function found(register: Register, text: string): Promise<[number, SearchField][]> {
  const { hits } = await register.search.search(searchQuerySchema.parse({ text, limit: 50 }));
  return hits.map((h) => [h.id, h.field]);
}

/** Entries where the index and its sources disagree (db/search/check.ts): 0 when in step. */
const drift = (register: Register) => withRaw(register.location, searchIndexDrift);

function fieldsOf(r: RequestDetail): RequestFieldsInput {
  const { id: _id, reference: _r, direction: _d, kind: _k, status: _s, openedOn: _o, closedOn: _c, ...rest } = r;
  const keys = Object.keys(requestFieldsSchema.shape) as (keyof RequestFieldsInput)[];
  return Object.fromEntries(keys.map((k) => [k, (rest as Record<string, unknown>)[k]])) as RequestFieldsInput;
}

async function update(register: Register, r: RequestDetail, patch: Partial<RequestFieldsInput>) {
  const fields = requestFieldsSchema.parse({ ...fieldsOf(r), ...patch });
  return register.requests.update({ id: r.id, expectedVersion: r.version, fields }, ACTOR, CLOCK);
}

const party = (name: string, identifiers: string | null = null) => ({ role: 'suspect' as const, name, identifiers });

describe('the search index keeps step with the register', () => {
  it('indexes a registered request in every searched field', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, {
      counterpartReference: 'THEIRS-77',
      domesticReference: 'DOMESTIC-88',
      summary: 'Summary of the facts',
      parties: [party('Zofia Nowak', 'ID AB123456')],
      identifiers: [{ type: 'email', value: 'nowak@mail.example' }],
    });
    expect(await found(register, 'theirs-77')).toEqual([[r.id, 'counterpartReference']]);
    expect(await found(register, 'domestic-88')).toEqual([[r.id, 'domesticReference']]);
    expect(await found(register, 'facts')).toEqual([[r.id, 'summary']]);
    expect(await found(register, 'zofia')).toEqual([[r.id, 'partyName']]);
    expect(await found(register, 'ab123456')).toEqual([[r.id, 'partyIdentifiers']]);
    expect(await found(register, 'mail.example')).toEqual([[r.id, 'identifier']]);
    expect(drift(register)).toBe(0);
  });

  it('follows corrections of the summary and references, and forgets the old text', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, { summary: 'Old wording', counterpartReference: 'OLD-REF' });
    await update(register, r, { summary: 'New wording', counterpartReference: null, domesticReference: 'NEW-CASE' });
    expect(await found(register, 'old')).toEqual([]);
    expect(await found(register, 'new wording')).toEqual([[r.id, 'summary']]);
    expect(await found(register, 'new-case')).toEqual([[r.id, 'domesticReference']]);
    expect(drift(register)).toBe(0);
  });

  it('follows edits of persons and identifiers: renamed, removed, added', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, {
      parties: [party('Pavel Sokolov'), party('Irina Sokolova', 'passport 7700')],
      identifiers: [{ type: 'phone', value: '+33 6 12 34 56 78' }],
    });
    await update(register, r, {
      parties: [party('Pavel Sokolow')],
      identifiers: [{ type: 'url', value: 'https://shop.example/item' }],
    });
    expect(await found(register, 'sokolov')).toEqual([]);
    expect(await found(register, 'irina')).toEqual([]);
    expect(await found(register, 'passport')).toEqual([]);
    expect(await found(register, '12 34')).toEqual([]);
    expect(await found(register, 'sokolow')).toEqual([[r.id, 'partyName']]);
    expect(await found(register, 'shop.example')).toEqual([[r.id, 'identifier']]);
    expect(drift(register)).toBe(0);
  });

  it('indexes the note of a status change and of an event, which cannot change afterwards', async () => {
    const register = tempRegister();
    const r = await seedRequest(register);
    const moved = await register.requests.move(
      transition({
        id: r.id,
        to: 'under_review',
        on: CLOCK.today,
        note: 'Translation checked by Sabine',
        expectedVersion: r.version,
      }),
      ACTOR,
      CLOCK,
    );
    await register.requests.recordEvent(
      recordEventSchema.parse({
        id: r.id,
        type: 'note',
        on: CLOCK.today,
        note: 'Called the liaison magistrate',
        expectedVersion: moved.version,
      }),
      ACTOR,
      CLOCK,
    );
    expect(await found(register, 'sabine')).toEqual([[r.id, 'statusNote']]);
    expect(await found(register, 'liaison')).toEqual([[r.id, 'eventNote']]);
    expect(drift(register)).toBe(0);
  });

  it('follows the correspondence log, added and corrected', async () => {
    const register = tempRegister();
    const r = await seedRequest(register);
    const entry = { onDate: CLOCK.today, direction: 'outgoing', channel: 'email' } as const;
    const added = await register.documents.addCorrespondence(
      addCorrespondenceSchema.parse({ requestId: r.id, ...entry, summary: 'Asked Eurojust for a meeting' }),
      ACTOR,
      CLOCK,
    );
    expect(await found(register, 'eurojust')).toEqual([[r.id, 'correspondence']]);
    await register.documents.updateCorrespondence(
      updateCorrespondenceSchema.parse({ id: added.id, ...entry, summary: 'Asked the liaison officer' }),
      ACTOR,
      CLOCK,
    );
    expect(await found(register, 'eurojust')).toEqual([]);
    expect(await found(register, 'liaison officer')).toEqual([[r.id, 'correspondence']]);
    expect(drift(register)).toBe(0);
  });

  it('follows rows changed and deleted with plain SQL, whatever wrote them', async () => {
    const register = tempRegister();
    const r = await seedRequest(register, {
      parties: [party('Dieter Braun')],
      identifiers: [{ type: 'account', value: 'DE89370400440532013000' }],
    });
    withRaw(register.location, (db) => {
      db.prepare("UPDATE request_parties SET name = 'Dieter Braune', identifiers = 'ID 4455' WHERE request_id = ?").run(
        r.id,
      );
      db.prepare("UPDATE request_identifiers SET value = 'FR7630006000011234567890189' WHERE request_id = ?").run(r.id);
    });
    expect(await found(register, 'braune')).toEqual([[r.id, 'partyName']]);
    expect(await found(register, 'id 4455')).toEqual([[r.id, 'partyIdentifiers']]);
    expect(await found(register, 'de8937')).toEqual([]);
    expect(await found(register, 'fr7630')).toEqual([[r.id, 'identifier']]);
    expect(drift(register)).toBe(0);
    withRaw(register.location, (db) => {
      db.prepare('DELETE FROM request_parties WHERE request_id = ?').run(r.id);
      db.prepare('DELETE FROM request_identifiers WHERE request_id = ?').run(r.id);
    });
    expect(await found(register, 'braun')).toEqual([]);
    expect(await found(register, 'fr7630')).toEqual([]);
    expect(drift(register)).toBe(0);
  });

  it('indexes what an import writes, inside the import, and nothing of an import that fails', async () => {
    const register = tempRegister();
    const good = csvFile([
      row({ reference: 'MLA-IN-2024-00001', counterpart_reference: 'BE/2024/551', summary: 'Fraud by Lotte Peeters' }),
    ]);
    expect((await importFile(register, good)).ok).toBe(true);
    const id = (await found(register, 'peeters'))[0]?.[0];
    expect(id).toBeDefined();
    expect(await found(register, 'be/2024/551')).toEqual([[id, 'counterpartReference']]);
    expect(await found(register, 'mla-in-2024-00001')).toEqual([[id, 'reference']]);
    // The history notes the import writes on every request ("Imported from …") are not indexed.
    expect(await found(register, 'imported')).toEqual([]);

    const bad = csvFile([
      row({ reference: 'MLA-IN-2024-00002', summary: 'Smuggling by Jan Claes' }),
      row({ reference: 'MLA-IN-2024-00003', counterpart_country: 'XX' }),
    ]);
    expect((await importFile(register, bad)).ok).toBe(false);
    expect(await found(register, 'claes')).toEqual([]);
    expect(drift(register)).toBe(0);
  });

  it('is filled once at the end of an import into an empty register, and kept by its triggers after it', async () => {
    const register = tempRegister();
    const failing = csvFile([
      row({ reference: 'MLA-IN-2024-00001', summary: 'Smuggling by Jan Claes' }),
      row({ reference: 'MLA-IN-2024-00002', counterpart_country: 'XX' }),
    ]);
    expect((await importFile(register, failing)).ok).toBe(false);
    const good = csvFile([
      row({ reference: 'MLA-IN-2024-00003', summary: 'Fraud by Lotte Peeters' }),
      row({ reference: 'MLA-IN-2024-00004', summary: 'Fraud by Maes Transport' }),
    ]);
    expect((await importFile(register, good)).ok).toBe(true);
    expect(await found(register, 'claes')).toEqual([]);
    expect((await found(register, 'fraud by')).length).toBe(2);
    expect(drift(register)).toBe(0);
    // The triggers are back: what the app writes next is found at once.
    const later = await seedRequest(register, { summary: 'Extortion by Wouter Janssens' });
    expect(await found(register, 'janssens')).toEqual([[later.id, 'summary']]);
    expect(drift(register)).toBe(0);
  });

  it('is built from the requests already there when the migration runs', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    openDatabase({ file, migrationsFolder: migrationsFolder(SCHEMA_VERSION - 1), create: true }).close();
    withRaw(file, (db) => {
      const id = insertRawRequest(db, 'MLA-IN-2023-00009');
      db.prepare("UPDATE requests SET summary = 'Embezzlement by Nikola Petrović' WHERE id = ?").run(id);
      db.prepare("INSERT INTO request_parties (request_id, position, role, name) VALUES (?, 0, 'suspect', '李娜')").run(
        id,
      );
    });
    const register = openSqliteRegister({ file, migrationsFolder: MIGRATIONS });
    try {
      expect(await found(register, 'petrovic')).toEqual([[1, 'summary']]);
      expect(await found(register, '李娜')).toEqual([[1, 'partyName']]);
      expect(await found(register, '2023-0000')).toEqual([[1, 'reference']]);
      expect(drift(register)).toBe(0);
    } finally {
      register.close();
    }
  });
});

describe('the drift check itself', () => {
  it('notices an index entry its sources do not have, and one they have that is missing', async () => {
    const register = tempRegister();
    await seedRequest(register, { summary: 'Something to find' });
    withRaw(register.location, (db) => {
      db.prepare("INSERT INTO search_index (rowid, request_id, body) VALUES (42, 1, 'stray text  ')").run();
    });
    expect(drift(register)).toBeGreaterThan(0);
    withRaw(register.location, (db) => {
      db.prepare('DELETE FROM search_index WHERE rowid = 42').run();
      // The summary of request 1 (rowid layout: db/search/fields.ts).
      // The summary of request 1 (rowid layout: db/search/fields.ts).
      db.prepare('DELETE FROM search_index WHERE rowid = (7 << 40) - 1').run();
    });
    expect(drift(register)).toBeGreaterThan(0);
  });
});
