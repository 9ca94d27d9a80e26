import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The default templates shipped with the app: `defaults/<language>/<code>.liquid`, keyed
 * `<language>/<code>`. Read from the folder beside this file when run from the repository (tests,
 * the command line, `npm run web`); in the desktop app's bundle, scripts/build-electron.mjs
 * replaces this module with one holding the same files' text, so the package needs no folder.
 */
export function readDefaultFiles(): Record<string, string> {
  const root = fileURLToPath(new URL('./defaults/', import.meta.url));
  const files: Record<string, string> = {};
  for (const language of fs.readdirSync(root)) {
    const folder = path.join(root, language);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder)) {
      if (name.endsWith('.liquid')) {
        files[`${language}/${name.slice(0, -'.liquid'.length)}`] = fs.readFileSync(path.join(folder, name), 'utf8');
      }
    }
  }
  return files;
}
