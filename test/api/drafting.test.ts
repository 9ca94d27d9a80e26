import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { OVERRIDE_REASON_MAX } from '../../contract/completeness.ts';
import type { Envelope } from '../../contract/errors.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { countRows, withRaw } from '../helpers/sqlite-files.ts';
import { testContext } from '../helpers/temp-register.ts';

const outgoingMla = {
  direction: 'outgoing',
  kind: 'mla',
  counterpartCountry: 'FR',
  domesticAuthority: 'Parquet de Paris',
  proceedingsNature: 'Investigation into fraud',
  conductingAuthority: 'Juge d’instruction, Paris',
  summary: 'Funds moved through accounts abroad',
  assistance: ['records'],
  procedureToFollow: 'Certified copies',
  parties: [{ role: 'suspect', name: 'Jean Dupont', nationality: 'fr', location: 'Lyon, France' }],
  requestLanguage: ' FR ',
};

const valueOf = <T>(reply: Envelope<unknown>) => {
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.value as T;
};
const fieldsOf = (reply: Envelope<unknown>) => (reply.ok ? [] : (reply.error.fields ?? []).map((f) => f.field));

describe('drafting through the API', () => {
  it('keeps what a formal request must state, with the language as an ISO 639-1 code', async () => {
    const ctx = testContext();
    const detail = valueOf<RequestDetail>(await dispatch('requests.register', outgoingMla, ctx));
    expect(detail).toMatchObject({
      status: 'draft',
      proceedingsNature: 'Investigation into fraud',
      conductingAuthority: 'Juge d’instruction, Paris',
      procedureToFollow: 'Certified copies',
      purpose: null,
      requestLanguage: 'fr',
      followsPreservation: false,
      parties: [{ name: 'Jean Dupont', nationality: 'FR', location: 'Lyon, France' }],
    });
  });

  it('refuses a language that is not an ISO 639-1 code, and fields the kind does not have, writing nothing', async () => {
    const ctx = testContext();
    const replies = [
      await dispatch('requests.register', { ...outgoingMla, requestLanguage: 'fra' }, ctx),
      await dispatch('requests.register', { ...outgoingMla, emergencyJustification: 'Life at risk' }, ctx),
      await dispatch('requests.register', { ...outgoingMla, kind: 'preservation', followsPreservation: true }, ctx),
      await dispatch('requests.register', { ...outgoingMla, purpose: 'x'.repeat(4001) }, ctx),
    ];
    expect(replies.map(fieldsOf)).toEqual([
      ['requestLanguage'],
      ['emergencyJustification'],
      ['followsPreservation'],
      ['purpose'],
    ]);
    expect(countRows(ctx.register.location, 'requests')).toBe(0);
  });

  it('refuses to move an incomplete draft on without a reason, then records the move and its reason', async () => {
    const ctx = testContext();
    const draft = valueOf<RequestDetail>(await dispatch('requests.register', outgoingMla, ctx));
    const move = { id: draft.id, to: 'under_review', on: '2026-03-05', expectedVersion: draft.version };

    const refused = await dispatch('requests.transition', move, ctx);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        key: 'move.lacksEssentials',
        message: expect.stringContaining('purpose of the evidence'),
      },
    });
    expect(fieldsOf(refused)).toEqual(['overrideReason', 'completeness.purpose']);

    const tooLong = await dispatch(
      'requests.transition',
      { ...move, overrideReason: 'x'.repeat(OVERRIDE_REASON_MAX + 1) },
      ctx,
    );
    expect(fieldsOf(tooLong)).toEqual(['overrideReason']);
    expect(countRows(ctx.register.location, 'status_history')).toBe(1);

    const moved = valueOf<RequestDetail>(
      await dispatch('requests.transition', { ...move, overrideReason: 'Purpose in the covering letter' }, ctx),
    );
    expect(moved.status).toBe('under_review');
    expect(moved.history.at(-1)).toMatchObject({
      actor: 'Amina Clerk',
      toStatus: 'under_review',
      override: { reason: 'Purpose in the covering letter', missing: ['purpose'] },
    });
    const audit = withRaw(
      ctx.register.location,
      (db) => db.prepare("SELECT details FROM audit_log WHERE action = 'request.move'").pluck().get() as string,
      true,
    );
    expect(JSON.parse(audit)).toMatchObject({
      override: { reason: 'Purpose in the covering letter', missing: ['purpose'] },
    });
  });
});
