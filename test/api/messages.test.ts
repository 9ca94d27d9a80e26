import { describe, expect, it } from 'vitest';
import { trustedSession } from '../../api/context.ts';
import { dispatch } from '../../api/dispatch.ts';
import type { ChannelName } from '../../contract/channels.ts';
import type { ApiError, Envelope } from '../../contract/errors.ts';
import { englishText } from '../../contract/messages.ts';
import { callerAs, testContext } from '../helpers/temp-register.ts';
import { expectTranslatable } from './fuzz/answers.ts';

/*
 * Issue 7: every refusal the screens show says itself by a key of the English catalog
 * (i18n/en/messages.json) with its parameters, so a screen can say it in any language; its
 * English `message` (the command line, the logs, an older screen) is made from the same key.
 * The fuzz tests hold every answer to this; these are the refusals a person meets every day.
 */

const incoming = { direction: 'incoming', kind: 'mla', counterpartCountry: 'FR', openedOn: '2026-03-02' };

function refusal(reply: Envelope<unknown>): ApiError {
  if (reply.ok) throw new Error('The call was accepted');
  return reply.error;
}

/** The refusal, checked: its own key and English, and each field's. */
function said(reply: Envelope<unknown>, where: string): ApiError {
  const error = refusal(reply);
  expectTranslatable(error, where);
  for (const f of error.fields ?? []) expectTranslatable(f, `${where}: ${f.field}`);
  return error;
}

describe('a refusal', () => {
  it('of a channel the contract does not have, or of a caller who may not call it', async () => {
    expect(said(await dispatch('requests.delete', {}, testContext()), 'unknown')).toMatchObject({
      key: 'call.unknownChannel',
      message: 'There is no channel named "requests.delete".',
    });
    const prosecutor = testContext({ caller: callerAs('prosecutor', 'Paul Prosecutor') });
    expect(said(await dispatch('requests.register', incoming, prosecutor), 'denied')).toMatchObject({
      code: 'denied',
      key: 'call.denied',
      params: { roles: 'prosecutor', channel: 'requests.register' },
    });
    const expired = testContext({ session: { ...trustedSession(), state: 'expired' } });
    expect(said(await dispatch('requests.list', {}, expired), 'expired')).toMatchObject({
      code: 'unauthenticated',
      key: 'call.sessionExpired',
    });
  });

  it('of bad input names each field, whatever zod found wrong with it', async () => {
    const ctx = testContext();
    const error = said(
      await dispatch(
        'requests.register',
        {
          direction: 'sideways',
          kind: 'mla',
          counterpartCountry: 'QQ',
          openedOn: '2026-02-30',
          summary: 'x'.repeat(8001),
          cyberRelated: 'yes',
          parties: [{ role: 'suspect', name: ' ' }],
          referenceOverride: 'X-1',
        },
        ctx,
      ),
      'register',
    );
    expect(error).toMatchObject({ code: 'invalid_input', key: 'call.pleaseCheck' });
    const byField = Object.fromEntries((error.fields ?? []).map((f) => [f.field, f]));
    expect(byField['direction']).toMatchObject({ key: 'zod.oneOf', message: 'must be one of incoming, outgoing' });
    expect(byField['counterpartCountry']).toMatchObject({ key: 'field.country' });
    expect(byField['openedOn']).toMatchObject({ key: 'field.isoDate' });
    expect(byField['summary']).toMatchObject({
      key: 'field.maxLength',
      params: { count: 8000 },
      message: 'must be at most 8000 characters',
    });
    expect(byField['cyberRelated']).toMatchObject({ key: 'zod.expected.boolean' });
    expect(byField['parties.0.name']).toMatchObject({ key: 'field.required', message: 'is required' });
    expect(byField['(input)']).toMatchObject({ key: 'zod.unknownFields', params: { keys: 'referenceOverride' } });
    expect(error.message).toBe(englishText('call.pleaseCheck', { fields: Object.keys(byField).join(', ') }));
  });

  it('of a request that is not there, a move its workflow forbids, or one made on an old version', async () => {
    const ctx = testContext();
    expect(said(await dispatch('requests.get', { id: 5 }, ctx), 'not found')).toMatchObject({
      code: 'not_found',
      key: 'request.notFound',
      params: { id: 5 },
      message: 'There is no request with id 5.',
    });
    await dispatch('requests.register', incoming, ctx);
    const move = { id: 1, on: '2026-03-05', expectedVersion: 1 };
    expect(said(await dispatch('requests.transition', { ...move, to: 'executed' }, ctx), 'forbidden')).toMatchObject({
      key: 'move.forbidden',
      params: { from: 'registered', to: 'executed' },
      message: 'MLA-IN-2026-00001 cannot go from registered to executed: its workflow does not allow that move.',
    });
    await dispatch('requests.transition', { ...move, to: 'under_review' }, ctx);
    expect(said(await dispatch('requests.transition', { ...move, to: 'refused' }, ctx), 'stale')).toMatchObject({
      code: 'stale',
      key: 'request.stale',
    });
  });

  it('of a move or an event missing what it needs names each field', async () => {
    const ctx = testContext();
    await dispatch('requests.register', incoming, ctx);
    await dispatch('requests.transition', { id: 1, to: 'under_review', on: '2026-03-03', expectedVersion: 1 }, ctx);
    const move = said(
      await dispatch('requests.transition', { id: 1, to: 'refused', on: '2026-03-01', expectedVersion: 2 }, ctx),
      'move',
    );
    expect(move).toMatchObject({ key: 'move.incomplete' });
    expect(move.fields?.map((f) => f.key)).toEqual(
      expect.arrayContaining(['move.groundRequired', 'move.beforeOpened']),
    );
    const event = said(
      await dispatch('requests.recordEvent', { id: 1, type: 'note', on: '2026-04-01', expectedVersion: 2 }, ctx),
      'event',
    );
    expect(event).toMatchObject({ key: 'event.incomplete' });
    expect(event.fields?.map((f) => [f.field, f.key])).toEqual([
      ['note', 'field.required'],
      ['on', 'field.notInFuture'],
    ]);
  });

  it('of a link, an assignment, a directory entry or a file target says what is wrong', async () => {
    const ctx = testContext();
    await dispatch('requests.register', incoming, ctx);
    const cases: [ChannelName, unknown, string][] = [
      ['requests.link', { id: 1, otherReference: 'PRE-IN-2026-00009', kind: 'related' }, 'link.noRequest'],
      ['requests.link', { id: 1, otherReference: 'MLA-IN-2026-00001', kind: 'related' }, 'link.self'],
      ['requests.unlink', { id: 1, linkId: 3 }, 'link.notFound'],
      ['requests.assign', { ids: [1, 7], assignedTo: 'Amina' }, 'request.unknownForAssignment'],
      ['views.delete', { id: 9 }, 'view.notFound'],
      ['directories.domesticAuthorities.delete', { id: 4 }, 'directory.notFound.domestic_authority'],
      [
        'correspondence.update',
        { id: 2, onDate: '2026-03-04', direction: 'incoming', channel: 'email', summary: 'x' },
        'correspondence.notFound',
      ],
      [
        'interchange.export',
        { format: 'csv', target: { kind: 'path', path: '/no/such/folder/x.csv' } },
        'file.notWritable.noFolder',
      ],
    ];
    for (const [channel, input, key] of cases) {
      expect(said(await dispatch(channel, input, ctx), channel), channel).toMatchObject({ key });
    }
    const entry = { name: 'Cyber Unit' };
    await dispatch('directories.domesticAuthorities.save', entry, ctx);
    const clash = said(await dispatch('directories.domesticAuthorities.save', { name: 'CYBER UNIT ' }, ctx), 'clash');
    expect(clash).toMatchObject({
      key: 'directory.duplicate.domestic_authority',
      message: 'The domestic authority “Cyber Unit” is already in the directory.',
      fields: [{ field: 'name', key: 'field.inDirectory', message: 'is already in the directory' }],
    });
  });
});
