import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR_ROLES } from '../../contract/roles.ts';
import type { FromDbProcess } from '../../electron/db-protocol.ts';
import { createDbWorker } from '../../electron/db-worker.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir } from '../helpers/temp-register.ts';

const caller = { name: 'operator', roles: LOCAL_OPERATOR_ROLES };
const app = { name: 'MLA Desk', version: '0.0.0-test' };

/** The worker with the real API host on a temporary register (Node's better-sqlite3 build). */
function worker() {
  const posted: FromDbProcess[] = [];
  const exits: number[] = [];
  const w = createDbWorker({ post: (m) => posted.push(m), caller, exit: (c) => exits.push(c), log: () => undefined });
  return { w, posted, exits };
}

const init = (databaseFile: string) => ({
  type: 'init',
  databaseFile,
  migrationsFolder: MIGRATIONS,
  nativeBinding: undefined,
  app,
});

describe('database process logic', () => {
  it('opens the register on init, serves calls as the local operator, and closes on request', async () => {
    const { w, posted, exits } = worker();
    const file = path.join(tempDir(), 'register.sqlite');
    await w.onMessage(init(file));
    expect(posted[0]).toEqual({ type: 'ready', schemaVersion: SCHEMA_VERSION, databaseFile: file });

    await w.onMessage({ type: 'call', id: 41, channel: 'app.info', input: {} });
    expect(posted[1]).toMatchObject({
      type: 'reply',
      id: 41,
      envelope: {
        ok: true,
        value: { name: 'MLA Desk', actor: { name: 'operator', roles: [...LOCAL_OPERATOR_ROLES] } },
      },
    });

    await w.onMessage({ type: 'call', id: 42, channel: 'requests.get', input: { id: 'x' } });
    expect(posted[2]).toMatchObject({
      type: 'reply',
      id: 42,
      envelope: { ok: false, error: { code: 'invalid_input' } },
    });

    await w.onMessage({ type: 'close' });
    expect(posted[3]).toEqual({ type: 'closed' });
    expect(exits).toEqual([0]);
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
      { type: 'init-failed', problem: 'not_mla_desk', message: expect.stringContaining('not an MLA Desk register') },
    ]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a register written by a newer version as "newer"', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const first = worker();
    await first.w.onMessage(init(file));
    await first.w.onMessage({ type: 'close' });
    const raw = new Database(file);
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
        envelope: { ok: false, error: { code: 'storage', message: 'The register is not open.' } },
      },
    ]);
  });
});
