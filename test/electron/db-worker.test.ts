import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { FromDbProcess } from '../../electron/db-protocol.ts';
import { createDbWorker } from '../../electron/db-worker.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir } from '../helpers/temp-register.ts';

const app = { name: 'MLA Desk', version: '0.0.0-test', keyStore: 'os' as const };

/** The worker with the real API host on a temporary register (Node's better-sqlite3 build). */
function worker() {
  const posted: FromDbProcess[] = [];
  const exits: number[] = [];
  const w = createDbWorker({ post: (m) => posted.push(m), exit: (c) => exits.push(c), log: () => undefined });
  return { w, posted, exits };
}

const init = (databaseFile: string) => ({
  type: 'init',
  databaseFile,
  migrationsFolder: MIGRATIONS,
  nativeBinding: undefined,
  key: 'ab'.repeat(32),
  app,
});

describe('database process logic', () => {
  it('opens the register on init, serves calls as the person signed in on the window, and closes on request', async () => {
    const { w, posted, exits } = worker();
    const file = path.join(tempDir(), 'register.sqlite');
    await w.onMessage(init(file));
    expect(posted[0]).toEqual({ type: 'ready', schemaVersion: SCHEMA_VERSION, databaseFile: file });

    await w.onMessage({ type: 'call', id: 40, channel: 'app.info', input: {}, seat: 1 });
    expect(posted[1]).toMatchObject({ id: 40, envelope: { ok: false, error: { code: 'unauthenticated' } } });

    const admin = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' };
    await w.onMessage({ type: 'call', id: 41, channel: 'accounts.createFirstAdministrator', input: admin, seat: 1 });
    expect(posted[2]).toMatchObject({ id: 41, envelope: { ok: true, value: { outcome: 'signedIn' } } });

    await w.onMessage({ type: 'call', id: 42, channel: 'app.info', input: {}, seat: 1 });
    expect(posted[3]).toMatchObject({
      type: 'reply',
      id: 42,
      envelope: { ok: true, value: { name: 'MLA Desk', actor: { name: 'ada', roles: ['administrator'] } } },
    });

    await w.onMessage({ type: 'call', id: 43, channel: 'requests.get', input: { id: 'x' }, seat: 1 });
    expect(posted[4]).toMatchObject({ id: 43, envelope: { ok: false, error: { code: 'invalid_input' } } });

    await w.onMessage({ type: 'close' });
    expect(posted[5]).toEqual({ type: 'closed' });
    expect(exits).toEqual([0]);
  });

  it('keeps one session per window: another window, or the main process itself, is not signed in', async () => {
    const { w, posted } = worker();
    await w.onMessage(init(path.join(tempDir(), 'register.sqlite')));
    const admin = { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' };
    await w.onMessage({ type: 'call', id: 1, channel: 'accounts.createFirstAdministrator', input: admin, seat: 7 });
    const status = async (id: number, seat: number | null) => {
      await w.onMessage({ type: 'call', id, channel: 'accounts.status', input: {}, seat });
      const reply = posted.find((m) => m.type === 'reply' && m.id === id);
      return reply?.type === 'reply' && reply.envelope.ok
        ? (reply.envelope.value as { user: unknown }).user
        : 'refused';
    };
    expect(await status(2, 7)).toMatchObject({ username: 'ada' });
    expect(await status(3, 8)).toBeNull();
    expect(await status(4, null)).toBeNull();
    // A window that closes takes its session with it.
    await w.onMessage({ type: 'seat-closed', seat: 7 });
    expect(await status(5, 7)).toBeNull();
    await w.onMessage({
      type: 'call',
      id: 6,
      channel: 'accounts.signIn',
      input: { username: 'ada', password: admin.password },
      seat: 7,
    });
    expect(await status(7, 7)).toMatchObject({ username: 'ada' });
    await w.onMessage({ type: 'call', id: 8, channel: 'accounts.signOut', input: {}, seat: 7 });
    expect(await status(9, 7)).toBeNull();
    await w.onMessage({ type: 'close' });
  });

  it('reports a file that is not an MLA Desk register and leaves it byte for byte', async () => {
    const { w, posted } = worker();
    const file = path.join(tempDir(), 'notes.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    other.close();
    const before = fs.readFileSync(file);
    await w.onMessage(init(file));
    expect(posted).toEqual([
      {
        type: 'init-failed',
        problem: 'not_mla_desk',
        message: expect.stringContaining('not an MLA Desk register'),
        // The key goes too: the shell says it in the interface's language.
        key: 'storage.notRegister',
        params: { file },
      },
    ]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a register written by a newer version as "newer"', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const first = worker();
    await first.w.onMessage(init(file));
    await first.w.onMessage({ type: 'close' });
    const raw = new Database(file);
    raw.pragma(`key = "x'${'ab'.repeat(32)}'"`); // the register is encrypted with the init's key
    raw.pragma('user_version = 99');
    raw.close();
    const { w, posted } = worker();
    await w.onMessage(init(file));
    expect(posted[0]).toMatchObject({ type: 'init-failed', problem: 'newer' });
  });

  it('answers calls before init with a storage envelope and ignores malformed messages', async () => {
    const { w, posted } = worker();
    await w.onMessage({ type: 'call', id: 1, channel: 'app.info', input: {} });
    await w.onMessage({ type: 'explode' });
    await w.onMessage(null);
    expect(posted).toEqual([
      {
        type: 'reply',
        id: 1,
        envelope: {
          ok: false,
          error: { code: 'storage', message: 'The register is not open.', key: 'shell.registerNotOpen' },
        },
      },
    ]);
  });
});
