import { describe, expect, it } from 'vitest';
import { addCorrespondenceSchema, updateCorrespondenceSchema } from '../../contract/documents.ts';
import { AppError } from '../../contract/errors.ts';
import { attachInput, auditRows, registerWithRequest, writeFile } from '../helpers/documents.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';

const entry = (requestId: number, overrides: Record<string, unknown> = {}) =>
  addCorrespondenceSchema.parse({
    requestId,
    onDate: '2026-03-03',
    direction: 'outgoing',
    channel: 'email',
    summary: 'Acknowledged receipt; asked for the account holder’s date of birth.',
    ...overrides,
  });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the correspondence log', () => {
  it('adds entries with their documents, lists them by date, and audits each', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const doc = await register.documents.attach(
      attachInput(requestId, writeFile(files, 'ack.pdf', '%PDF-1.4 ack'), { type: 'acknowledgement' }),
      ACTOR,
      CLOCK,
    );
    const later = await register.documents.addCorrespondence(
      entry(requestId, { onDate: '2026-03-09', direction: 'incoming', channel: 'post', summary: 'Reply' }),
      ACTOR,
      CLOCK,
    );
    const first = await register.documents.addCorrespondence(
      entry(requestId, { documentIds: [doc.id, doc.id] }),
      ACTOR,
      CLOCK,
    );
    expect(first).toMatchObject({
      requestId,
      onDate: '2026-03-03',
      direction: 'outgoing',
      channel: 'email',
      documents: [{ id: doc.id, originalName: 'ack.pdf', type: 'acknowledgement', documentDate: '2026-03-02' }],
      recordedAt: CLOCK.at,
      recordedBy: ACTOR.name,
    });
    expect((await register.documents.listCorrespondence(requestId)).map((e) => e.id)).toEqual([first.id, later.id]);
    expect(auditRows(register, 'correspondence').map((r) => r.action)).toEqual([
      'correspondence.add',
      'correspondence.add',
    ]);
  });

  it('refuses documents of another request and a date ahead, naming the fields and writing nothing', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const other = await register.requests.register(newRequest({ counterpartCountry: 'DE' }), ACTOR, CLOCK);
    const foreign = await register.documents.attach(
      attachInput(other.id, writeFile(files, 'other.pdf', 'x')),
      ACTOR,
      CLOCK,
    );
    const error = await refusal(
      register.documents.addCorrespondence(
        entry(requestId, { documentIds: [foreign.id, 777], onDate: '2026-03-11' }),
        ACTOR,
        CLOCK,
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.map((f) => f.field).sort()).toEqual(['documentIds', 'onDate']);
    expect(error.fields?.find((f) => f.field === 'documentIds')?.message).toContain(`${foreign.id}, 777`);
    expect(await register.documents.listCorrespondence(requestId)).toEqual([]);
    expect(auditRows(register, 'correspondence')).toEqual([]);
  });

  it('refuses an entry for a request that does not exist', async () => {
    const { register } = await registerWithRequest();
    expect((await refusal(register.documents.addCorrespondence(entry(404), ACTOR, CLOCK))).code).toBe('not_found');
  });

  it('corrects an entry, keeping the old values in the audit log', async () => {
    const { register, requestId, files } = await registerWithRequest();
    const doc = await register.documents.attach(attachInput(requestId, writeFile(files, 'a.pdf', 'a')), ACTOR, CLOCK);
    const added = await register.documents.addCorrespondence(entry(requestId), ACTOR, CLOCK);
    const update = (overrides: Record<string, unknown>) =>
      updateCorrespondenceSchema.parse({
        id: added.id,
        onDate: added.onDate,
        direction: added.direction,
        channel: added.channel,
        summary: added.summary,
        ...overrides,
      });

    const corrected = await register.documents.updateCorrespondence(
      update({ channel: 'secure_platform', documentIds: [doc.id] }),
      ACTOR,
      CLOCK,
    );
    expect(corrected).toMatchObject({ id: added.id, channel: 'secure_platform', documents: [{ id: doc.id }] });
    // Unchanged: no audit entry.
    await register.documents.updateCorrespondence(
      update({ channel: 'secure_platform', documentIds: [doc.id] }),
      ACTOR,
      CLOCK,
    );

    const rows = auditRows(register, 'correspondence');
    expect(rows.map((r) => r.action)).toEqual(['correspondence.add', 'correspondence.update']);
    expect(rows[1]?.details).toEqual({
      requestId,
      changes: {
        channel: { from: 'email', to: 'secure_platform' },
        documentIds: { from: [], to: [doc.id] },
      },
    });
    expect((await refusal(register.documents.updateCorrespondence(update({ id: 999 }), ACTOR, CLOCK))).code).toBe(
      'not_found',
    );
  });
});
