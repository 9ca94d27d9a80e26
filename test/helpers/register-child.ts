// A separate process that registers requests into an existing register, for the concurrency
// tests: `node --import tsx register-child.ts FILE COUNT`. It opens the register, prints
// "ready", waits for one line on stdin (so that several children start writing together),
// registers COUNT incoming MLA requests and prints their references as one JSON line.
import path from 'node:path';
import readline from 'node:readline';
import { newRequestSchema } from '../../contract/requests.ts';
import { openSqliteRegister } from '../../db/register.ts';

const [file, countText] = process.argv.slice(2);
if (!file || !countText) throw new Error('usage: register-child.ts FILE COUNT');

const register = openSqliteRegister({
  file,
  migrationsFolder: path.resolve(import.meta.dirname, '../../migrations'),
  create: false,
});
const input = newRequestSchema.parse({
  direction: 'incoming',
  kind: 'mla',
  counterpartCountry: 'FR',
  openedOn: '2026-03-02',
});
const actor = { name: `child ${process.pid}`, roles: ['clerk'] };

process.stdout.write('ready\n');
const lines = readline.createInterface({ input: process.stdin });
lines.once('line', () => {
  lines.close();
  void (async () => {
    const references: string[] = [];
    for (let i = 0; i < Number(countText); i++) {
      const at = new Date().toISOString();
      references.push((await register.requests.register(input, actor, { at, today: '2026-03-10' })).reference);
    }
    register.close();
    process.stdout.write(`${JSON.stringify(references)}\n`);
  })();
});
