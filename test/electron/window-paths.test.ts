import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_ENV } from '../../db/location.ts';
import { runtimePaths } from '../../electron/paths.ts';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  saveWindowState,
} from '../../electron/window-state.ts';
import { tempDir } from '../helpers/temp-register.ts';

const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('window state', () => {
  it('keeps a sensible remembered state', () => {
    expect(parseWindowState({ x: 100, y: 50, width: 1400, height: 900, maximized: true }, screens)).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
      maximized: true,
    });
  });

  it('drops a position that is off every screen (monitor unplugged) and clamps sizes', () => {
    const state = parseWindowState({ x: 3000, y: 200, width: 50, height: 99999 }, screens);
    expect(state).toEqual({ width: MIN_SIZE.width, height: 1040, maximized: false });
    expect('x' in state).toBe(false);
  });

  it('falls back to the default for garbage and for a missing file', () => {
    expect(parseWindowState('nonsense', screens)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState({ width: 'wide', x: Number.NaN, y: 3 }, screens)).toEqual(DEFAULT_WINDOW_STATE);
    expect(loadWindowState(path.join(tempDir(), 'none.json'), screens)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('round-trips through its JSON file', () => {
    const file = path.join(tempDir(), 'nested', 'window-state.json');
    saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(file, screens)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });
});

describe('runtime paths', () => {
  afterEach(() => {
    delete process.env[DATA_DIR_ENV];
  });

  it('reads migrations from inside app.asar and the native module from app.asar.unpacked when packaged', () => {
    const resources = path.resolve('/opt/MLA Desk/resources');
    const p = runtimePaths({
      isPackaged: true,
      appPath: path.join(resources, 'app.asar'),
      userData: path.resolve('/home/me/.config/MLA Desk'),
      bundleDir: path.join(resources, 'app.asar', 'dist', 'electron'),
    });
    expect(p.migrationsFolder).toBe(path.join(resources, 'app.asar', 'migrations'));
    expect(p.nativeBinding).toBe(
      path.join(resources, 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'),
    );
    expect(p.rendererDir).toBe(path.join(resources, 'app.asar', 'dist', 'renderer'));
    expect(p.preload).toBe(path.join(resources, 'app.asar', 'dist', 'electron', 'preload.cjs'));
    expect(p.databaseFile).toBe(path.resolve('/home/me/.config/MLA Desk/register.sqlite'));
  });

  it('uses the repo in development and honours the data folder override', () => {
    const repo = path.resolve('/work/repo');
    process.env[DATA_DIR_ENV] = path.resolve('/tmp/mla-data');
    const p = runtimePaths({
      isPackaged: false,
      appPath: repo,
      userData: '/ignored',
      bundleDir: path.join(repo, 'dist', 'electron'),
    });
    expect(p.migrationsFolder).toBe(path.join(repo, 'migrations'));
    expect(p.nativeBinding).toBe(path.join(repo, 'native', 'electron', 'better_sqlite3.node'));
    expect(p.databaseFile).toBe(path.join(path.resolve('/tmp/mla-data'), 'register.sqlite'));
    expect(p.windowStateFile).toBe(path.join(path.resolve('/ignored'), 'window-state.json'));
  });
});
