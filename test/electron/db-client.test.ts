import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDbClient, DbOpenError, type DbClientOptions, type DbProcessHandle } from '../../electron/db-client.ts';
import type { ToDbProcess } from '../../electron/db-protocol.ts';

/** A scripted database process: records what it is sent and replies when the test says so. */
class FakeProcess implements DbProcessHandle {
  readonly sent: ToDbProcess[] = [];
  readonly events = new EventEmitter();
  killed = false;
  post(message: ToDbProcess): void {
    this.sent.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.events.on('message', listener);
  }
  onExit(listener: (code: number) => void): void {
    this.events.on('exit', listener);
  }
  kill(): void {
    this.killed = true;
    this.exit(-1);
  }
  reply(message: unknown): void {
    this.events.emit('message', message);
  }
  exit(code: number): void {
    this.events.emit('exit', code);
  }
  ready(): void {
    this.reply({ type: 'ready', schemaVersion: 2, databaseFile: '/data/register.sqlite' });
  }
  calls() {
    return this.sent.filter((m) => m.type === 'call');
  }
}

function setup(overrides: Partial<DbClientOptions> = {}) {
  const processes: FakeProcess[] = [];
  const onFatal = vi.fn();
  const client = createDbClient({
    spawn: () => {
      const p = new FakeProcess();
      processes.push(p);
      return p;
    },
    init: {
      databaseFile: '/data/register.sqlite',
      migrationsFolder: '/app/migrations',
      nativeBinding: '/app/x.node',
      key: 'ab'.repeat(32),
      app: { name: 'MLA Desk', version: '1', keyStore: 'os' },
    },
    onFatal,
    log: () => undefined,
    ...overrides,
  });
  const current = (): FakeProcess => {
    const p = processes.at(-1);
    if (!p) throw new Error('nothing spawned');
    return p;
  };
  return { client, processes, current, onFatal };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('database client', () => {
  it('sends init first and resolves start once the register is open', async () => {
    const { client, current } = setup();
    const started = client.start();
    expect(current().sent[0]).toMatchObject({
      type: 'init',
      databaseFile: '/data/register.sqlite',
      nativeBinding: '/app/x.node',
    });
    current().ready();
    await expect(started).resolves.toMatchObject({ schemaVersion: 2 });
  });

  it('rejects start with the storage problem when the register cannot be opened', async () => {
    const { client, current } = setup();
    const started = client.start();
    current().reply({ type: 'init-failed', problem: 'newer', message: 'written by a newer version' });
    const error = await started.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbOpenError);
    expect(error).toMatchObject({ problem: 'newer', message: 'written by a newer version' });
  });

  it('matches replies to calls by id, whatever order they come back in', async () => {
    const { client, current } = setup();
    const started = client.start();
    current().ready();
    await started;
    const first = client.call('requests.get', { id: 1 });
    const second = client.call('requests.get', { id: 2 });
    await vi.waitFor(() => expect(current().calls()).toHaveLength(2));
    const [a, b] = current().calls() as { id: number }[];
    current().reply({ type: 'reply', id: b?.id, envelope: { ok: true, value: 'second' } });
    current().reply({ type: 'reply', id: a?.id, envelope: { ok: true, value: 'first' } });
    await expect(first).resolves.toEqual({ ok: true, value: 'first' });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
  });

  it('ignores garbled messages', async () => {
    const { client, current } = setup();
    const started = client.start();
    current().reply('hello');
    current().reply({ type: 'reply', id: 'x' });
    current().ready();
    await expect(started).resolves.toBeDefined();
  });

  it('answers a call that takes too long with a storage envelope and drops the late reply', async () => {
    vi.useFakeTimers();
    const { client, current } = setup({ timeoutFor: () => 1_000 });
    const started = client.start();
    current().ready();
    await started;
    const call = client.call('app.info', {});
    await vi.advanceTimersByTimeAsync(1_001);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'storage' } });
    const id = (current().calls()[0] as { id: number }).id;
    expect(() => current().reply({ type: 'reply', id, envelope: { ok: true, value: 1 } })).not.toThrow();
  });

  it('fails the calls in flight when the process crashes, then restarts it and serves again', async () => {
    const { client, processes, current, onFatal } = setup();
    const started = client.start();
    current().ready();
    await started;
    const inFlight = client.call('requests.list', {});
    await vi.waitFor(() => expect(current().calls()).toHaveLength(1));
    processes[0]?.exit(139);
    await expect(inFlight).resolves.toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringContaining('139') },
    });
    expect(processes).toHaveLength(2);
    expect(current().sent[0]).toMatchObject({ type: 'init' });
    const next = client.call('app.info', {});
    current().ready();
    await vi.waitFor(() => expect(current().calls()).toHaveLength(1));
    const id = (current().calls()[0] as { id: number }).id;
    current().reply({ type: 'reply', id, envelope: { ok: true, value: 'back' } });
    await expect(next).resolves.toEqual({ ok: true, value: 'back' });
    expect(onFatal).not.toHaveBeenCalled();
  });

  it('reports a fatal error when the process keeps crashing', async () => {
    const { client, processes, current, onFatal } = setup({ maxRestarts: 2 });
    const started = client.start();
    current().ready();
    await started;
    for (let i = 0; i < 2; i++) {
      current().exit(1);
      current().ready();
    }
    expect(processes).toHaveLength(3);
    expect(onFatal).not.toHaveBeenCalled();
    current().exit(1);
    expect(processes).toHaveLength(3);
    expect(onFatal).toHaveBeenCalledOnce();
    expect(onFatal.mock.calls[0]?.[0]).toEqual({
      key: 'shell.stoppedTooOften',
      params: { count: 3, code: 1 },
      message: 'The register process stopped 3 times in a short while (last exit code 1). MLA Desk will close.',
    });
    await expect(client.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'storage' } });
  });

  it('reports a fatal error when the restarted process cannot reopen the register', async () => {
    const { client, current, onFatal } = setup();
    const started = client.start();
    current().ready();
    await started;
    current().exit(1);
    current().reply({ type: 'init-failed', problem: 'unreadable', message: 'disk gone' });
    await vi.waitFor(() =>
      expect(onFatal).toHaveBeenCalledWith(
        expect.objectContaining({ key: 'shell.notReopened', message: expect.stringContaining('disk gone') }),
      ),
    );
  });

  it('stops by asking the process to close the register, and refuses calls afterwards', async () => {
    const { client, current } = setup();
    const started = client.start();
    current().ready();
    await started;
    const stopped = client.stop();
    expect(current().sent.at(-1)).toEqual({ type: 'close' });
    current().exit(0);
    await stopped;
    expect(current().killed).toBe(false);
    await expect(client.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'storage' } });
  });

  it('kills a process that does not close in time', async () => {
    vi.useFakeTimers();
    const { client, current } = setup();
    const started = client.start();
    current().ready();
    await started;
    const stopped = client.stop();
    await vi.advanceTimersByTimeAsync(5_001);
    await stopped;
    expect(current().killed).toBe(true);
  });
});
