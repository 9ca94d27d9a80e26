import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { WriterConfig } from './writer-child.ts';

/** When to kill: `delayMs` after the loaded child was told to start, or after it said it had opened the register. */
export interface KillPlan {
  from: 'start' | 'ready';
  delayMs: number;
}

/** How long a child may take to open the register before the trial counts as failed. */
const READY_LIMIT_MS = 15_000;

/** A writer child, started and loaded, waiting for its configuration on stdin. */
export interface WaitingChild {
  /**
   * Sends the configuration and kills the child with SIGKILL as planned. Resolves once it is
   * dead, with how long it took to open the register (null: killed before); rejects, with
   * what it wrote to stderr, if it ended on its own (it never should: it writes until killed)
   * or did not open the register in time.
   */
  runAndKill(config: WriterConfig, plan: KillPlan): Promise<{ readyMs: number | null }>;
  /** Ends a child that will not be used. */
  dispose(): void;
}

/**
 * Starts a writer child (bundle.ts) ahead of its trial: Node and the bundle load (a good part
 * of a second on a busy machine) while the previous trial's register is being checked.
 */
export function startWriterChild(child: string): WaitingChild {
  const proc: ChildProcessByStdio<Writable, Readable, Readable> = spawn(process.execPath, [child], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  // The child says "waiting" once loaded, then "ready" once the register is open.
  const said: string[] = [];
  const listeners: (() => void)[] = [];
  let pending = '';
  proc.stdout.setEncoding('utf8').on('data', (text: string) => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    said.push(...lines);
    for (const listener of listeners.splice(0)) listener();
  });
  const saying = (line: string) =>
    new Promise<void>((resolve) => {
      const check = () => (said.includes(line) ? resolve() : listeners.push(check));
      check();
    });
  proc.stdin.on('error', () => undefined); // a child that died early is reported by its exit
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const kill = () => {
    if (proc.pid !== undefined && proc.exitCode === null && proc.signalCode === null) process.kill(proc.pid, 'SIGKILL');
  };

  return {
    async runAndKill(config, plan) {
      let planned = false;
      let readyMs: number | null = null;
      const timers: NodeJS.Timeout[] = [];
      const killIn = (ms: number) =>
        timers.push(
          setTimeout(() => {
            planned = true;
            kill();
          }, ms),
        );
      const tooSlow = setTimeout(() => {
        stderr += `\n(it had not opened the register after ${READY_LIMIT_MS} ms)`;
        kill();
      }, READY_LIMIT_MS);
      timers.push(tooSlow);
      // Timed from when it has loaded: the plan's moments are those of opening and writing.
      await Promise.race([saying('waiting'), exited]);
      const started = performance.now();
      let over = false;
      void saying('ready').then(() => {
        if (over) return; // the line came through after the child had died
        readyMs = performance.now() - started;
        clearTimeout(tooSlow);
        if (plan.from === 'ready') killIn(plan.delayMs);
      });
      proc.stdin.end(`${JSON.stringify(config)}\n`);
      if (plan.from === 'start') killIn(plan.delayMs);
      const { code, signal } = await exited;
      over = true;
      for (const t of timers) clearTimeout(t);
      if (planned && signal === 'SIGKILL') return { readyMs };
      throw new Error(`the writer ended on its own (code ${code}, signal ${signal}): ${stderr.trim()}`);
    },
    dispose: kill,
  };
}
