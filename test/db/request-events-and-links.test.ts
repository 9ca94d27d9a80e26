import { describe, expect, it } from 'vitest';
import type { EventType } from '../../contract/codes.ts';
import { linkRequestSchema, recordEventSchema } from '../../contract/requests.ts';
import type { Register } from '../../db/register.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

async function record(register: Register, id: number, type: EventType, extra: { note?: string; on?: string } = {}) {
  const current = await register.requests.get(id);
  return register.requests.recordEvent(
    recordEventSchema.parse({
      id,
      type,
      on: extra.on ?? '2026-03-05',
      note: extra.note,
      expectedVersion: current.version,
    }),
    ACTOR,
    CLOCK,
  );
}

const link = (
  register: Register,
  id: number,
  otherReference: string,
  kind: 'follow_up' | 'supplementary' | 'related',
) => register.requests.link(linkRequestSchema.parse({ id, otherReference, kind }), ACTOR, CLOCK);

describe('events in a request’s history', () => {
  it('records returning a deficient incoming request with what is missing, in the history', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    expect(r.eventOptions.map((o) => o.type)).toContain('returned_deficient');
    const after = await record(register, r.id, 'returned_deficient', { note: 'No summary of facts; no translation' });
    expect(after.events).toEqual([
      expect.objectContaining({ type: 'returned_deficient', effectiveOn: '2026-03-05', actor: ACTOR.name }),
    ]);
    expect(after.version).toBe(r.version + 1);
  });

  it('asks for what an event needs, and refuses events that do not apply', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await expect(record(register, r.id, 'consultation_before_refusal')).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'note' }],
    });
    await expect(record(register, r.id, 'preservation_extended')).rejects.toMatchObject({ code: 'forbidden_move' });
    const outgoing = await register.requests.register(
      newRequest({ direction: 'outgoing', openedOn: null }),
      ACTOR,
      CLOCK,
    );
    expect(outgoing.eventOptions.map((o) => o.type)).not.toContain('returned_deficient');
  });

  it('refuses an event dated in the future or before the request was opened', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest({ openedOn: '2026-03-02' }), ACTOR, CLOCK);
    await expect(record(register, r.id, 'information_received', { on: '2026-03-11' })).rejects.toMatchObject({
      fields: [{ field: 'on' }],
    });
    await expect(record(register, r.id, 'information_received', { on: '2026-03-01' })).rejects.toMatchObject({
      fields: [{ field: 'on' }],
    });
  });

  it('keeps events append-only in the database', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await record(register, r.id, 'note', { note: 'Phoned the liaison magistrate' });
    expect(() => withRaw(register.location, (db) => db.prepare('DELETE FROM request_events').run())).toThrow(
      /append-only/,
    );
  });
});

describe('links between requests', () => {
  it('links a follow-up MLA request to its preservation and shows the link from both ends', async () => {
    const register = tempRegister();
    const pre = await register.requests.register(newRequest({ kind: 'preservation' }), ACTOR, CLOCK);
    const mla = await register.requests.register(newRequest(), ACTOR, CLOCK);
    const linked = await link(register, mla.id, pre.reference, 'follow_up');
    expect(linked.links).toEqual([
      expect.objectContaining({
        kind: 'follow_up',
        side: 'to',
        other: expect.objectContaining({ reference: pre.reference }),
      }),
    ]);
    const fromPreservation = await register.requests.get(pre.id);
    expect(fromPreservation.links).toEqual([
      expect.objectContaining({
        kind: 'follow_up',
        side: 'from',
        other: expect.objectContaining({ reference: mla.reference }),
      }),
    ]);
  });

  it('refuses a follow-up that is not MLA/disclosure → preservation, a self-link, a duplicate and an unknown reference', async () => {
    const register = tempRegister();
    const a = await register.requests.register(newRequest(), ACTOR, CLOCK);
    const b = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await expect(link(register, a.id, b.reference, 'follow_up')).rejects.toMatchObject({
      fields: [{ field: 'otherReference' }],
    });
    await expect(link(register, a.id, a.reference, 'related')).rejects.toMatchObject({ code: 'invalid_input' });
    await link(register, a.id, b.reference, 'supplementary');
    await expect(link(register, b.id, a.reference, 'related')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(link(register, a.id, 'MLA-IN-1999-00001', 'related')).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('removes a link from either end', async () => {
    const register = tempRegister();
    const a = await register.requests.register(newRequest(), ACTOR, CLOCK);
    const b = await register.requests.register(newRequest(), ACTOR, CLOCK);
    const linked = await link(register, a.id, b.reference, 'related');
    const linkId = linked.links[0]?.id ?? 0;
    const after = await register.requests.unlink(b.id, linkId, ACTOR, CLOCK);
    expect(after.links).toEqual([]);
    await expect(register.requests.unlink(a.id, linkId, ACTOR, CLOCK)).rejects.toMatchObject({ code: 'not_found' });
  });
});
