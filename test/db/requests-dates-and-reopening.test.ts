import { describe, expect, it } from 'vitest';
import type { Register } from '../../db/register.ts';
import type { TransitionInput } from '../../contract/requests.ts';
import { completeFields } from '../helpers/drafting.ts';
import { ACTOR, CLOCK, newRequest, transition } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

async function move(register: Register, id: number, input: Omit<TransitionInput, 'id' | 'expectedVersion'>) {
  const current = await register.requests.get(id);
  return register.requests.move(transition({ id, expectedVersion: current.version, ...input }), ACTOR, CLOCK);
}

describe('dates and reopening keep the history readable in order', () => {
  it('refuses to register a request received in the future, and takes no reference for it', async () => {
    const register = tempRegister();
    await expect(
      register.requests.register(newRequest({ openedOn: '2026-03-11' }), ACTOR, CLOCK),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'openedOn' }],
    });
    const next = await register.requests.register(newRequest(), ACTOR, CLOCK);
    expect(next.reference).toBe('MLA-IN-2026-00001');
  });

  it('refuses a move dated before the change that came before it', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest({ openedOn: '2026-03-01' }), ACTOR, CLOCK);
    await move(register, r.id, { to: 'under_review', on: '2026-03-08' });
    await expect(
      move(register, r.id, { to: 'refused', on: '2026-03-02', refusalGrounds: ['other'] }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'on', message: expect.stringContaining('2026-03-08') }],
    });
    expect((await register.requests.get(r.id)).history).toHaveLength(2);
  });

  it('lets an outgoing request written up today be sent on an earlier day', async () => {
    const register = tempRegister();
    const r = await register.requests.register(
      newRequest({ direction: 'outgoing', openedOn: null, ...completeFields('mla') }),
      ACTOR,
      CLOCK,
    );
    await move(register, r.id, { to: 'under_review', on: '2026-03-01' });
    const sent = await move(register, r.id, { to: 'sent', on: '2026-03-02' });
    expect(sent.openedOn).toBe('2026-03-02');
  });

  it('drops the refusal grounds when a refused request is reopened; the history keeps the refusal', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await move(register, r.id, { to: 'refused', on: '2026-03-03', refusalGrounds: ['dual_criminality'] });
    const reopened = await move(register, r.id, {
      to: 'under_review',
      on: '2026-03-04',
      note: 'Grounds withdrawn on appeal',
    });
    expect(reopened.refusalGrounds).toEqual([]);
    expect(reopened.closedOn).toBeNull();
    expect(reopened.history.map((h) => h.toStatus)).toEqual(['registered', 'refused', 'under_review']);
  });

  it('resumes a suspended request to the status it was suspended from, and only to that one', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await move(register, r.id, { to: 'under_review', on: '2026-03-03' });
    await move(register, r.id, { to: 'in_execution', on: '2026-03-04' });
    const suspended = await move(register, r.id, { to: 'suspended', on: '2026-03-05', note: 'Domestic trial first' });
    const back = suspended.moves.filter((m) => !['refused', 'withdrawn', 'lapsed'].includes(m.to)).map((m) => m.to);
    expect(back).toEqual(['in_execution']);
    await expect(move(register, r.id, { to: 'under_review', on: '2026-03-06', note: 'Resume' })).rejects.toMatchObject({
      code: 'forbidden_move',
    });
    const resumed = await move(register, r.id, { to: 'in_execution', on: '2026-03-06', note: 'Trial over' });
    expect(resumed.status).toBe('in_execution');
  });

  it('lets the office withdraw an outgoing draft it abandons', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest({ direction: 'outgoing', openedOn: null }), ACTOR, CLOCK);
    const withdrawn = await move(register, r.id, { to: 'withdrawn', on: '2026-03-10' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', openedOn: null, closedOn: '2026-03-10' });
  });
});
