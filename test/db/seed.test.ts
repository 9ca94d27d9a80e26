import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClosedStatus, type Status } from '../../contract/codes.ts';
import { validateRow } from '../../db/interchange/validate-row.ts';
import { seedRegister } from '../../db/seed/seed.ts';
import { SEED_FROM, seedRows, seedSpan } from '../../db/seed/rows.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

const TODAY = '2026-11-20';
const CLOCK = { at: '2026-11-20T10:00:00.000Z', today: TODAY };
const ACTOR = { name: 'seed test', roles: ['administrator'] };
const span = seedSpan(TODAY);

const hashOf = (count: number, seed: number) =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify([...seedRows(count, seed, span)]))
    .digest('hex');

async function seededExport(count: number, seed: number): Promise<{ file: string; csv: Buffer }> {
  const register = tempRegister();
  const report = await seedRegister(register, { count, seed }, ACTOR, CLOCK);
  expect(report).toMatchObject({ ok: true, imported: count, problems: [] });
  const out = path.join(tempDir(), 'export.csv');
  await register.interchange.export(out, 'csv');
  return { file: register.location, csv: fs.readFileSync(out) };
}

describe('the synthetic register (seed)', () => {
  it('gives the same rows for the same seed and other rows for another seed', () => {
    expect(hashOf(2000, 42)).toBe(hashOf(2000, 42));
    expect(hashOf(2000, 42)).not.toBe(hashOf(2000, 43));
  });

  it('makes exactly the number of rows asked for', () => {
    for (const count of [1, 7, 1234]) expect([...seedRows(count, 5, span)]).toHaveLength(count);
  });

  it('makes rows that each pass the import validation, with unique references and earlier related rows', () => {
    for (const seed of [1, 2, 3]) {
      const seen = new Set<string>();
      let n = 1;
      for (const values of seedRows(3000, seed, span)) {
        n += 1;
        const result = validateRow(values, n, TODAY);
        expect(result, `seed ${seed}, row ${n}: ${JSON.stringify(result)}`).not.toBeInstanceOf(Array);
        expect(seen.has(values.reference ?? '')).toBe(false);
        if (values.related_reference !== null) expect(seen.has(values.related_reference)).toBe(true);
        seen.add(values.reference ?? '');
        if (values.opened_on !== null) expect(values.opened_on >= SEED_FROM && values.opened_on <= TODAY).toBe(true);
      }
    }
  });

  it('mixes kinds, directions, statuses and scripts', () => {
    const rows = [...seedRows(3000, 9, span)];
    const kinds = new Set(rows.map((r) => r.kind));
    const statuses = new Set(rows.map((r) => r.status));
    expect(kinds.size).toBe(4);
    expect(new Set(rows.map((r) => r.direction)).size).toBe(2);
    expect(statuses.size).toBeGreaterThanOrEqual(10);
    const text = rows.map((r) => r.summary).join(' ');
    for (const script of [/\p{Script=Latin}/u, /\p{Script=Arabic}/u, /\p{Script=Cyrillic}/u, /\p{Script=Han}/u]) {
      expect(text).toMatch(script);
    }
    const years = new Set(rows.map((r) => r.opened_on?.slice(0, 4)).filter((y) => y !== undefined));
    expect(years).toContain('2015');
    expect(years).toContain('2026');
    for (const r of rows) {
      if (r.status === 'refused') expect(r.refusal_grounds).not.toBeNull();
      if (r.kind !== 'mla') expect(r.service_provider).not.toBeNull();
    }
  });

  it('writes through the import: same seed, byte-identical exports; another seed, another register', async () => {
    const a = await seededExport(600, 11);
    const b = await seededExport(600, 11);
    const c = await seededExport(600, 12);
    expect(a.csv.equals(b.csv)).toBe(true);
    expect(a.csv.equals(c.csv)).toBe(false);
  });

  it('records consistent histories: each ends in the request status, a closed one with its closure on closed_on', async () => {
    const { file } = await seededExport(1500, 3);
    withRaw(
      file,
      (db) => {
        const requests = db.prepare('SELECT id, status, opened_on, closed_on FROM requests').all() as {
          id: number;
          status: Status;
          opened_on: string | null;
          closed_on: string | null;
        }[];
        const historyOf = db.prepare(
          'SELECT from_status, to_status, effective_on FROM status_history WHERE request_id = ? ORDER BY id',
        );
        expect(requests).toHaveLength(1500);
        for (const r of requests) {
          const history = historyOf.all(r.id) as {
            from_status: string | null;
            to_status: string;
            effective_on: string;
          }[];
          expect(history[0]?.from_status).toBeNull();
          expect(history.at(-1)?.to_status).toBe(r.status);
          history.slice(1).forEach((h, i) => expect(h.from_status).toBe(history[i]?.to_status));
          if (isClosedStatus(r.status)) expect(history.at(-1)?.effective_on).toBe(r.closed_on);
          if (r.opened_on !== null) expect(history[0]?.effective_on).toBe(r.opened_on);
        }
      },
      true,
    );
  });
});
