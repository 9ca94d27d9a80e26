import type { CommandIo } from '../../cli/command.ts';
import { runCli } from '../../cli/main.ts';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the CLI in this process with a fake terminal that collects what it writes. */
export async function cli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await runCli(argv, io);
  return { code, out, err };
}
