import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { HandlerContext } from '../../api/context.ts';
import type { Register } from '../../db/register.ts';
import { testContext, tempRegister } from '../helpers/temp-register.ts';

const AT = '2026-03-10T09:30:00.000Z';
let register: Register;

beforeEach(() => {
  register = tempRegister();
});

describe('saved views', () => {
  it('saves the filters and sort order under a name, and lists them by name', async () => {
    const saved = await register.views.save(
      'Amina',
      {
        name: 'Urgent incoming',
        query: { direction: 'incoming', urgency: 'urgent', state: 'open', sort: 'openedOn', order: 'asc' },
      },
      AT,
    );
    await register.views.save(
      'Amina',
      { name: 'All drafts', query: { status: 'draft', state: 'all', sort: 'updatedAt', order: 'desc' } },
      AT,
    );
    expect(saved).toMatchObject({ name: 'Urgent incoming', createdAt: AT });
    const views = await register.views.list('Amina');
    expect(views.map((v) => v.name)).toEqual(['All drafts', 'Urgent incoming']);
    expect(views[1]?.query).toEqual({
      direction: 'incoming',
      urgency: 'urgent',
      state: 'open',
      sort: 'openedOn',
      order: 'asc',
    });
  });

  it('keeps each person’s views to themselves', async () => {
    const mine = await register.views.save(
      'Amina',
      { name: 'Mine', query: { state: 'open', sort: 'updatedAt', order: 'desc' } },
      AT,
    );
    expect(await register.views.list('Paul')).toEqual([]);
    await expect(register.views.delete('Paul', mine.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await register.views.list('Amina')).toHaveLength(1);
  });

  it('replaces a view saved again under the same name', async () => {
    const first = await register.views.save(
      'Amina',
      { name: 'Today', query: { due: 'waiting', state: 'all', sort: 'updatedAt', order: 'desc' } },
      AT,
    );
    const again = await register.views.save(
      'Amina',
      { name: 'Today', query: { due: 'overdue', state: 'all', sort: 'updatedAt', order: 'desc' } },
      AT,
    );
    expect(again.id).toBe(first.id);
    const views = await register.views.list('Amina');
    expect(views).toHaveLength(1);
    expect(views[0]?.query.due).toBe('overdue');
  });

  it('deletes a view', async () => {
    const view = await register.views.save(
      'Amina',
      { name: 'Gone', query: { state: 'all', sort: 'updatedAt', order: 'desc' } },
      AT,
    );
    expect(await register.views.delete('Amina', view.id)).toEqual({ deleted: 1 });
    expect(await register.views.list('Amina')).toEqual([]);
  });

  it('drops a stored filter it no longer understands instead of losing the view', async () => {
    const view = await register.views.save(
      'Amina',
      { name: 'Old', query: { kind: 'mla', state: 'all', sort: 'updatedAt', order: 'desc' } },
      AT,
    );
    const raw = new Database(register.location);
    raw
      .prepare('UPDATE saved_views SET query = ? WHERE id = ?')
      .run('{"kind":"mla","colour":"red","due":"someday"}', view.id);
    raw.close();
    const [read] = await register.views.list('Amina');
    expect(read?.query).toEqual({ kind: 'mla', state: 'all', sort: 'updatedAt', order: 'desc' });
  });
});

describe('saved view channels', () => {
  let ctx: HandlerContext;
  beforeEach(() => {
    ctx = testContext({ register });
  });

  it('owns a view to the caller, never to a name in the input', async () => {
    const reply = await dispatch('views.save', { name: 'Mine', query: { state: 'open' }, owner: 'Paul' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('views.save', { name: ' Mine ', query: { state: 'open' } }, ctx)).toMatchObject({
      ok: true,
      value: { name: 'Mine', query: { state: 'open' } },
    });
    expect(await register.views.list(ctx.caller.name)).toHaveLength(1);
  });

  it('names the field of a bad view', async () => {
    const reply = await dispatch('views.save', { name: '', query: { offence: '99', limit: 5 } }, ctx);
    expect(reply.ok).toBe(false);
    const fields = reply.ok ? [] : (reply.error.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'query.offence', 'query']));
  });
});
