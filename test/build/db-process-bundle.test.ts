import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
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
    init: {
      databaseFile,
      migrationsFolder: MIGRATIONS,
      nativeBinding,
      key: 'ab'.repeat(32),
      app: { name: 'MLA Desk', version: '9.9.9', keyStore: 'file' },
    },
    onFatal: (message) => {
      throw new Error(`unexpected fatal: ${message}`);
    },
    log: () => undefined,
  });
}

const PASSWORD = 'correct horse battery staple';

/**
 * First run through the process: the administrator adds a clerk, then window `seat` signs in as
 * the clerk (the database process keeps that session for the window).
 */
async function signInClerk(db: DbClient, seat: number): Promise<void> {
  const admin = { username: 'ada', displayName: 'Ada Admin', password: PASSWORD };
  expect((await db.call('accounts.createFirstAdministrator', admin, seat)).ok).toBe(true);
  const clerk = { username: 'amina', displayName: 'Amina Clerk', role: 'clerk', password: PASSWORD };
  expect((await db.call('accounts.add', clerk, seat)).ok).toBe(true);
  expect(await db.call('accounts.signIn', { username: 'amina', password: PASSWORD }, seat)).toMatchObject({
    ok: true,
    value: { outcome: 'signedIn' },
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
    // Nobody is signed in on the window yet: only the public channels answer.
    expect(await db.call('app.info', {}, 1)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await signInClerk(db, 1);
    const info = await db.call('app.info', {}, 1);
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9', actor: { name: 'amina', roles: ['clerk'] } } });
    expect(await db.call('requests.register', incoming, 1)).toMatchObject({
      ok: true,
      value: { reference: 'MLA-IN-2026-00001' },
    });
    expect(await db.call('requests.register', incoming, 2)).toMatchObject({ ok: false });
    expect(await db.call('requests.get', { id: 'x' }, 1)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    await db.stop();
    // A clean close checkpoints and removes the WAL.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    // The register is encrypted with the key the main process gave: unreadable without it.
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) AS n FROM requests').get()).toThrow(/not a database/);
    plain.close();
    const raw = new Database(file, { readonly: true });
    raw.pragma(`key = "x'${'ab'.repeat(32)}'"`);
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
    await signInClerk(db, 1);
    await db.call('requests.register', { ...incoming, domesticAuthority: 'Parquet de Paris' }, 1);
    const file = path.join(dir, 'report.pdf');
    const reply = await db.call(
      'reports.status',
      { by: 'domesticAuthority', value: 'Parquet de Paris', format: 'pdf', target: { kind: 'path', path: file } },
      1,
    );
    expect(reply).toMatchObject({ ok: true, value: { name: 'report.pdf', path: file } });
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await db.stop();
  }, 30_000);

  it('answers the calls in flight when the process is killed, restarts it, and keeps serving', async () => {
    const file = path.join(tempDir(), 'register.sqlite');
    const spawned: DbProcessHandle[] = [];
    const db = client(file, NODE_BINDING, spawned);
    await db.start();
    await signInClerk(db, 1);
    expect(await db.call('requests.register', incoming, 1)).toMatchObject({ ok: true });
    const inFlight = db.call('requests.list', {}, 1);
    spawned[0]?.kill();
    // call() yields before posting, so the kill lands first: the reply must come from the crash path.
    await expect(inFlight).resolves.toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringContaining('stopped unexpectedly') },
    });
    // Sessions live in the process's memory: the restarted one asks for the password again.
    await expect(db.call('requests.list', {}, 1)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await db.call('accounts.signIn', { username: 'amina', password: PASSWORD }, 1);
    await expect(db.call('requests.list', {}, 1)).resolves.toMatchObject({ ok: true, value: { total: 1 } });
    expect(spawned).toHaveLength(2);
    await db.stop();
  }, 30_000);
});
