import path from 'node:path';
import { registerFileIn, resolveDataDir } from '../db/location.ts';

/** Where the Electron-ABI build of better-sqlite3 sits, relative to the app folder. */
export const NATIVE_BINDING_RELATIVE = path.join('native', 'electron', 'better_sqlite3.node');

/** What Electron reports about where it runs (app.isPackaged, app.getAppPath(), ...). */
export interface RuntimeFacts {
  isPackaged: boolean;
  /** The repo root in development; `.../resources/app.asar` when packaged. */
  appPath: string;
  userData: string;
  /** Folder of the running bundles (dist/electron). */
  bundleDir: string;
}

export interface RuntimePaths {
  dataDir: string;
  databaseFile: string;
  migrationsFolder: string;
  nativeBinding: string;
  rendererDir: string;
  preload: string;
  dbProcessEntry: string;
  windowStateFile: string;
  /** The interface's language, as the page last reported it (language-state.ts). */
  languageFile: string;
}

/**
 * A native module cannot be loaded from inside an asar archive, so electron-builder unpacks
 * `*.node` files to `app.asar.unpacked` beside it; point at that copy explicitly.
 */
export function unpackedPath(appPath: string): string {
  return path.basename(appPath) === 'app.asar' ? `${appPath}.unpacked` : appPath;
}

export function runtimePaths(facts: RuntimeFacts): RuntimePaths {
  const dataDir = resolveDataDir(facts.userData);
  const nativeRoot = facts.isPackaged ? unpackedPath(facts.appPath) : facts.appPath;
  return {
    dataDir,
    databaseFile: registerFileIn(dataDir),
    // Read through Electron's asar support when packaged; the repo's folder in development.
    migrationsFolder: path.join(facts.appPath, 'migrations'),
    nativeBinding: path.join(nativeRoot, NATIVE_BINDING_RELATIVE),
    rendererDir: path.join(facts.appPath, 'dist', 'renderer'),
    preload: path.join(facts.bundleDir, 'preload.cjs'),
    dbProcessEntry: path.join(facts.bundleDir, 'db-process.cjs'),
    windowStateFile: path.join(facts.userData, 'window-state.json'),
    languageFile: path.join(facts.userData, 'language.json'),
  };
}
