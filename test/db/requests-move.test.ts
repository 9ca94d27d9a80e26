import { describe, expect, it } from 'vitest';
import type { RequestDetail, TransitionInput } from '../../contract/requests.ts';
import type { Register } from '../../db/register.ts';
import type { Clock } from '../../db/clock.ts';
import { completeFields } from '../helpers/drafting.ts';
import { ACTOR, CLOCK, newRequest, transition } from '../helpers/requests.ts';
import { countRows, withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

const PROSECUTOR = { name: 'Paul Prosecutor', roles: ['clerk'] };
const LATER: Clock = { at: '2026-03-10T11:00:00.000Z', today: '2026-03-10' };

/** Moves `id` with the version it has now, as a user who just loaded it would. */
async function move(
  register: Register,
  id: number,
  input: Omit<TransitionInput, 'id' | 'expectedVersion'>,
  clock = CLOCK,
) {
  const { version } = await register.requests.get(id);
  return register.requests.move(transition({ id, expectedVersion: version, ...input }), ACTOR, clock);
}

async function incomingInExecution(register: Register): Promise<RequestDetail> {
  const r = await register.requests.register(newRequest({ openedOn: '2026-03-02' }), ACTOR, CLOCK);
  await move(register, r.id, { to: 'under_review', on: '2026-03-03' });
  return move(register, r.id, { to: 'in_execution', on: '2026-03-04' });
}

/** What a refused move must leave exactly as it was. */
async function snapshot(register: Register, id: number) {
  const detail = await register.requests.get(id);
  return {
    detail,
    history: countRows(register.location, 'status_history'),
    audit: countRows(register.location, 'audit_log'),
    grounds: countRows(register.location, 'request_refusal_grounds'),
  };
}

describe('moving a request', () => {
  it('records the move in the history with actor, effective day, recording time and note, and bumps the version', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    const moved = await register.requests.move(
      transition({ id: r.id, to: 'under_review', on: '2026-03-05', note: '  Complete file  ', expectedVersion: 1 }),
      PROSECUTOR,
      LATER,
    );
    expect(moved).toMatchObject({ status: 'under_review', version: 2, updatedAt: LATER.at, createdAt: CLOCK.at });
    expect(moved.history).toHaveLength(2);
    expect(moved.history[1]).toEqual({
      id: expect.any(Number),
      recordedAt: LATER.at,
      effectiveOn: '2026-03-05',
      actor: 'Paul Prosecutor',
      fromStatus: 'registered',
      toStatus: 'under_review',
      note: 'Complete file',
    });
    expect(countRows(register.location, 'audit_log')).toBe(2);
  });

  it('sets closedOn when the request closes, clears it on reopening, and keeps both moves in the history', async () => {
    const register = tempRegister();
    const r = await incomingInExecution(register);
    const closed = await move(register, r.id, { to: 'executed', on: '2026-03-08' });
    expect(closed).toMatchObject({ status: 'executed', closedOn: '2026-03-08' });
    expect(closed.moves.every((m) => m.reopening)).toBe(true);

    const reopened = await move(register, r.id, { to: 'in_execution', on: '2026-03-09', note: 'Evidence incomplete' });
    expect(reopened).toMatchObject({ status: 'in_execution', closedOn: null, version: 5 });
    expect(reopened.history.map((h) => [h.fromStatus, h.toStatus, h.effectiveOn, h.note])).toEqual([
      [null, 'registered', '2026-03-02', null],
      ['registered', 'under_review', '2026-03-03', null],
      ['under_review', 'in_execution', '2026-03-04', null],
      ['in_execution', 'executed', '2026-03-08', null],
      ['executed', 'in_execution', '2026-03-09', 'Evidence incomplete'],
    ]);
    expect(
      await register.requests.list({ state: 'open', sort: 'updatedAt', order: 'desc', limit: 10, offset: 0 }),
    ).toMatchObject({ total: 1 });
  });

  it('stores the grounds of a refusal with the refused request', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    const refused = await move(register, r.id, {
      to: 'refused',
      on: '2026-03-06',
      refusalGrounds: ['political_offence', 'dual_criminality'],
      note: 'Consulted the requesting state first',
    });
    expect(refused).toMatchObject({ status: 'refused', closedOn: '2026-03-06' });
    expect([...refused.refusalGrounds].sort()).toEqual(['dual_criminality', 'political_offence']);
    expect(countRows(register.location, 'request_refusal_grounds')).toBe(2);
  });

  it.each([
    { name: 'a refusal without grounds', to: 'refused', field: 'refusalGrounds' },
    { name: 'a suspension without a note', to: 'suspended', field: 'note' },
  ] as const)('refuses $name with invalid_input naming $field, and writes nothing', async ({ to, field }) => {
    const register = tempRegister();
    const r = await incomingInExecution(register);
    const before = await snapshot(register, r.id);
    await expect(move(register, r.id, { to, on: '2026-03-06', note: '   ' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field }],
    });
    expect(await snapshot(register, r.id)).toEqual(before);
  });

  it('refuses to resume a suspended request or reopen a closed one without a note', async () => {
    const register = tempRegister();
    const r = await incomingInExecution(register);
    await move(register, r.id, { to: 'suspended', on: '2026-03-05', note: 'Would harm a domestic investigation' });
    const before = await snapshot(register, r.id);
    await expect(move(register, r.id, { to: 'in_execution', on: '2026-03-06' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'note' }],
    });
    expect(await snapshot(register, r.id)).toEqual(before);

    await move(register, r.id, { to: 'withdrawn', on: '2026-03-06', note: 'Withdrawn by letter' });
    const closed = await snapshot(register, r.id);
    await expect(move(register, r.id, { to: 'under_review', on: '2026-03-07' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'note' }],
    });
    expect(await snapshot(register, r.id)).toEqual(closed);
  });

  it('refuses a move made on a stale version with "stale" and writes nothing', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await move(register, r.id, { to: 'under_review', on: '2026-03-03' });
    const before = await snapshot(register, r.id);
    await expect(
      register.requests.move(
        transition({ id: r.id, to: 'withdrawn', on: '2026-03-04', expectedVersion: 1 }),
        ACTOR,
        CLOCK,
      ),
    ).rejects.toMatchObject({ code: 'stale' });
    expect(await snapshot(register, r.id)).toEqual(before);
  });

  it('refuses a move the workflow does not allow with forbidden_move, and an unknown id with not_found', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    const before = await snapshot(register, r.id);
    await expect(move(register, r.id, { to: 'executed', on: '2026-03-04' })).rejects.toMatchObject({
      code: 'forbidden_move',
    });
    await expect(
      register.requests.move(
        transition({ id: 99, to: 'under_review', on: '2026-03-04', expectedVersion: 1 }),
        ACTOR,
        CLOCK,
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await snapshot(register, r.id)).toEqual(before);
  });

  it.each([
    { name: 'before the request was opened', on: '2026-03-01' },
    { name: 'in the future', on: '2026-03-11' },
  ])('refuses a date $name, naming the field "on"', async ({ on }) => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest({ openedOn: '2026-03-02' }), ACTOR, CLOCK);
    const before = await snapshot(register, r.id);
    await expect(move(register, r.id, { to: 'under_review', on })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'on' }],
    });
    expect(await snapshot(register, r.id)).toEqual(before);
  });

  it('accepts the opening day and today as the boundaries of a move date', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest({ openedOn: '2026-03-02' }), ACTOR, CLOCK);
    await expect(move(register, r.id, { to: 'under_review', on: '2026-03-02' })).resolves.toMatchObject({
      status: 'under_review',
    });
    await expect(move(register, r.id, { to: 'in_execution', on: CLOCK.today })).resolves.toMatchObject({
      status: 'in_execution',
    });
  });

  it('reports every problem of a move at once', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest({ openedOn: '2026-03-02' }), ACTOR, CLOCK);
    const error = await move(register, r.id, { to: 'refused', on: '2026-03-01' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input' });
    const fields = (error as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['on', 'refusalGrounds']);
  });

  it('opens an outgoing draft on the day it is sent: draft → under_review → sent', async () => {
    const register = tempRegister();
    const draft = await register.requests.register(
      newRequest({ direction: 'outgoing', openedOn: null, ...completeFields('mla') }),
      ACTOR,
      CLOCK,
    );
    expect(draft.openedOn).toBeNull();
    const reviewed = await move(register, draft.id, { to: 'under_review', on: '2026-03-05' });
    expect(reviewed.openedOn).toBeNull();
    const sent = await move(register, draft.id, { to: 'sent', on: '2026-03-07' });
    expect(sent).toMatchObject({ status: 'sent', openedOn: '2026-03-07', closedOn: null });
    expect(sent.history.at(-1)).toMatchObject({
      fromStatus: 'under_review',
      toStatus: 'sent',
      effectiveOn: '2026-03-07',
    });
    // From now on the sending day is the lower bound of every move.
    await expect(move(register, draft.id, { to: 'in_execution', on: '2026-03-06' })).rejects.toMatchObject({
      fields: [{ field: 'on' }],
    });
  });

  it('records a reopening in the audit log as request.reopen and ordinary moves as request.move', async () => {
    const register = tempRegister();
    const r = await incomingInExecution(register);
    await move(register, r.id, { to: 'lapsed', on: '2026-03-08' });
    await move(register, r.id, { to: 'under_review', on: '2026-03-09', note: 'Answer arrived after all' });
    const actions = withRaw(
      register.location,
      (db) => db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all(),
      true,
    );
    expect(actions).toEqual(['request.register', 'request.move', 'request.move', 'request.move', 'request.reopen']);
  });
});
