import { drizzle } from 'drizzle-orm/better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../contract/codes.ts';
import { openDatabase } from '../../db/open.ts';
import * as schema from '../../db/schema/index.ts';
import { daysBetween, lifeOf, type StatusChange } from '../../db/statistics/life.ts';
import { decodeLife } from '../../db/statistics/life-text.ts';
import { livesQuery, readLives } from '../../db/statistics/load.ts';
import type { Register } from '../../db/register.ts';
import { closeOrReopen, openedRequest } from '../helpers/statistics.ts';
import { MIGRATIONS, tempRegister } from '../helpers/temp-register.ts';

/*
 * How the statistics read the register (db/statistics/load.ts, life.ts): each request's
 * history packed into a text inside one JSON text, parsed a slice at a time, and the day
 * arithmetic. The figures themselves are checked by the other statistics tests.
 */

/** A register with requests of several kinds and histories: closed, reopened, still open. */
async function variedRegister(): Promise<Register> {
  const register = tempRegister();
  let day = 0;
  const next = () => new Date(Date.UTC(2022, 0, 3 + (day += 17))).toISOString().slice(0, 10);
  for (let i = 0; i < 24; i += 1) {
    const kind = i % 3 === 0 ? 'preservation' : 'mla';
    const direction = i % 4 === 0 ? 'outgoing' : 'incoming';
    let r = await openedRequest(register, next(), { kind, direction, counterpartCountry: i % 2 ? 'FR' : 'DE' });
    for (let step = 0; step < i % 4; step += 1) r = await closeOrReopen(register, r, next(), step);
  }
  return register;
}

/** A read-only second connection to the register's file, as drizzle for the queries. */
function readerOf(register: Register) {
  const opened = openDatabase({ file: register.location, migrationsFolder: MIGRATIONS, readonly: true });
  return { db: drizzle({ client: opened.sqlite, schema }), sqlite: opened.sqlite, close: () => opened.close() };
}

describe('reading the lives of the register', () => {
  it('hands over every change of each history, in the order it was recorded', async () => {
    const register = await variedRegister();
    const reader = readerOf(register);
    try {
      const read = [...readLives(livesQuery(reader.db, '2000-01-01', '2100-12-31'))].map((row) =>
        JSON.stringify([row[3], decodeLife(row[4] ?? '')]),
      );
      const rows = reader.sqlite
        .prepare(
          `SELECT r.opened_on AS openedOn, h.request_id AS id, h.from_status AS "from", h.to_status AS "to",
             h.effective_on AS "on"
           FROM status_history h JOIN requests r ON r.id = h.request_id ORDER BY h.request_id, h.id`,
        )
        .all() as { openedOn: string; id: number; from: Status | null; to: Status; on: string }[];
      const byRequest = new Map<number, [string, StatusChange[]]>();
      for (const { openedOn, id, from, to, on } of rows) {
        const life = byRequest.get(id) ?? [openedOn, []];
        life[1].push({ created: from === null, to, on });
        byRequest.set(id, life);
      }
      const expected = [...byRequest.values()].map((life) => JSON.stringify(life));
      expect(read.sort()).toEqual(expected.sort());
      expect(read.length).toBe(24);
    } finally {
      reader.close();
    }
  });

  it('reads the same requests whatever the size of the slices it parses', async () => {
    const register = await variedRegister();
    const reader = readerOf(register);
    try {
      const query = livesQuery(reader.db, '2000-01-01', '2100-12-31');
      const whole = [...readLives(query)];
      expect(whole.length).toBe(24);
      for (const slice of [1, 40, 300]) expect([...readLives(query, slice)]).toEqual(whole);
    } finally {
      reader.close();
    }
  });

  it('reads nothing from a register without requests', () => {
    const reader = readerOf(tempRegister());
    try {
      expect([...readLives(livesQuery(reader.db, '2000-01-01', '2100-12-31'))]).toEqual([]);
    } finally {
      reader.close();
    }
  });
});

describe('the life of a request', () => {
  const change = (to: Status, on: string, created = false): StatusChange => ({ created, to, on });

  it('starts at the opening: a draft reviewed and sent back to draft is no life yet', () => {
    const life = lifeOf('2024-03-01', [
      change('draft', '2024-01-01', true),
      change('under_review', '2024-01-10'),
      change('draft', '2024-02-01'),
      change('under_review', '2024-02-10'),
      change('sent', '2024-03-01'),
      change('executed', '2024-03-11'),
    ]);
    expect(life).toEqual({
      closures: [{ on: '2024-03-11', status: 'executed', start: '2024-03-01' }],
      reopenings: [],
      spans: [{ start: '2024-03-01', end: '2024-03-11' }],
    });
  });

  it('opens and closes at once when created straight into a closed status', () => {
    const life = lifeOf('2024-05-02', [change('refused', '2024-05-02', true)]);
    expect(life.closures).toEqual([{ on: '2024-05-02', status: 'refused', start: '2024-05-02' }]);
    expect(life.spans).toEqual([{ start: '2024-05-02', end: '2024-05-02' }]);
  });

  it('measures a closure after a reopening from the reopening, and ignores closed-to-closed moves', () => {
    const life = lifeOf('2024-01-05', [
      change('registered', '2024-01-05', true),
      change('executed', '2024-02-01'),
      change('executed_in_part', '2024-02-03'),
      change('in_execution', '2024-06-01'),
      change('in_execution', '2024-06-02'),
      change('lapsed', '2024-07-01'),
    ]);
    expect(life.closures).toEqual([
      { on: '2024-02-01', status: 'executed', start: '2024-01-05' },
      { on: '2024-07-01', status: 'lapsed', start: '2024-06-01' },
    ]);
    expect(life.reopenings).toEqual(['2024-06-01']);
    expect(life.spans).toEqual([
      { start: '2024-01-05', end: '2024-02-01' },
      { start: '2024-06-01', end: '2024-07-01' },
    ]);
  });

  it('starts with the first change when the history never shows the opening', () => {
    const life = lifeOf('2019-04-01', [change('under_review', '2019-04-01'), change('withdrawn', '2019-05-01')]);
    expect(life.closures).toEqual([{ on: '2019-05-01', status: 'withdrawn', start: '2019-04-01' }]);
  });
});

describe('days between two dates', () => {
  const byDateParse = (from: string, to: string) =>
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

  it('counts as Date.parse does, for every day of two centuries and for odd texts', () => {
    const days: string[] = ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '0099-05-05', '2024-1-01', 'x'];
    for (let t = Date.UTC(1899, 11, 1); t < Date.UTC(2101, 1, 1); t += 86_400_000) {
      days.push(new Date(t).toISOString().slice(0, 10));
    }
    for (const to of ['2024-02-29', '2000-03-01', '1999-12-31', '2024-02-30', 'x']) {
      for (const from of days)
        expect(Object.is(daysBetween(from, to), byDateParse(from, to)), `${from} ${to}`).toBe(true);
    }
  });

  it('counts the leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
  });
});
