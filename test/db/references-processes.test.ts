import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listQuery } from '../helpers/requests.ts';
import { countRows } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

const CHILD = path.resolve(import.meta.dirname, '../helpers/register-child.ts');
const PER_PROCESS = 50;

interface Child {
  process: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  done: Promise<string[]>;
}

function startChild(file: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(PER_PROCESS)], {
    cwd: path.resolve(import.meta.dirname, '../..'),
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`child exited with ${code}: ${err}`));
      resolve(JSON.parse(out.slice('ready\n'.length)) as string[]);
    });
  });
  // A child that fails before it is ready must not leave the test waiting for "ready".
  done.catch(() => markReady());
  return { process: child, ready, done };
}

describe('references under concurrent writers', () => {
  it(`gives 2 processes × ${PER_PROCESS} registrations on one file 100 distinct references with no gaps`, async () => {
    const register = tempRegister();
    const file = register.location;
    const children = [startChild(file), startChild(file)];
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.process.stdin.end('go\n');
    const [first, second] = await Promise.all(children.map((c) => c.done));

    expect(first).toHaveLength(PER_PROCESS);
    expect(second).toHaveLength(PER_PROCESS);
    const all = [...(first ?? []), ...(second ?? [])];
    expect(new Set(all).size).toBe(100);
    const numbers = all.map((r) => Number(/^MLA-IN-2026-(\d{5})$/.exec(r)?.[1])).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // Each process's own references come out in increasing order.
    for (const refs of [first ?? [], second ?? []]) expect([...refs].sort()).toEqual(refs);

    const listed = await register.requests.list(listQuery({ limit: 500 }));
    expect(listed.total).toBe(100);
    expect(countRows(file, 'status_history')).toBe(100);
    expect(countRows(file, 'audit_log')).toBe(100);
  });
});
