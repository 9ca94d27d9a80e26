import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, FONT_SCRIPTS, fontFile } from '../../db/reports/fonts.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const config = require(path.join(ROOT, 'build', 'electron-builder.config.cjs')) as { files: string[] };
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/**
 * The fonts are part of the app, not of the machine: installed with it (a runtime dependency at
 * an exact version) and packed into it (the full packaging run is test/build/packaging.test.ts).
 */
describe('the report fonts', () => {
  const files = FONT_SCRIPTS.flatMap((script) => [FONT_FILES[script].regular, FONT_FILES[script].bold]);

  it('are TrueType files of packages pinned as runtime dependencies', () => {
    for (const script of FONT_SCRIPTS) {
      for (const weight of ['regular', 'bold'] as const) {
        const file = fontFile(script, weight);
        expect(fs.readFileSync(file).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
      }
    }
    for (const name of new Set(files.map((f) => f.split('/').slice(0, 2).join('/')))) {
      expect(pkg.dependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('are the files electron-builder packs, after it leaves the packages’ other weights out', () => {
    const exclusion = config.files.indexOf('!node_modules/@expo-google-fonts/**');
    expect(exclusion).toBeGreaterThan(-1);
    for (const f of files) expect(config.files.indexOf(`node_modules/${f}`), f).toBeGreaterThan(exclusion);
  });
});
