import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  IPC_PREFIX,
  SHELL_CHOOSE_FILES,
  SHELL_OPEN_DOCUMENT,
  SHELL_SAVE_AS,
  SHELL_SET_LANGUAGE,
} from '../../contract/bridge.ts';
import { CHANNEL_NAMES } from '../../contract/channels.ts';
import { menuText, shellMessage } from '../../electron/menu-text.ts';
import { tempDir } from '../helpers/temp-register.ts';

/** A stand-in for the parts of Electron that main.ts drives; each test arranges its own. */
const e = await vi.hoisted(async () => {
  // Hoisted above the imports, so it fetches its own EventEmitter.
  const { EventEmitter } = await import('node:events');
  const state = {
    lock: true,
    appDir: '',
    userData: '',
    systemLanguages: ['en-GB'] as string[],
    dbReply: { type: 'ready', schemaVersion: 2, databaseFile: '/x/register.sqlite' } as unknown,
    windows: [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[],
    forks: [] as { modulePath: string; sent: unknown[] }[],
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: () => state.appDir,
    getPath: () => state.userData,
    getVersion: () => '0.1.0-test',
    getPreferredSystemLanguages: () => state.systemLanguages,
  });
  class BrowserWindow extends EventEmitter {
    static getFocusedWindow = () => null;
    webContents = { send: vi.fn() };
    loadURL = vi.fn(async () => undefined);
    maximize = vi.fn();
    show = vi.fn();
    constructor(options: Record<string, unknown>) {
      super();
      state.windows.push({ options, loadURL: this.loadURL });
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    isMaximized = () => false;
    isDestroyed = () => false;
  }
  const utilityProcess = {
    fork: vi.fn((modulePath: string) => {
      const child = Object.assign(new EventEmitter(), {
        sent: [] as unknown[],
        postMessage(message: { type: string }) {
          this.sent.push(message);
          if (message.type === 'init') queueMicrotask(() => child.emit('message', state.dbReply));
        },
        kill: vi.fn(() => true),
      });
      state.forks.push({ modulePath, sent: child.sent });
      return child;
    }),
  };
  return {
    state,
    electron: {
      app,
      BrowserWindow,
      utilityProcess,
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          webRequest: { onBeforeRequest: vi.fn() },
        },
      },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(), showSaveDialog: vi.fn() },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      shell: { openExternal: vi.fn() },
      // A reversible stand-in for the system key store.
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(`sealed:${text}`),
        decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
      },
    },
  };
});
vi.mock('electron', () => e.electron);

// main.ts finds its sibling bundles through __dirname: dist/electron when bundled, and the
// source folder here (vitest defines __dirname per module).
const BUNDLE_DIR = path.resolve(import.meta.dirname, '../../electron');

function arrange(
  options: {
    lock?: boolean;
    nativeBuilt?: boolean;
    dbReply?: unknown;
    systemLanguages?: string[];
    savedLanguage?: string;
  } = {},
) {
  vi.resetModules();
  vi.clearAllMocks();
  e.electron.app.removeAllListeners();
  e.state.lock = options.lock ?? true;
  e.state.windows = [];
  e.state.forks = [];
  e.state.appDir = tempDir();
  e.state.userData = tempDir();
  e.state.systemLanguages = options.systemLanguages ?? ['en-GB'];
  if (options.savedLanguage) {
    fs.writeFileSync(path.join(e.state.userData, 'language.json'), JSON.stringify({ language: options.savedLanguage }));
  }
  if (options.dbReply) e.state.dbReply = options.dbReply;
  if (options.nativeBuilt ?? true) {
    fs.mkdirSync(path.join(e.state.appDir, 'native', 'electron'), { recursive: true });
    fs.writeFileSync(path.join(e.state.appDir, 'native', 'electron', 'better_sqlite3.node'), '');
  }
}

describe('main process shell', () => {
  beforeEach(() => {
    e.state.dbReply = { type: 'ready', schemaVersion: 2, databaseFile: '/x/register.sqlite' };
  });

  it('registers app:// as a standard, secure scheme before ready and enables the sandbox', async () => {
    arrange();
    await import('../../electron/main.ts');
    const { protocol, app } = e.electron;
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0] ?? 0,
    );
    expect(app.enableSandbox).toHaveBeenCalled();
  });

  it('opens the register in the utility process, then a locked-down window on app://', async () => {
    arrange();
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(e.state.windows).toHaveLength(1));
    const fork = e.state.forks[0];
    expect(fork?.modulePath).toBe(path.join(BUNDLE_DIR, 'db-process.cjs'));
    expect(fork?.sent[0]).toMatchObject({
      type: 'init',
      migrationsFolder: path.join(e.state.appDir, 'migrations'),
      nativeBinding: path.join(e.state.appDir, 'native', 'electron', 'better_sqlite3.node'),
      // The register key, made on first run and sealed by the system key store beside the register.
      key: expect.stringMatching(/^[0-9a-f]{64}$/),
      app: expect.objectContaining({ keyStore: 'os' }),
    });
    const init = fork?.sent[0] as { databaseFile: string; key: string };
    const sealed = path.join(path.dirname(init.databaseFile), 'register.key.sealed');
    expect(fs.readFileSync(sealed, 'utf8')).toBe(`sealed:${init.key}`);
    const window = e.state.windows[0];
    expect(window?.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(BUNDLE_DIR, 'preload.cjs'),
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://mla-desk/index.html');
    expect(e.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(e.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    const handled = e.electron.ipcMain.handle.mock.calls.map(([name]) => name as string);
    expect(handled.sort()).toEqual(
      [
        ...CHANNEL_NAMES.map((n) => IPC_PREFIX + n),
        SHELL_CHOOSE_FILES,
        SHELL_SAVE_AS,
        SHELL_OPEN_DOCUMENT,
        SHELL_SET_LANGUAGE,
      ].sort(),
    );
    expect(e.electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('shows a native error and quits, with no window, when the register cannot be opened', async () => {
    arrange({
      dbReply: {
        type: 'init-failed',
        problem: 'newer',
        message: 'register.sqlite was written by a newer version of MLA Desk',
      },
    });
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(e.electron.app.exit).toHaveBeenCalledWith(1));
    const [title, message] = e.electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toMatch(/cannot open the register/);
    expect(message).toContain('newer version');
    expect(message).toContain('not changed');
    expect(e.state.windows).toHaveLength(0);
    expect(e.electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('says why in the language last chosen in the app, else the system’s, before any page has loaded', async () => {
    const newer = {
      type: 'init-failed',
      problem: 'newer',
      message: 'register.sqlite was written by a newer version of MLA Desk (this version knows schema 2).',
      key: 'storage.newer',
      params: { file: 'register.sqlite', known: 2 },
    };
    arrange({ dbReply: newer, systemLanguages: ['fr-CA', 'en-US'] });
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(e.electron.app.exit).toHaveBeenCalledWith(1));
    const [title, message] = e.electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe(menuText('fr')('shell.cannotOpen'));
    expect(message).toBe(`${shellMessage('fr', newer)}\n\n${menuText('fr')('shell.fileUnchanged')}`);
    expect(message).not.toContain('newer version');

    arrange({ dbReply: newer, systemLanguages: ['fr-CA'], savedLanguage: 'ar' });
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(e.electron.app.exit).toHaveBeenCalledWith(1));
    expect(e.electron.dialog.showErrorBox.mock.calls[0]?.[0]).toBe(menuText('ar')('shell.cannotOpen'));
  });

  it('remembers the language the page reports, for the menu and dialogs of the next start', async () => {
    arrange();
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(e.state.windows).toHaveLength(1));
    const follower = e.electron.ipcMain.handle.mock.calls.find(([name]) => name === SHELL_SET_LANGUAGE)?.[1] as
      ((event: unknown, language: unknown) => unknown) | undefined;
    if (!follower) throw new Error('no language handler');
    await follower({ senderFrame: { url: 'app://mla-desk/index.html', parent: null } }, 'ru');
    const saved: unknown = JSON.parse(fs.readFileSync(path.join(e.state.userData, 'language.json'), 'utf8'));
    expect(saved).toEqual({ language: 'ru' });
  });

  it('explains a missing Electron build of better-sqlite3 instead of starting the database', async () => {
    arrange({ nativeBuilt: false });
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(e.electron.app.exit).toHaveBeenCalledWith(1));
    expect(e.electron.dialog.showErrorBox.mock.calls[0]?.[1]).toContain('native-electron.mjs');
    expect(e.electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    arrange({ lock: false });
    await import('../../electron/main.ts');
    expect(e.electron.app.quit).toHaveBeenCalled();
    expect(e.electron.app.whenReady).not.toHaveBeenCalled();
    expect(e.electron.utilityProcess.fork).not.toHaveBeenCalled();
  });
});
