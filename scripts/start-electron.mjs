// Runs the built app in Electron (npm start), or says plainly why it cannot here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary, electronVersion, nativeBindingPath, root } from './electron-binary.mjs';

function stop(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

const binary = electronBinary();
if (!binary) {
  stop([
    'start-electron: the Electron binary is not installed, so `npm start` cannot open the desktop app.',
    '  A normal `npm install` downloads it; this checkout was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1.',
    `  To get it: \`node node_modules/electron/install.js\` (needs network access to GitHub), or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron ${electronVersion}.`,
    '  `npm run web` runs the same interface and API in your browser without Electron.',
  ]);
}
if (!fs.existsSync(nativeBindingPath)) {
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
