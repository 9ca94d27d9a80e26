import { describe, expect, it } from 'vitest';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

interface AuditRow {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  details: string;
}

function auditRows(file: string): AuditRow[] {
  return withRaw(file, (db) => db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[], true);
}

describe('registering a request', () => {
  it('stores an incoming request as registered, with every field given, version 1 and its reference', async () => {
    const register = tempRegister();
    const detail = await register.requests.register(
      newRequest({
        counterpartCountry: ' de ',
        counterpartAuthority: 'Staatsanwaltschaft Berlin',
        counterpartReference: '  254 Js 1234/25 ',
        domesticAuthority: 'Prosecutor General',
        domesticReference: 'PG-77',
        serviceProvider: '',
        legalBasis: 'budapest',
        channel: 'central_authority',
        urgency: 'urgent',
        assignedTo: 'R. Haddad',
        summary: 'Bank records of a shell company',
      }),
      ACTOR,
      CLOCK,
    );
    expect(detail).toMatchObject({
      id: 1,
      reference: 'MLA-IN-2026-00001',
      direction: 'incoming',
      kind: 'mla',
      status: 'registered',
      openedOn: '2026-03-02',
      closedOn: null,
      counterpartCountry: 'DE',
      counterpartAuthority: 'Staatsanwaltschaft Berlin',
      counterpartReference: '254 Js 1234/25',
      domesticAuthority: 'Prosecutor General',
      domesticReference: 'PG-77',
      serviceProvider: null,
      legalBasis: 'budapest',
      channel: 'central_authority',
      urgency: 'urgent',
      assignedTo: 'R. Haddad',
      summary: 'Bank records of a shell company',
      refusalGrounds: [],
      createdAt: CLOCK.at,
      updatedAt: CLOCK.at,
      version: 1,
    });
    // What a fresh incoming MLA request may do next comes from its workflow.
    expect(detail.moves.map((m) => m.to).sort()).toEqual([
      'lapsed',
      'refused',
      'suspended',
      'under_review',
      'withdrawn',
    ]);
    expect(await register.requests.get(detail.id)).toEqual(detail);
  });

  it('writes a first history entry with no from-status, dated the day the request was received', async () => {
    const register = tempRegister();
    const detail = await register.requests.register(newRequest({ openedOn: '2026-02-27' }), ACTOR, CLOCK);
    expect(detail.history).toEqual([
      {
        id: expect.any(Number),
        recordedAt: CLOCK.at,
        effectiveOn: '2026-02-27',
        actor: 'Amina Clerk',
        fromStatus: null,
        toStatus: 'registered',
        note: null,
      },
    ]);
  });

  it('appends one audit_log row naming the actor, the request and what was registered', async () => {
    const register = tempRegister();
    const detail = await register.requests.register(newRequest({ summary: 'Hearing of a witness' }), ACTOR, CLOCK);
    const rows = auditRows(register.location);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      at: CLOCK.at,
      actor: 'Amina Clerk',
      action: 'request.register',
      entity: 'request',
      entity_id: detail.id,
    });
    expect(JSON.parse(row?.details ?? '{}')).toMatchObject({
      reference: 'MLA-IN-2026-00001',
      status: 'registered',
      direction: 'incoming',
      kind: 'mla',
      counterpartCountry: 'FR',
      summary: 'Hearing of a witness',
    });
  });

  it('starts an outgoing request as a draft with no opening date, even when one is given', async () => {
    const register = tempRegister();
    const detail = await register.requests.register(
      newRequest({ direction: 'outgoing', kind: 'preservation', openedOn: '2026-03-01' }),
      ACTOR,
      CLOCK,
    );
    expect(detail).toMatchObject({ status: 'draft', openedOn: null, reference: 'PRE-OUT-2026-00001' });
    // The history still needs a day: the draft's is the day it was written.
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ fromStatus: null, toStatus: 'draft', effectiveOn: CLOCK.today });
    expect(detail.moves.map((m) => m.to)).toEqual(['sent', 'withdrawn']);
  });

  it('numbers an outgoing draft in the year it is written, an incoming one in the year it was received', async () => {
    const register = tempRegister();
    const outgoing = await register.requests.register(newRequest({ direction: 'outgoing' }), ACTOR, CLOCK);
    const lateIncoming = await register.requests.register(newRequest({ openedOn: '2025-12-30' }), ACTOR, CLOCK);
    expect(outgoing.reference).toBe('MLA-OUT-2026-00001');
    expect(lateIncoming.reference).toBe('MLA-IN-2025-00001');
  });

  it('gives every kind its own prefix and its own running number', async () => {
    const register = tempRegister();
    const refs: string[] = [];
    for (const kind of ['mla', 'preservation', 'disclosure', 'emergency_disclosure', 'mla'] as const) {
      refs.push((await register.requests.register(newRequest({ kind }), ACTOR, CLOCK)).reference);
    }
    expect(refs).toEqual([
      'MLA-IN-2026-00001',
      'PRE-IN-2026-00001',
      'DIS-IN-2026-00001',
      'EDR-IN-2026-00001',
      'MLA-IN-2026-00002',
    ]);
  });

  it('refuses to read a request that does not exist with not_found', async () => {
    const register = tempRegister();
    await expect(register.requests.get(42)).rejects.toMatchObject({ code: 'not_found' });
  });
});
