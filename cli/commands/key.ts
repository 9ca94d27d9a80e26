import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { StorageError } from '../../db/errors.ts';
import { readRecoveryFile, recoveryFileFor, unwrapRegisterKey } from '../../db/keys/recovery.ts';
import { writeKeyFile } from '../../db/keys/register-key.ts';
import { openDatabase } from '../../db/open.ts';
import { officeClock, openSqliteRegister } from '../../db/register.ts';
import { defineCommand, pathOption } from '../command.ts';
import { KEY_FILE_OPTION, keyFileSchema, keyFrom } from '../key-option.ts';
import { REPO_ROOT } from '../package-info.ts';

const migrationsFolder = path.join(REPO_ROOT, 'migrations');

/**
 * `key recover`: the day the operating system's key store is lost, the administrator's
 * recovery passphrase (piped in on standard input, never an argument: arguments show in
 * process lists and shell histories) unwraps the key from the recovery file beside the
 * register; the key is checked against the register and written to a new key file.
 */
export const keyRecoverCommand = defineCommand({
  name: 'key-recover',
  summary: 'Recover an encrypted register’s key with the recovery passphrase (read from standard input)',
  usage: 'key-recover --db FILE --out KEYFILE',
  options: { db: { type: 'string' }, out: { type: 'string' } },
  schema: z.strictObject({ db: pathOption('db'), out: pathOption('out') }),
  async run({ db, out }, io) {
    if (fs.existsSync(out))
      throw new StorageError('unreadable', `${out} already exists; choose a new file for the key.`);
    if (!io.input) throw new StorageError('wrong_key', 'Pipe the recovery passphrase in on standard input.');
    const record = readRecoveryFile(recoveryFileFor(path.resolve(db)));
    const passphrase = (await io.input()).split(/\r?\n/)[0] ?? '';
    if (passphrase.trim() === '')
      throw new StorageError('wrong_key', 'No recovery passphrase was given on standard input.');
    const key = await unwrapRegisterKey(record, passphrase);
    // The recovery file could belong to another register: the key must open this one.
    openDatabase({ file: db, migrationsFolder, key, readonly: true }).close();
    writeKeyFile(out, key);
    io.out(`The key of ${db} is in ${out} (readable by you only). Keep it as safe as the register.`);
    io.out(
      'To give it back to the desktop app, put it in the data folder as register.key: the app seals it in the system key store and removes the file.',
    );
    return 0;
  },
});

/** `key passphrase`: a new recovery passphrase, printed once (the previous one stops working). */
export const keyPassphraseCommand = defineCommand({
  name: 'key-passphrase',
  summary: 'Make a new recovery passphrase for an encrypted register (printed once)',
  usage: 'key-passphrase --db FILE --key-file KEY',
  options: { db: { type: 'string' }, ...KEY_FILE_OPTION },
  schema: z.strictObject({ db: pathOption('db'), 'key-file': keyFileSchema }),
  async run(values, io) {
    const key = keyFrom(values['key-file']);
    if (!key)
      throw new StorageError('wrong_key', '--key-file is required: only an encrypted register has a key to recover.');
    const register = openSqliteRegister({ file: values.db, migrationsFolder, key, create: false });
    try {
      const { passphrase } = await register.encryption.createRecoveryPassphrase(
        { name: 'command line', roles: ['administrator'] },
        await officeClock(register.clocks, new Date()),
      );
      io.out(`Recovery passphrase: ${passphrase}`);
      io.out(
        'Write it down and keep it where the office keeps its safe: it is shown this once, and it opens the register.',
      );
      return 0;
    } finally {
      register.close();
    }
  },
});
