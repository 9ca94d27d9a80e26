// Bundles the Electron shell: main process, sandboxed preload and the database utility process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --outdir=<dir> lets tests build a private copy instead of racing over dist/.
const outArg = process.argv.find((a) => a.startsWith('--outdir='));
const outdir = outArg ? path.resolve(outArg.slice('--outdir='.length)) : path.join(root, 'dist', 'electron');

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
  // The contract needs only the country codes; the package's Node entry would also pull in
  // every language's names (600 KB) that only the renderer uses.
  alias: { 'i18n-iso-countries': 'i18n-iso-countries/index.js' },
};

const [main, dbProcess, preload] = await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(outdir, 'main.cjs'),
    platform: 'node',
    target: 'node20',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/db-process.ts'],
    outfile: path.join(outdir, 'db-process.cjs'),
    platform: 'node',
    target: 'node20',
    // Native module: loaded at run time from the Electron-ABI build (nativeBinding), never bundled.
    // pdfkit reads its font metrics from its own package folder at run time, so it ships as a
    // production dependency beside the bundle (electron-builder copies it into app.asar).
    external: ['electron', 'better-sqlite3', 'pdfkit'],
    // A lazily loaded external (`await import('pdfkit')`) becomes require(): the CommonJS entry,
    // resolved inside app.asar like better-sqlite3, rather than Node's ESM loader.
    supported: { 'dynamic-import': false },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    // 'browser' makes any accidental Node built-in import a build error: a sandboxed preload
    // can require nothing but `electron`.
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
  }),
]);

/** Guards the process split: these checks are cheap and catch a wrong import at build time. */
function inputsOf(result) {
  return Object.keys(result.metafile.inputs);
}
function externalsOf(result) {
  return Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
}
const problems = [];
// The main process holds the register key (it unseals it from the system key store and reads
// encrypted documents for app://): the key helpers in db/keys/ are pure Node crypto, no SQL.
const dbInMain = inputsOf(main).filter(
  (f) => /(^|\/)db\/(?!location\.ts$|errors\.ts$|keys\/)/.test(f) || f.includes('node_modules/better-sqlite3'),
);
if (dbInMain.length > 0) problems.push(`main.cjs must not contain database code: ${dbInMain.join(', ')}`);
const preloadRequires = externalsOf(preload).filter((p) => p !== 'electron');
if (preloadRequires.length > 0)
  problems.push(`preload.cjs may require only electron, not: ${preloadRequires.join(', ')}`);
if (!externalsOf(dbProcess).includes('better-sqlite3'))
  problems.push('db-process.cjs should load better-sqlite3 at run time');
const pdfkitInside = inputsOf(dbProcess).filter((f) => f.includes('node_modules/pdfkit/'));
if (pdfkitInside.length > 0) problems.push('db-process.cjs must load pdfkit at run time, not bundle it');
if (problems.length > 0) {
  for (const p of problems) console.error(`build-electron: ${p}`);
  process.exit(1);
}
console.log(`build-electron: wrote ${path.relative(root, outdir) || outdir}/{main,preload,db-process}.cjs`);
