import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { assignSchema } from '../../contract/register-list.ts';
import type { Register } from '../../db/register.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { callerAs, testContext, tempRegister } from '../helpers/temp-register.ts';

let register: Register;

beforeEach(async () => {
  register = tempRegister();
  await seedRequest(register);
  await seedRequest(register, { assignedTo: 'Paul Officer' });
  await seedRequest(register, { assignedTo: 'Nadia Officer' });
});

const assign = (ids: number[], assignedTo: string | null) =>
  register.requests.assign(assignSchema.parse({ ids, assignedTo }), ACTOR, {
    ...CLOCK,
    at: '2026-03-10T11:00:00.000Z',
  });

function auditRows(): { action: string; entity_id: number; details: string; actor: string }[] {
  const raw = new Database(register.location, { readonly: true });
  try {
    return raw
      .prepare("SELECT action, entity_id, details, actor FROM audit_log WHERE action = 'request.update' ORDER BY id")
      .all() as { action: string; entity_id: number; details: string; actor: string }[];
  } finally {
    raw.close();
  }
}

describe('bulk assignment', () => {
  it('puts one officer in charge of several requests, each change audited and versioned', async () => {
    expect(await assign([1, 2], 'Nadia Officer')).toEqual({ changed: 2 });
    const [one, two] = [await register.requests.get(1), await register.requests.get(2)];
    expect([one.assignedTo, two.assignedTo]).toEqual(['Nadia Officer', 'Nadia Officer']);
    expect([one.version, two.version]).toEqual([2, 2]);
    expect(one.updatedAt).toBe('2026-03-10T11:00:00.000Z');
    expect(auditRows().map((r) => [r.entity_id, JSON.parse(r.details), r.actor])).toEqual([
      [1, { assignedTo: { from: null, to: 'Nadia Officer' } }, ACTOR.name],
      [2, { assignedTo: { from: 'Paul Officer', to: 'Nadia Officer' } }, ACTOR.name],
    ]);
  });

  it('leaves alone, unaudited, a request already assigned to that officer', async () => {
    expect(await assign([2, 3], 'Nadia Officer')).toEqual({ changed: 1 });
    expect((await register.requests.get(3)).version).toBe(1);
    expect(auditRows().map((r) => r.entity_id)).toEqual([2]);
  });

  it('removes the officer when given none', async () => {
    expect(await assign([2, 3], null)).toEqual({ changed: 2 });
    expect((await register.requests.get(2)).assignedTo).toBeNull();
  });

  it('changes nothing at all when one id is unknown', async () => {
    await expect(assign([1, 2, 99], 'Nadia Officer')).rejects.toMatchObject({
      code: 'not_found',
      fields: [{ field: 'ids', message: 'unknown request 99' }],
    });
    expect((await register.requests.get(1)).assignedTo).toBeNull();
    expect((await register.requests.get(2)).assignedTo).toBe('Paul Officer');
    expect(auditRows()).toEqual([]);
  });

  it('lets clerks assign, not prosecutors, and refuses a request named twice', async () => {
    const clerk = testContext({ register });
    expect(await dispatch('requests.assign', { ids: [1, 1], assignedTo: 'X' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'ids' }] },
    });
    const prosecutor = testContext({ register, caller: callerAs('prosecutor', 'Paula') });
    expect(await dispatch('requests.assign', { ids: [1], assignedTo: 'X' }, prosecutor)).toMatchObject({
      ok: false,
      error: { code: 'denied' },
    });
    expect(await dispatch('requests.assign', { ids: [1], assignedTo: ' Xavier ' }, clerk)).toEqual({
      ok: true,
      value: { changed: 1 },
    });
  });

  it('offers the officers and authorities named in the register, each once', async () => {
    await seedRequest(register, { assignedTo: 'paul lower', domesticAuthority: 'Tribunal de Lyon' });
    await seedRequest(register, { assignedTo: 'Paul Officer', domesticAuthority: 'Parquet de Paris' });
    expect(await register.requests.facets()).toEqual({
      officers: ['Nadia Officer', 'paul lower', 'Paul Officer'],
      domesticAuthorities: ['Parquet de Paris', 'Tribunal de Lyon'],
    });
  });
});
