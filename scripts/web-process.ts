/**
 * The web build of MLA Desk in a child process, and Debian's Chromium, as the end-to-end
 * tests (test/e2e/harness.ts) and the benchmark (scripts/bench/ui.ts) both drive them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface WebProcess {
  /** The address the server printed, with the tab's token in the fragment. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs `command args` (a web server that prints "Open: http://127.0.0.1:PORT/#token=…") in
 * `cwd` with MLA_DESK_DATA_DIR set, in a process group of its own so that a wrapper (npm,
 * tsx) and the server stop together; resolves with the address once it is printed.
 */
export async function startWebProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; dataDir: string; timeoutMs: number; name: string },
): Promise<WebProcess> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, MLA_DESK_DATA_DIR: options.dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not start:\n${output}`)), options.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${options.name} exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, with the flags this machine needs. */
export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium); .ci/run installs it.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
