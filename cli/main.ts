import { parseArgs } from 'node:util';
import { AppError } from '../contract/errors.ts';
import type { Command, CommandIo } from './command.ts';
import { backupCommand, backupsCommand, restoreCommand } from './commands/backups.ts';
import { checkCommand, initCommand, migrateCommand } from './commands/database.ts';
import { exportCommand, importCommand } from './commands/interchange.ts';
import { keyPassphraseCommand, keyRecoverCommand } from './commands/key.ts';
import { seedCommand } from './commands/seed.ts';
import { statsCommand } from './commands/statistics.ts';
import { verifyCommand } from './commands/verify.ts';
import { APP_VERSION } from './package-info.ts';

const COMMANDS: Command[] = [
  initCommand,
  migrateCommand,
  checkCommand,
  verifyCommand,
  backupCommand,
  backupsCommand,
  restoreCommand,
  importCommand,
  exportCommand,
  statsCommand,
  seedCommand,
  keyRecoverCommand,
  keyPassphraseCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'Usage: mla-desk <command> [options]',
    '',
    'The MLA Desk register from the command line (the same code as the app).',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help     Show this help',
    '  --version  Show the version',
    '',
    'Exit status: 0 on success; otherwise 1, with the reason on stderr (2 for a usage error).',
  ].join('\n');
}

/** Runs the CLI on `argv` (without node and script); returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(APP_VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`mla-desk: unknown command "${name}" (mla-desk --help lists them)`);
    return 2;
  }
  if (rest.includes('--help')) {
    io.out(`Usage: mla-desk ${command.usage}\n\n${command.summary}.`);
    return 0;
  }
  let values: unknown;
  try {
    const { positionals } = command;
    const args = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: !!positionals });
    values = positionals ? { ...args.values, [positionals]: args.positionals } : args.values;
  } catch (e) {
    io.err(`mla-desk ${name}: ${(e as Error).message} (usage: mla-desk ${command.usage})`);
    return 2;
  }
  const parsed = command.schema.safeParse(values);
  if (!parsed.success) {
    io.err(
      `mla-desk ${name}: ${parsed.error.issues.map((i) => i.message).join('; ')} (usage: mla-desk ${command.usage})`,
    );
    return 2;
  }
  try {
    return await command.run(parsed.data, io);
  } catch (e) {
    const message = e instanceof AppError ? e.message : `unexpected failure: ${(e as Error).message}`;
    io.err(`mla-desk ${name}: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  }
}
