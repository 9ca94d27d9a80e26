// Where the Electron binary is, found the way the `electron` package finds it but without
// `require('electron')`, which tries to download a missing binary. Null when not installed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const electronDir = path.dirname(require.resolve('electron/package.json'));
export const electronVersion = require('electron/package.json').version;

/** @returns {string | null} */
export function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative ?? 'electron')
    : relative
      ? path.join(electronDir, 'dist', relative)
      : null;
  return binary && fs.existsSync(binary) ? binary : null;
}

export const nativeBindingPath = path.join(root, 'native', 'electron', 'better_sqlite3.node');
