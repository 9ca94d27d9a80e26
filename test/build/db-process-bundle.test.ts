import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR_ROLES } from '../../contract/roles.ts';
import { createDbClient, DbOpenError, type DbClient, type DbProcessHandle } from '../../electron/db-client.ts';
import { MIGRATIONS, SCHEMA_VERSION, tempDir } from '../helpers/temp-register.ts';

/**
 * The bundled database process (dist/electron/db-process.cjs) run across a real process
 * boundary. Electron's utilityProcess is replaced by a Node child whose `process.parentPort`
 * is a shim over Node's IPC channel; everything else is the shipped code with Node's
 * better-sqlite3 build passed as `nativeBinding`, as Electron passes its own.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE_BINDING = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
let bundle = '';
let shim = '';

beforeAll(() => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-bundle-'));
  // A private output folder, so this never races the packaging test over dist/.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), `--outdir=${out}`], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  bundle = path.join(out, 'db-process.cjs');
  shim = path.join(out, 'parent-port-shim.cjs');
  fs.writeFileSync(
    shim,
    `const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (m) => process.send(m);
process.on('message', (m) => port.emit('message', { data: m }));
process.parentPort = port;
`,
  );
  return () => fs.rmSync(out, { recursive: true, force: true });
}, 60_000);

function spawnBundle(): DbProcessHandle {
  const child = fork(bundle, [], {
    execArgv: ['--require', shim],
    // The bundle leaves better-sqlite3 external; outside the repo it is found through NODE_PATH.
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.on('error', () => undefined); // sending to a child that was just killed; its exit is what counts
  return {
    post: (m) => child.send(m),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.on('exit', (code) => l(code ?? -1)),
    kill: () => void child.kill('SIGKILL'),
  };
}

function client(databaseFile: string, nativeBinding = NODE_BINDING, spawned: DbProcessHandle[] = []): DbClient {
  return createDbClient({
    spawn: () => {
      const p = spawnBundle();
      spawned.push(p);
      return p;
    },
    init: { databaseFile, migrationsFolder: MIGRATIONS, nativeBinding, app: { name: 'MLA Desk', version: '9.9.9' } },
    onFatal: (message) => {
      throw new Error(`unexpected fatal: ${message}`);
    },
    log: () => undefined,
  });
}

const incoming = {
  direction: 'incoming',
  kind: 'mla',
  counterpartCountry: 'FR',
  openedOn: '2026-03-02',
  summary: 'Bank records',
};

describe('bundled database process', () => {
  it('opens the register with the given native build, serves the contract, and closes it cleanly', async () => {
    const file = path.join(tempDir(), 'data', 'register.sqlite');
    const db = client(file);
    await expect(db.start()).resolves.toMatchObject({
      type: 'ready',
      schemaVersion: SCHEMA_VERSION,
      databaseFile: file,
    });
    const info = await db.call('app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { version: '9.9.9', actor: { name: os.userInfo().username, roles: [...LOCAL_OPERATOR_ROLES] } },
    });
    expect(await db.call('requests.register', incoming)).toMatchObject({
      ok: true,
      value: { reference: 'MLA-IN-2026-00001' },
    });
    expect(await db.call('requests.get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await db.stop();
    // A clean close checkpoints and removes the WAL.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM requests').get()).toEqual({ n: 1 });
    raw.close();
  }, 30_000);

  it('refuses a foreign database without changing a byte, and reports a missing native build', async () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'other.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    other.close();
    const before = fs.readFileSync(foreign);
    const refused = await client(foreign)
      .start()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DbOpenError);
    expect(refused).toMatchObject({ problem: 'not_mla_desk' });
    expect(fs.readFileSync(foreign).equals(before)).toBe(true);

    const missing = await client(path.join(dir, 'r.sqlite'), path.join(dir, 'no-such-build.node'))
      .start()
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ problem: 'unreadable', message: expect.stringContaining('no-such-build') });
  }, 30_000);

  it('writes a PDF status report with pdfkit, loaded at run time from outside the bundle', async () => {
    // pdfkit reads its font metrics from its package folder, so the build must leave it external.
    expect(fs.readFileSync(bundle, 'utf8')).toContain('require("pdfkit")');
    const dir = tempDir();
    const db = client(path.join(dir, 'register.sqlite'));
    await db.start();
    await db.call('requests.register', { ...incoming, domesticAuthority: 'Parquet de Paris' });
    const file = path.join(dir, 'report.pdf');
    const reply = await db.call('reports.status', {
      by: 'domesticAuthority',
      value: 'Parquet de Paris',
      format: 'pdf',
      target: { kind: 'path', path: file },
    });
    expect(reply).toMatchObject({ ok: true, value: { name: 'report.pdf', path: file } });
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await db.stop();
  }, 30_000);

  it('answers the calls in flight when the process is killed, restarts it, and keeps serving', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const spawned: DbProcessHandle[] = [];
    const db = client(file, NODE_BINDING, spawned);
    await db.start();
    expect(await db.call('requests.register', incoming)).toMatchObject({ ok: true });
    const inFlight = db.call('requests.list', {});
    spawned[0]?.kill();
    // call() yields before posting, so the kill lands first: the reply must come from the crash path.
    await expect(inFlight).resolves.toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringContaining('stopped unexpectedly') },
    });
    await expect(db.call('requests.list', {})).resolves.toMatchObject({ ok: true, value: { total: 1 } });
    expect(spawned).toHaveLength(2);
    await db.stop();
  }, 30_000);
});
