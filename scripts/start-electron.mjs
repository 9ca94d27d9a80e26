// Runs the built app in Electron (npm start). Finds the binary the way the `electron` package
// does, but without `require('electron')`, which would try to download a missing binary.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const electronDir = path.dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, relative ?? 'electron');
  return relative ? path.join(electronDir, 'dist', relative) : null;
}

function stop(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

const binary = electronBinary();
if (!binary || !fs.existsSync(binary)) {
  stop([
    'start-electron: the Electron binary is not installed, so `npm start` cannot open the desktop app.',
    '  A normal `npm install` downloads it; this checkout was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1.',
    `  To get it: \`node node_modules/electron/install.js\` (needs network access to GitHub), or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron ${require('electron/package.json').version}.`,
    '  `npm run web` runs the same interface and API in your browser without Electron.',
  ]);
}
const nativeBinding = path.join(root, 'native', 'electron', 'better_sqlite3.node');
if (!fs.existsSync(nativeBinding)) {
  stop([
    'start-electron: better-sqlite3 has not been built for Electron (native/electron/better_sqlite3.node is missing).',
    "  Run `node scripts/native-electron.mjs` where Electron's headers can be downloaded.",
    '  `npm run web` runs the same interface and API in your browser without Electron.',
  ]);
}
for (const built of ['dist/electron/main.cjs', 'dist/renderer/index.html']) {
  if (!fs.existsSync(path.join(root, built)))
    stop([`start-electron: ${built} is missing; run \`npm run build\` first.`]);
}

// ELECTRON_RUN_AS_NODE from a parent tool would start plain Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
