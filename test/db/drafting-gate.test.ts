import { describe, expect, it } from 'vitest';
import type { NewRequest, RequestDetail, TransitionInput } from '../../contract/requests.ts';
import type { Register } from '../../db/register.ts';
import { completeFields, correct } from '../helpers/drafting.ts';
import { ACTOR, CLOCK, newRequest, transition } from '../helpers/requests.ts';
import { countRows, withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

const draft = (register: Register, fields: Partial<NewRequest>) =>
  register.requests.register(newRequest({ direction: 'outgoing', openedOn: null, ...fields }), ACTOR, CLOCK);

async function move(register: Register, id: number, input: Omit<TransitionInput, 'id' | 'expectedVersion'>) {
  const { version } = await register.requests.get(id);
  return register.requests.move(transition({ id, expectedVersion: version, ...input }), ACTOR, CLOCK);
}

/** What the register holds of a request, to show a refused move wrote nothing. */
function footprint(register: Register, r: RequestDetail) {
  return {
    history: countRows(register.location, 'status_history'),
    audit: countRows(register.location, 'audit_log'),
    row: withRaw(register.location, (db) => db.prepare('SELECT * FROM requests WHERE id = ?').get(r.id), true),
  };
}

function auditDetails(register: Register): Record<string, unknown>[] {
  return withRaw(
    register.location,
    (db) =>
      db
        .prepare("SELECT details FROM audit_log WHERE action = 'request.move' ORDER BY id")
        .pluck()
        .all()
        .map((d) => JSON.parse(d as string) as Record<string, unknown>),
    true,
  );
}

describe('the completeness gate of outgoing requests', () => {
  it('refuses to put an incomplete MLA draft up for review without a reason, naming what it lacks, and writes nothing', async () => {
    const register = tempRegister();
    const { purpose: _purpose, ...withoutPurpose } = completeFields('mla');
    const r = await draft(register, withoutPurpose);
    const before = footprint(register, r);
    const refusal = move(register, r.id, { to: 'under_review', on: '2026-03-05' });
    await expect(refusal).rejects.toMatchObject({
      code: 'invalid_input',
      message: `${r.reference} lacks what it must contain before it moves on: purpose of the evidence. Complete it, or give a reason to move it on anyway.`,
      // The elements travel as codes: each screen names them in its reader's language.
      key: 'move.lacksEssentials',
      params: { reference: r.reference, elements: 'purpose' },
      fields: [
        { field: 'overrideReason', key: 'move.reasonToMoveWithout', params: { elements: 'purpose' } },
        { field: 'completeness.purpose', message: 'Missing: purpose of the evidence.' },
      ],
    });
    expect(footprint(register, r)).toEqual(before);
  });

  it('names every missing essential at once, with the other problems of the move', async () => {
    const register = tempRegister();
    const r = await draft(register, {});
    await expect(move(register, r.id, { to: 'under_review', on: '2026-03-11' })).rejects.toMatchObject({
      fields: [
        { field: 'on' },
        { field: 'overrideReason' },
        { field: 'completeness.requesting_authority' },
        { field: 'completeness.proceedings_nature' },
        { field: 'completeness.conducting_authority' },
        { field: 'completeness.facts_summary' },
        { field: 'completeness.assistance_sought' },
        { field: 'completeness.purpose' },
      ],
    });
  });

  it('takes a blank reason for none', async () => {
    const register = tempRegister();
    const r = await draft(register, {});
    await expect(
      move(register, r.id, { to: 'under_review', on: '2026-03-05', overrideReason: '   ' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'overrideReason', message: expect.any(String) }),
      ]),
    });
  });

  it('moves an incomplete request on with a reason, and keeps the reason and what was missing in the history and the audit log', async () => {
    const register = tempRegister();
    const { purpose: _purpose, summary: _summary, ...fields } = completeFields('mla');
    const r = await draft(register, fields);
    const reviewed = await move(register, r.id, {
      to: 'under_review',
      on: '2026-03-05',
      note: 'For the head of unit',
      overrideReason: '  The prosecutor sends the facts separately  ',
    });
    expect(reviewed.status).toBe('under_review');
    expect(reviewed.history.at(-1)).toEqual({
      id: expect.any(Number),
      recordedAt: CLOCK.at,
      effectiveOn: '2026-03-05',
      actor: ACTOR.name,
      fromStatus: 'draft',
      toStatus: 'under_review',
      note: 'For the head of unit',
      override: { reason: 'The prosecutor sends the facts separately', missing: ['facts_summary', 'purpose'] },
    });
    expect(auditDetails(register).at(-1)).toMatchObject({
      from: 'draft',
      to: 'under_review',
      override: { reason: 'The prosecutor sends the facts separately', missing: ['facts_summary', 'purpose'] },
    });
    // Sending it needs the reason again: each move out of drafting is its own decision.
    await expect(move(register, r.id, { to: 'sent', on: '2026-03-06' })).rejects.toMatchObject({
      fields: [{ field: 'overrideReason' }, { field: 'completeness.facts_summary' }, { field: 'completeness.purpose' }],
    });
    const sent = await move(register, r.id, { to: 'sent', on: '2026-03-06', overrideReason: 'Deadline today' });
    expect(sent.history.at(-1)?.override).toEqual({ reason: 'Deadline today', missing: ['facts_summary', 'purpose'] });
  });

  it('moves a complete request on without a reason, and records none even when one is given', async () => {
    const register = tempRegister();
    const r = await draft(register, completeFields('mla'));
    await move(register, r.id, { to: 'under_review', on: '2026-03-05', overrideReason: 'Not needed' });
    const sent = await move(register, r.id, { to: 'sent', on: '2026-03-06' });
    expect(sent.history.map((h) => h.override)).toEqual([undefined, undefined, undefined]);
    expect(auditDetails(register).map((d) => d.override)).toEqual([undefined, undefined]);
    const raw = withRaw(
      register.location,
      (db) => db.prepare('SELECT override_reason, override_missing FROM status_history').all(),
      true,
    );
    expect(raw).toEqual(Array(3).fill({ override_reason: null, override_missing: null }));
  });

  it('lets the recommended elements (procedure, persons) go missing without a reason', async () => {
    const register = tempRegister();
    const { procedureToFollow: _p, parties: _parties, ...fields } = completeFields('mla');
    const r = await draft(register, fields);
    expect((await move(register, r.id, { to: 'under_review', on: '2026-03-05' })).status).toBe('under_review');
  });

  it('checks an e-evidence draft on its way out: preservation draft → sent', async () => {
    const register = tempRegister();
    const { identifiers: _identifiers, ...fields } = completeFields('preservation');
    const r = await draft(register, { kind: 'preservation', ...fields });
    await expect(move(register, r.id, { to: 'sent', on: '2026-03-05' })).rejects.toMatchObject({
      fields: [
        { field: 'overrideReason' },
        { field: 'completeness.identifiers_timestamps' },
        { field: 'completeness.date_range' },
      ],
    });
    const complete = await draft(register, { kind: 'preservation', ...completeFields('preservation') });
    expect((await move(register, complete.id, { to: 'sent', on: '2026-03-05' })).status).toBe('sent');
  });

  it('holds a disclosure that follows a preservation until it is linked to it as its follow-up', async () => {
    const register = tempRegister();
    const [merely, followed] = [
      await draft(register, { kind: 'preservation', ...completeFields('preservation') }),
      await draft(register, { kind: 'preservation', ...completeFields('preservation') }),
    ];
    const r = await draft(register, { kind: 'disclosure', ...completeFields('disclosure'), followsPreservation: true });
    await expect(move(register, r.id, { to: 'sent', on: '2026-03-05' })).rejects.toMatchObject({
      fields: [{ field: 'overrideReason' }, { field: 'completeness.preservation_followed' }],
    });
    // Related to a preservation is not following it up.
    await register.requests.link({ id: r.id, otherReference: merely.reference, kind: 'related' }, ACTOR, CLOCK);
    await expect(move(register, r.id, { to: 'sent', on: '2026-03-05' })).rejects.toMatchObject({
      fields: [{ field: 'overrideReason' }, { field: 'completeness.preservation_followed' }],
    });
    await register.requests.link({ id: r.id, otherReference: followed.reference, kind: 'follow_up' }, ACTOR, CLOCK);
    expect((await move(register, r.id, { to: 'sent', on: '2026-03-05' })).status).toBe('sent');
  });

  it('leaves the statistics as they would be had the request been complete', async () => {
    const figures = async (overriding: boolean) => {
      const register = tempRegister();
      const { purpose, ...fields } = completeFields('mla');
      const r = await draft(register, overriding ? fields : { ...fields, purpose });
      const reason = overriding ? { overrideReason: 'Purpose follows by e-mail' } : {};
      await move(register, r.id, { to: 'under_review', on: '2026-03-02', ...reason });
      const sent = await move(register, r.id, { to: 'sent', on: '2026-03-03', ...reason });
      expect(sent.history.some((h) => h.override !== undefined)).toBe(overriding);
      await move(register, r.id, { to: 'in_execution', on: '2026-03-04' });
      await move(register, r.id, { to: 'executed', on: '2026-03-09' });
      return register.statistics.year(2026);
    };
    const overridden = await figures(true);
    expect(overridden.groups.length).toBeGreaterThan(0);
    expect(overridden).toEqual(await figures(false));
  });

  it('asks nothing of incoming requests, of going back to draft, or of withdrawing a draft', async () => {
    const register = tempRegister();
    const incoming = await register.requests.register(newRequest(), ACTOR, CLOCK);
    expect((await move(register, incoming.id, { to: 'under_review', on: '2026-03-05' })).status).toBe('under_review');
    const r = await draft(register, completeFields('mla'));
    await move(register, r.id, { to: 'under_review', on: '2026-03-05' });
    await correct(register, await register.requests.get(r.id), { purpose: null });
    expect((await move(register, r.id, { to: 'draft', on: '2026-03-06' })).status).toBe('draft');
    expect((await move(register, r.id, { to: 'withdrawn', on: '2026-03-07' })).status).toBe('withdrawn');
  });
});
