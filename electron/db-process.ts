import { createDbWorker } from './db-worker.ts';
import type { FromDbProcess } from './db-protocol.ts';

/**
 * Entry of the Electron utility process that owns the register. All database work happens
 * here, so a slow query or a long backup never blocks the main process's event loop.
 */

/** The part of Electron's `process.parentPort` used here (typed locally: this file imports no electron). */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!port) {
  console.error('db-process must be started by Electron utilityProcess.fork');
  process.exit(2);
}

const worker = createDbWorker({
  post: (message: FromDbProcess) => port.postMessage(message),
  exit: (code) => process.exit(code),
});

port.on('message', (event) => {
  void worker.onMessage(event.data);
});

process.on('uncaughtException', (error) => {
  // The main process sees the exit, fails the calls in flight and restarts us.
  console.error('Database process crashed', error);
  process.exit(1);
});
