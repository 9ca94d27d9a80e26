// Bundles the Electron shell: main process, sandboxed preload and the database utility process.
import fs from 'node:fs';
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
  // The reports name countries in the six UN languages: those six files only (the longer
  // alias wins for them).
  alias: {
    'i18n-iso-countries': 'i18n-iso-countries/index.js',
    'i18n-iso-countries/langs': './node_modules/i18n-iso-countries/langs',
  },
};

/**
 * db/letters/default-files.ts reads the default letter templates (db/letters/defaults/<language>/
 * <code>.liquid) from its folder; in the database process's bundle it is replaced by a module
 * holding their text, so the packaged app needs no folder of them and a new language's file is
 * picked up by the next build.
 */
let letterDefaults = 0;
const letterDefaultsPlugin = {
  name: 'letter-defaults',
  setup(b) {
    b.onLoad({ filter: /[\\/]db[\\/]letters[\\/]default-files\.ts$/ }, () => {
      const folder = path.join(root, 'db', 'letters', 'defaults');
      const files = {};
      for (const language of fs.readdirSync(folder)) {
        if (!fs.statSync(path.join(folder, language)).isDirectory()) continue;
        for (const name of fs.readdirSync(path.join(folder, language)).filter((n) => n.endsWith('.liquid'))) {
          files[`${language}/${name.slice(0, -'.liquid'.length)}`] = fs.readFileSync(
            path.join(folder, language, name),
            'utf8',
          );
        }
      }
      letterDefaults = Object.keys(files).length;
      return { contents: `export function readDefaultFiles() { return ${JSON.stringify(files)}; }`, loader: 'js' };
    });
  },
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
    plugins: [letterDefaultsPlugin],
    // A lazily loaded external (`await import('pdfkit')`) becomes require(): the CommonJS entry,
    // resolved inside app.asar like better-sqlite3, rather than Node's ESM loader.
    supported: { 'dynamic-import': false },
    // import.meta.url, which CommonJS lacks, as the bundle's own URL: db/reports/fonts.ts
    // finds the shipped font files from it, as require finds pdfkit.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
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
if (letterDefaults === 0) problems.push('db-process.cjs holds no default letter template (db/letters/defaults/)');
if (problems.length > 0) {
  for (const p of problems) console.error(`build-electron: ${p}`);
  process.exit(1);
}
console.log(`build-electron: wrote ${path.relative(root, outdir) || outdir}/{main,preload,db-process}.cjs`);
