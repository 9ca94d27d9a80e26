import type { CommandIo } from '../../cli/command.ts';
import { runCli } from '../../cli/main.ts';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the CLI in this process with a fake terminal that collects what it writes. */
export async function cli(...argv: string[]): Promise<CliRun> {
  return cliWithInput(undefined, ...argv);
}

/** The same, with `stdin` as what is piped to standard input (undefined: none). */
export async function cliWithInput(stdin: string | undefined, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...(stdin === undefined ? {} : { input: async () => stdin }),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
