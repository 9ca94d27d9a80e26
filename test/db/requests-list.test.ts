import { beforeEach, describe, expect, it } from 'vitest';
import type { NewRequest } from '../../contract/requests.ts';
import type { Register } from '../../db/register.ts';
import { ACTOR, CLOCK, listQuery, newRequest, transition } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/*
 * The register used by every test here, registered one minute apart (so updatedAt orders them):
 *   id reference           dir  kind          country counterpartReference  status
 *   1  MLA-IN-2026-00001   in   mla           FR      50%_A                 registered
 *   2  MLA-IN-2026-00002   in   mla           DE      50XYA                 refused (closed)
 *   3  PRE-IN-2026-00001   in   preservation  FR      A_B                   registered
 *   4  MLA-OUT-2026-00001  out  mla           US      AxB                   draft
 *   5  DIS-OUT-2026-00001  out  disclosure    US      back\slash            draft
 *   6  MLA-IN-2025-00001   in   mla           LB      (none)                registered
 */
const SEED: Partial<NewRequest>[] = [
  { counterpartCountry: 'FR', counterpartReference: '50%_A', openedOn: '2026-03-02' },
  { counterpartCountry: 'DE', counterpartReference: '50XYA', openedOn: '2026-03-01' },
  { kind: 'preservation', counterpartCountry: 'FR', counterpartReference: 'A_B', openedOn: '2026-02-20' },
  { direction: 'outgoing', counterpartCountry: 'US', counterpartReference: 'AxB' },
  { direction: 'outgoing', kind: 'disclosure', counterpartCountry: 'US', counterpartReference: 'back\\slash' },
  { counterpartCountry: 'LB', openedOn: '2025-11-14' },
];

let register: Register;

beforeEach(async () => {
  register = tempRegister();
  for (const [i, overrides] of SEED.entries()) {
    const at = `2026-03-10T09:0${i}:00.000Z`;
    await register.requests.register(newRequest(overrides), ACTOR, { at, today: CLOCK.today });
  }
  await register.requests.move(
    transition({ id: 2, to: 'refused', on: '2026-03-05', refusalGrounds: ['ne_bis_in_idem'], expectedVersion: 1 }),
    ACTOR,
    { at: '2026-03-10T09:30:00.000Z', today: CLOCK.today },
  );
});

const ids = async (query: Parameters<typeof listQuery>[0]) =>
  (await register.requests.list(listQuery(query))).rows.map((r) => r.id);

describe('listing the register', () => {
  it('lists everything, most recently updated first, by default', async () => {
    const result = await register.requests.list(listQuery());
    expect(result.total).toBe(6);
    expect(result.rows.map((r) => r.id)).toEqual([2, 6, 5, 4, 3, 1]);
    expect(result.rows[0]).toEqual({
      id: 2,
      reference: 'MLA-IN-2026-00002',
      direction: 'incoming',
      kind: 'mla',
      status: 'refused',
      counterpartCountry: 'DE',
      counterpartAuthority: null,
      counterpartReference: '50XYA',
      domesticReference: null,
      urgency: 'normal',
      openedOn: '2026-03-01',
      closedOn: '2026-03-05',
      counterpartDeadline: null,
      assignedTo: null,
      updatedAt: '2026-03-10T09:30:00.000Z',
    });
  });

  it('filters by direction', async () => {
    expect(await ids({ direction: 'outgoing', order: 'asc' })).toEqual([4, 5]);
    expect(await ids({ direction: 'incoming', order: 'asc' })).toEqual([1, 3, 6, 2]);
  });

  it('filters by kind', async () => {
    expect(await ids({ kind: 'mla', order: 'asc' })).toEqual([1, 4, 6, 2]);
    expect(await ids({ kind: 'disclosure' })).toEqual([5]);
    expect(await ids({ kind: 'emergency_disclosure' })).toEqual([]);
  });

  it('filters by status', async () => {
    expect(await ids({ status: 'draft', order: 'asc' })).toEqual([4, 5]);
    expect(await ids({ status: 'refused' })).toEqual([2]);
  });

  it('filters open and closed requests', async () => {
    expect(await ids({ state: 'closed' })).toEqual([2]);
    expect(await ids({ state: 'open', order: 'asc' })).toEqual([1, 3, 4, 5, 6]);
    expect(await ids({ state: 'all' })).toHaveLength(6);
  });

  it('filters by counterpart country, and combines filters with AND', async () => {
    expect(await ids({ counterpartCountry: 'fr', order: 'asc' })).toEqual([1, 3]);
    expect(await ids({ counterpartCountry: 'FR', kind: 'mla' })).toEqual([1]);
    expect(await ids({ counterpartCountry: 'US', direction: 'incoming' })).toEqual([]);
  });

  it('finds text in the reference and the counterpart reference, ignoring ASCII case', async () => {
    expect(await ids({ text: 'OUT-2026', order: 'asc' })).toEqual([4, 5]);
    expect(await ids({ text: 'mla-in-2025' })).toEqual([6]);
    expect(await ids({ text: '50XY' })).toEqual([2]);
  });

  it('takes % and _ in the search text literally, not as LIKE wildcards', async () => {
    expect(await ids({ text: '%' })).toEqual([1]);
    expect(await ids({ text: '50%' })).toEqual([1]);
    expect(await ids({ text: 'A_B' })).toEqual([3]);
    expect(await ids({ text: '_', order: 'asc' })).toEqual([1, 3]);
  });

  it('takes a backslash in the search text literally', async () => {
    expect(await ids({ text: 'back\\slash' })).toEqual([5]);
    expect(await ids({ text: '\\' })).toEqual([5]);
  });

  it('sorts by reference in either order', async () => {
    const asc = (await register.requests.list(listQuery({ sort: 'reference', order: 'asc' }))).rows.map(
      (r) => r.reference,
    );
    expect(asc).toEqual([
      'DIS-OUT-2026-00001',
      'MLA-IN-2025-00001',
      'MLA-IN-2026-00001',
      'MLA-IN-2026-00002',
      'MLA-OUT-2026-00001',
      'PRE-IN-2026-00001',
    ]);
    const desc = (await register.requests.list(listQuery({ sort: 'reference', order: 'desc' }))).rows.map(
      (r) => r.reference,
    );
    expect(desc).toEqual([...asc].reverse());
  });

  it('sorts by opening date, breaking ties (drafts have none) by id in the same order', async () => {
    // SQLite puts NULL first in ascending order.
    expect(await ids({ sort: 'openedOn', order: 'asc' })).toEqual([4, 5, 6, 3, 2, 1]);
    expect(await ids({ sort: 'openedOn', order: 'desc' })).toEqual([1, 2, 3, 6, 5, 4]);
  });

  it('sorts by counterpart country and by status', async () => {
    expect(await ids({ sort: 'counterpartCountry', order: 'asc' })).toEqual([2, 1, 3, 6, 4, 5]);
    // Status sorts by its code, alphabetically: draft < refused < registered.
    expect(await ids({ sort: 'status', order: 'asc' })).toEqual([4, 5, 2, 1, 3, 6]);
  });

  it('pages with limit and offset, and counts every match in total, not just the page', async () => {
    const page = await register.requests.list(listQuery({ sort: 'reference', order: 'asc', limit: 2, offset: 2 }));
    expect(page.rows.map((r) => r.reference)).toEqual(['MLA-IN-2026-00001', 'MLA-IN-2026-00002']);
    expect(page.total).toBe(6);
    const filtered = await register.requests.list(listQuery({ direction: 'incoming', limit: 1 }));
    expect(filtered.rows).toHaveLength(1);
    expect(filtered.total).toBe(4);
    const beyond = await register.requests.list(listQuery({ offset: 10 }));
    expect(beyond).toEqual({ rows: [], total: 6 });
  });
});
