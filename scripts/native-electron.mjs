// Builds better-sqlite3 for Electron's ABI into native/electron/, beside (never instead of)
// the Node build in node_modules that the tests use. Usage: node scripts/native-electron.mjs [--required] [--arch=x64]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const required = process.argv.includes('--required');
const arch = process.argv.find((a) => a.startsWith('--arch='))?.slice(7) ?? process.arch;

const outDir = path.join(root, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const abi = fs.readFileSync(require.resolve('electron/abi_version'), 'utf8').trim();
const stamp = { electron: electronVersion, abi, arch, platform: process.platform, betterSqlite3: sqliteVersion };

function giveUp(why) {
  console.error(
    `native-electron: the Electron build of better-sqlite3 could not be made (${why}); ` +
      `it needs network access to Electron's headers (electronjs.org/headers). npm start and npm run dist need it.`,
  );
  process.exit(required ? 1 : 0);
}

/** Native modules export node_register_module_v<ABI>: the surest check of which runtime a build is for. */
function builtForAbi(file, wanted) {
  return fs.readFileSync(file).includes(Buffer.from(`node_register_module_v${wanted}`));
}

function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not a dependency of the project; try npm's own copy
  }
  const npmCli = process.env.npm_execpath;
  if (npmCli) candidates.push(path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  );
  return candidates.find((c) => fs.existsSync(c));
}

try {
  const old = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  if (fs.existsSync(outFile) && JSON.stringify(old) === JSON.stringify(stamp)) {
    console.log(`native-electron: up to date (Electron ${electronVersion}, ABI ${abi}, ${arch})`);
    process.exit(0);
  }
} catch {
  // no stamp yet: build
}

const nodeGyp = findNodeGyp();
if (!nodeGyp) giveUp('node-gyp was not found');

// Build in a copy so node_modules/better-sqlite3 (Node's ABI, used by the tests) stays untouched.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-native-'));
let failure = null;
try {
  const copy = path.join(work, 'better-sqlite3');
  fs.cpSync(sqliteDir, copy, {
    recursive: true,
    // Its old build/ would be reused by node-gyp; its own node_modules are not needed to compile.
    filter: (src) => !/^(build|node_modules)([\\/]|$)/.test(path.relative(sqliteDir, src)),
  });
  // npm passes its config to scripts as npm_config_*; a nodedir (set on this machine for Node's
  // headers) would silently build against Node instead of Electron, so drop it.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(k)),
  );
  console.log(
    `native-electron: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi}, ${arch})…`,
  );
  const result = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
      `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    ],
    { cwd: copy, env, encoding: 'utf8', timeout: 15 * 60_000 },
  );
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !fs.existsSync(built)) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
    const headers = /gyp http GET (\S+)/.exec(output)?.[1];
    const stack = output
      .split('\n')
      .filter((l) => l.startsWith('gyp ERR! stack'))
      .slice(0, 2);
    const why = result.error
      ? `node-gyp could not run: ${result.error.message}`
      : headers && /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(output)
        ? `downloading ${headers} failed`
        : stack.length > 0
          ? `node-gyp failed: ${stack
              .join(' ')
              .replace(/gyp ERR! stack /g, '')
              .slice(0, 300)}`
          : `node-gyp exited with ${result.status ?? result.signal}`;
    failure = why;
  } else if (!builtForAbi(built, abi)) {
    failure = `the result is not for ABI ${abi}; headers of another runtime were used`;
  } else {
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, outFile);
    fs.writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    console.log(`native-electron: wrote ${path.relative(root, outFile)}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (failure) giveUp(failure);
