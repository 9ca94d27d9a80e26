import { describe, expect, it } from 'vitest';
import type { TransitionInput } from '../../contract/requests.ts';
import type { Register } from '../../db/register.ts';
import { ACTOR, CLOCK, newRequest, transition } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

async function move(register: Register, id: number, input: Omit<TransitionInput, 'id' | 'expectedVersion'>) {
  const current = await register.requests.get(id);
  return register.requests.move(transition({ id, expectedVersion: current.version, ...input }), ACTOR, CLOCK);
}

async function preservationInExecution(register: Register) {
  const r = await register.requests.register(newRequest({ kind: 'preservation' }), ACTOR, CLOCK);
  await move(register, r.id, { to: 'in_execution', on: '2026-03-03' });
  return r;
}

describe('a preservation carried out keeps the day its data is preserved until', () => {
  it('asks for the preserved-until date when a preservation is executed, and stores it', async () => {
    const register = tempRegister();
    const r = await preservationInExecution(register);
    const detail = await register.requests.get(r.id);
    expect(detail.moves.find((m) => m.to === 'executed')?.needs).toEqual(['preservedUntil']);
    await expect(move(register, r.id, { to: 'executed', on: '2026-03-04' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'preservedUntil' }],
    });
    const executed = await move(register, r.id, { to: 'executed', on: '2026-03-04', preservedUntil: '2026-06-02' });
    expect(executed).toMatchObject({ status: 'executed', preservedUntil: '2026-06-02', closedOn: '2026-03-04' });
  });

  it('refuses a preserved-until date before the day of preservation', async () => {
    const register = tempRegister();
    const r = await preservationInExecution(register);
    await expect(
      move(register, r.id, { to: 'executed', on: '2026-03-04', preservedUntil: '2026-03-01' }),
    ).rejects.toMatchObject({ fields: [{ field: 'preservedUntil' }] });
  });

  it('extends the preservation with an event that moves the date later only', async () => {
    const register = tempRegister();
    const r = await preservationInExecution(register);
    await move(register, r.id, { to: 'executed', on: '2026-03-04', preservedUntil: '2026-06-02' });
    const current = await register.requests.get(r.id);
    const record = (preservedUntil: string) =>
      register.requests.recordEvent(
        {
          id: r.id,
          type: 'preservation_extended',
          on: '2026-03-10',
          note: null,
          preservedUntil,
          expectedVersion: current.version,
        },
        ACTOR,
        CLOCK,
      );
    await expect(record('2026-05-01')).rejects.toMatchObject({ fields: [{ field: 'preservedUntil' }] });
    const extended = await record('2026-07-02');
    expect(extended.preservedUntil).toBe('2026-07-02');
    expect(extended.events.at(-1)).toMatchObject({
      type: 'preservation_extended',
      details: { previousPreservedUntil: '2026-06-02', preservedUntil: '2026-07-02' },
    });
  });

  it('does not ask an MLA request for a preserved-until date', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await move(register, r.id, { to: 'under_review', on: '2026-03-03' });
    const detail = await move(register, r.id, { to: 'in_execution', on: '2026-03-04' });
    expect(detail.moves.find((m) => m.to === 'executed')?.needs).toEqual([]);
    expect(detail.eventOptions.map((o) => o.type)).not.toContain('preservation_extended');
  });
});
