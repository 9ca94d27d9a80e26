import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/**
 * Packages the bundle loads at run time rather than containing, by absolute path (so the
 * bundle can lie anywhere): better-sqlite3, a native module, when the bundle starts; exceljs
 * and pdfkit, large and used only by the XLSX and PDF paths the child never takes, on first
 * use (loading exceljs alone costs a third of a second, on every one of hundreds of starts).
 */
const AT_START = ['better-sqlite3'];
const ON_FIRST_USE = ['exceljs', 'pdfkit'];

const runTimePackages: Plugin = {
  name: 'run-time-packages',
  setup(b) {
    const names = (list: string[]) => new RegExp(`^(${list.join('|')})$`);
    b.onResolve({ filter: names(AT_START) }, (args) => ({ path: require.resolve(args.path), external: true }));
    b.onResolve({ filter: names(ON_FIRST_USE) }, (args) => ({ path: require.resolve(args.path), namespace: 'lazy' }));
    b.onResolve({ filter: /.*/, namespace: 'lazy' }, (args) => ({ path: args.path, external: true }));
    // A stand-in whose first property read loads the package itself (the bundle's ES-module
    // interop asks whether it is an ES module when the importing module starts: not a use).
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: `let real;
        const load = () => (real ??= require(${JSON.stringify(args.path)}));
        module.exports = new Proxy({}, {
          get: (_, key) => (key === '__esModule' ? undefined : load()[key]),
          has: (_, key) => key in load(),
        });`,
      loader: 'js',
    }));
  },
};

/**
 * Bundles the writer child into one CommonJS file in `dir`: a child started from it is running
 * in about a tenth of a second, where `node --import tsx` spends half a second compiling the
 * same sources on every start (the trials start hundreds).
 */
export async function bundleWriterChild(dir: string): Promise<string> {
  const outfile = path.join(dir, 'writer-child.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'test/crash/writer-child.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    // As scripts/build-electron.mjs: the contract needs only the country codes.
    alias: {
      'i18n-iso-countries': 'i18n-iso-countries/index.js',
      'i18n-iso-countries/langs': './node_modules/i18n-iso-countries/langs',
    },
    // As the database process's bundle: import.meta.url (db/reports/fonts.ts) is the bundle's own URL.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [runTimePackages],
  });
  return outfile;
}
