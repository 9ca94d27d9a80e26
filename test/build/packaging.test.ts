import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { build, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FONT_FILES } from '../../db/reports/fonts.ts';
import { runtimePaths } from '../../electron/paths.ts';

/**
 * Packages the app with the real electron-builder configuration (`--linux dir`), using a
 * stand-in for the Electron binary that cannot be downloaded here. This proves the
 * configuration — what goes into app.asar, what is unpacked, that nothing is rebuilt — not
 * that the packaged app runs.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const ELECTRON_VERSION: string = require('electron/package.json').version;
const ELECTRON_ABI = fs.readFileSync(require.resolve('electron/abi_version'), 'utf8').trim();
const ELECTRON_BUILD = path.join(ROOT, 'native', 'electron', 'better_sqlite3.node');
const hasElectronBuild = fs.existsSync(ELECTRON_BUILD);

let work = '';
let resources = '';
let archive = '';
let files: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  // The real build of both halves, as `npm run dist` does before packaging.
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });

  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-pack-'));
  const standIn = path.join(work, 'electron-dist');
  fs.mkdirSync(standIn);
  fs.writeFileSync(path.join(standIn, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\nexit 1\n', {
    mode: 0o755,
  });
  fs.writeFileSync(path.join(standIn, 'version'), ELECTRON_VERSION);

  const config = require(path.join(ROOT, 'build', 'electron-builder.config.cjs')) as Configuration;
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
  try {
    await build({
      projectDir: ROOT,
      linux: ['dir'],
      publish: 'never',
      config: {
        ...config,
        electronDist: standIn,
        electronVersion: ELECTRON_VERSION,
        npmRebuild: false,
        directories: { ...config.directories, output: path.join(work, 'out') },
      },
    });
  } finally {
    log.mockRestore();
  }
  resources = path.join(work, 'out', 'linux-unpacked', 'resources');
  archive = path.join(resources, 'app.asar');
  files = asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/').replace(/^\//, ''));
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const unpacked = (relative: string) => path.join(`${archive}.unpacked`, relative);

describe('electron-builder package (linux dir, stand-in Electron)', () => {
  it('keeps the configuration that must not regress', () => {
    const config = require(path.join(ROOT, 'build', 'electron-builder.config.cjs')) as Configuration;
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.productName).toBe('MLA Desk');
  });

  it('puts the three bundles, the renderer and package.json into app.asar', () => {
    for (const f of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/db-process.cjs',
      'dist/renderer/index.html',
      'package.json',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts'))).toEqual([]);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(files).toContain(pkg.main);
  });

  it('ships every migration where paths.ts looks for them', () => {
    const sql = fs.readdirSync(path.join(ROOT, 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(sql.length).toBeGreaterThan(0);
    const { migrationsFolder } = runtimePaths({ isPackaged: true, appPath: archive, userData: work, bundleDir: '' });
    expect(path.relative(archive, migrationsFolder)).toBe('migrations');
    expect(files).toContain('migrations/meta/_journal.json');
    for (const f of sql) expect(files).toContain(`migrations/${f}`);
  });

  it('unpacks every native module next to the archive', () => {
    const natives = files.filter((f) => f.endsWith('.node'));
    expect(natives.length).toBeGreaterThan(0);
    for (const f of natives) {
      expect(asar.statFile(archive, f)).toMatchObject({ unpacked: true });
      expect(fs.existsSync(unpacked(f)), `${f} unpacked`).toBe(true);
    }
  });

  it('trims better-sqlite3 to its JavaScript and compiled module, and does not rebuild it', () => {
    const ours = files.filter((f) => f.startsWith('node_modules/better-sqlite3/'));
    expect(ours).toContain('node_modules/better-sqlite3/lib/index.js');
    expect(ours.filter((f) => /\/(deps|src)\//.test(f))).toEqual([]);
    expect(
      ours.filter(
        (f) =>
          f.includes('/build/') && !f.endsWith('/build/Release/better_sqlite3.node') && !/\/build(\/Release)?$/.test(f),
      ),
    ).toEqual([]);
    // npmRebuild: false — the packaged module is the very file npm built, not a fresh compile.
    const shipped = fs.readFileSync(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
    expect(
      shipped.equals(fs.readFileSync(path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))),
    ).toBe(true);
  });

  it('packages a better-sqlite3 whose JavaScript loads and opens a database from the unpacked tree', () => {
    // In a child process: the unpacked files are real files there, with their dependencies.
    const script = `
      const Database = require(${JSON.stringify(unpacked('node_modules/better-sqlite3'))});
      const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node'))} });
      process.stdout.write(String(db.prepare('select 41 + 1 as n').get().n));`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toBe('42');
  });

  it('ships pdfkit and its font metrics, which the database process loads at run time', () => {
    for (const f of [
      'node_modules/pdfkit/package.json',
      'node_modules/pdfkit/js/pdfkit.js',
      'node_modules/pdfkit/js/data/Helvetica.afm',
      'node_modules/fontkit/package.json',
    ]) {
      expect(files).toContain(f);
    }
  });

  it('ships the six report fonts and their licences inside app.asar, and no other weight', () => {
    const fonts = Object.values(FONT_FILES).flatMap((pair) => Object.values(pair).map((f) => `node_modules/${f}`));
    for (const f of fonts) {
      expect(files).toContain(f);
      // Inside the archive (Electron's integrity check covers it), a TrueType file as packed.
      expect(asar.statFile(archive, f)).not.toMatchObject({ unpacked: true });
      expect(asar.extractFile(archive, f).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    }
    const packed = files.filter((f) => f.startsWith('node_modules/@expo-google-fonts/') && /\.(ttf|png|js)$/.test(f));
    expect(packed.sort()).toEqual([...fonts].sort());
    for (const p of ['noto-sans', 'noto-sans-arabic', 'noto-sans-sc']) {
      expect(asar.extractFile(archive, `node_modules/@expo-google-fonts/${p}/LICENSE_FONT`).toString()).toContain(
        'SIL Open Font License',
      );
    }
  });

  it('ran the afterPack hook, which left the stand-in binary alone', () => {
    expect(logged.join('\n')).toMatch(/after-pack: mla-desk is not a real Electron executable/);
  });

  it.skipIf(!hasElectronBuild)(
    `ships the Electron-ABI (${ELECTRON_ABI}) better-sqlite3 build where paths.ts loads it` +
      (hasElectronBuild ? '' : ' — skipped: native/electron/ was not built (needs Electron headers)'),
    () => {
      const { nativeBinding } = runtimePaths({ isPackaged: true, appPath: archive, userData: work, bundleDir: '' });
      expect(fs.existsSync(nativeBinding)).toBe(true);
      expect(fs.readFileSync(nativeBinding).includes(Buffer.from(`node_register_module_v${ELECTRON_ABI}`))).toBe(true);
    },
  );
});

describe('afterPack fuses', () => {
  const hook = require(path.join(ROOT, 'build', 'after-pack.cjs')) as {
    isRealExecutable(file: string): boolean;
    fuseConfig(context: { electronPlatformName: string; arch: number }): Record<string | number, unknown>;
    default(context: unknown): Promise<void>;
  };

  it('tells a real executable from a stand-in script', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-fuses-'));
    try {
      fs.writeFileSync(path.join(dir, 'elf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
      fs.writeFileSync(path.join(dir, 'script'), '#!/bin/sh\n');
      expect(hook.isRealExecutable(path.join(dir, 'elf'))).toBe(true);
      expect(hook.isRealExecutable(path.join(dir, 'script'))).toBe(false);
      expect(hook.isRealExecutable(path.join(dir, 'missing'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('flips the six fuses on a real binary through electron-builder', async () => {
    const { FuseV1Options } = require(
      require.resolve('@electron/fuses', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] }),
    ) as {
      FuseV1Options: Record<string, number>;
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-fuses-'));
    try {
      fs.writeFileSync(path.join(dir, 'mla-desk'), Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
      const addElectronFuses = vi.fn(async () => undefined);
      const context = {
        appOutDir: dir,
        electronPlatformName: 'linux',
        arch: 1,
        packager: { executableName: 'mla-desk', appInfo: { productFilename: 'MLA Desk' }, addElectronFuses },
      };
      await hook.default(context);
      expect(addElectronFuses).toHaveBeenCalledOnce();
      const fuses = (addElectronFuses.mock.calls[0] as unknown[])[1] as Record<number, unknown>;
      expect(fuses).toMatchObject({
        [FuseV1Options['RunAsNode'] ?? -1]: false,
        [FuseV1Options['EnableCookieEncryption'] ?? -1]: true,
        [FuseV1Options['EnableNodeOptionsEnvironmentVariable'] ?? -1]: false,
        [FuseV1Options['EnableNodeCliInspectArguments'] ?? -1]: false,
        [FuseV1Options['EnableEmbeddedAsarIntegrityValidation'] ?? -1]: true,
        [FuseV1Options['OnlyLoadAppFromAsar'] ?? -1]: true,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
