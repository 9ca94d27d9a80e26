import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { acquireRegisterKey } from '../db/keys/acquire.ts';
import { fileKeyStore, keyFileIn } from '../db/keys/file-key-store.ts';
import { registerFileIn, resolveDataDir } from '../db/location.ts';
import { APP_NAME, APP_VERSION, REPO_ROOT } from '../cli/package-info.ts';
import { startWebServer } from './server.ts';

// `npm run web`: the desktop app's UI and API in a browser, on 127.0.0.1 only.
const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(5199),
});

function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(`--port: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  // Development default: a folder in the repository, never the desktop app's own data.
  const dataDir = resolveDataDir(path.join(REPO_ROOT, '.data'));
  // The register is encrypted as the desktop app's is; this development server keeps its key
  // in a key file beside it (the desktop app uses the operating system's key store).
  const databaseFile = registerFileIn(dataDir);
  const { key, created } = acquireRegisterKey(fileKeyStore(keyFileIn(dataDir)), databaseFile);
  if (created) console.log(`A new register key was written to ${keyFileIn(dataDir)}.`);
  return startWebServer({
    port: parsed.data.port,
    databaseFile,
    key,
    migrationsFolder: path.join(REPO_ROOT, 'migrations'),
    rendererDir: path.join(REPO_ROOT, 'dist', 'renderer'),
    app: { name: APP_NAME, version: APP_VERSION, keyStore: 'file' },
  }).then((server) => {
    console.log(`MLA Desk (web) is serving ${registerFileIn(dataDir)}`);
    console.log(`Open: ${server.openUrl}`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main().catch((e: unknown) => {
  console.error(`mla-desk web: ${(e as Error).message}`);
  process.exit(1);
});
