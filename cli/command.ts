import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';

/** A CLI command: its options, a zod schema for their values, and what it does. */
export interface Command<S extends z.ZodType = z.ZodType> {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** The name under which the command's positional arguments (e.g. the file to import) reach its schema. */
  positionals?: string;
  schema: S;
  /** Returns the exit code; throws (AppError or Error) to fail with a one-line reason. */
  run(values: z.output<S>, io: CommandIo): Promise<number>;
}

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Standard input, read to its end (a passphrase piped in); absent where there is none. */
  input?: () => Promise<string>;
}

export const defineCommand = <S extends z.ZodType>(command: Command<S>): Command => command as unknown as Command;

/** A required path option; named in the message so the user knows which one is wrong. */
export const pathOption = (name: string) =>
  z
    .string({ error: `--${name} is required` })
    .trim()
    .min(1, { message: `--${name} needs a file path` });
