import fs from 'node:fs';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { MENU_EVENT, type MenuCommand } from '../contract/bridge.ts';
import { acquireRegisterKey } from '../db/keys/acquire.ts';
import { type DocumentKeys, documentKeys } from '../db/keys/document-cipher.ts';
import { formatKeyText } from '../db/keys/register-key.ts';
import { APP_ENTRY_URL, APP_SCHEME, serveAppRequest } from './app-protocol.ts';
import { apiError } from '../contract/errors.ts';
import type { Localised } from '../contract/messages.ts';
import { createDbClient, type DbClient, DbOpenError, type DbProcessHandle } from './db-client.ts';
import { loadLanguage, saveLanguage } from './language-state.ts';
import { failureText, nativeMissingText } from './shell-dialogs.ts';
import { backUp, type MenuActionDeps, showAbout } from './menu-actions.ts';
import { openDocumentCopy, sweepOpenCopies } from './documents.ts';
import { registerIpcHandlers } from './ipc.ts';
import { registerDocumentOpener, registerLanguageFollower, registerShellHandlers } from './shell-ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages.ts';
import { runtimePaths, type RuntimePaths } from './paths.ts';
import { osKeyStore } from './register-key-store.ts';
import { hardenSession, hardenWebContents, isAllowedExternal, windowWebPreferences } from './security.ts';
import { MIN_SIZE, loadWindowState, trackWindowState } from './window-state.ts';

// The shell only: windows, menu, protocol and security. The register lives in the database
// utility process (db-process.ts); nothing here touches SQLite.

// Must happen before `ready`: a standard, secure scheme gets a real origin, so the CSP's
// 'self', fetch and storage behave as they would on https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

const isDev = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;
let db: DbClient | null = null;
let paths: RuntimePaths;
/** The keys of the register's stored documents, once its key is unsealed (app:// reads them). */
let sealedDocuments: DocumentKeys | null = null;
/** The interface's language as the page last reported it: the menu and the shell's dialogs use it. */
let language: Language = DEFAULT_LANGUAGE;

function openExternal(url: string): void {
  if (isAllowedExternal(url)) void shell.openExternal(url);
}

function fail({ title, message }: { title: string; message: string }): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

/** What was thrown, as a message the shell can say in the interface's language. */
const saidOf = (e: unknown): Localised =>
  e instanceof DbOpenError ? e.said : { message: e instanceof Error ? e.message : String(e) };

function createWindow(): void {
  const state = loadWindowState(
    paths.windowStateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'MLA Desk',
    webPreferences: windowWebPreferences(paths.preload, isDev),
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, paths.windowStateFile);
  win.once('ready-to-show', () => win.show());
  // The window's session (db-worker.ts) ends with it; its webContents is gone by 'closed'.
  const seat = win.webContents.id;
  win.on('closed', () => {
    db?.closeSeat(seat);
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  void win.loadURL(APP_ENTRY_URL);
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(MENU_EVENT, command);
}

/** The window a menu command acts for: its signed-in person is who the call is made as. */
function menuSeat(): number | null {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  return win ? win.webContents.id : null;
}

/**
 * The register's answer to "where is this document's file?", for app:// and opening copies, if
 * the person signed in on `seat` may read it. app:// requests do not say which window asked:
 * they are answered for the main window (the app has one; a second instance only focuses it).
 */
function locate(
  documentId: number,
  seat: number | null = mainWindow?.webContents.id ?? null,
): ReturnType<DbClient['locate']> {
  return db
    ? db.locate(documentId, seat)
    : Promise.resolve({ ok: false, error: apiError('storage', 'shell.registerNotOpen') });
}

/** Where documents opened outside MLA Desk are copied: private to this user, emptied at each start. */
function openCopiesDir(): string {
  return path.join(app.getPath('userData'), 'open-copies');
}

/** What the menu's About and Back up need, as the window the menu acts for sees it. */
function menuActionDeps(): MenuActionDeps {
  const seat = menuSeat();
  return {
    parent: BrowserWindow.getFocusedWindow() ?? mainWindow,
    language,
    call: (channel, input) =>
      db
        ? db.call(channel, input, seat)
        : Promise.resolve({ ok: false, error: apiError('storage', 'shell.registerNotOpen') }),
    appVersion: app.getVersion(),
    documentsDir: app.getPath('documents'),
  };
}

function setMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        { appName: 'MLA Desk', isMac: process.platform === 'darwin', isDev, language },
        {
          send: sendMenuCommand,
          backUp: () => void backUp(menuActionDeps()),
          about: () => void showAbout(menuActionDeps()),
        },
      ),
    ),
  );
}

function spawnDbProcess(): DbProcessHandle {
  const child = utilityProcess.fork(paths.dbProcessEntry, [], { serviceName: 'MLA Desk register', stdio: 'inherit' });
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}

async function start(): Promise<void> {
  paths = runtimePaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    userData: app.getPath('userData'),
    bundleDir: __dirname,
  });
  language = loadLanguage(paths.languageFile, app.getPreferredSystemLanguages());
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, paths.rendererDir, locate, () => sealedDocuments));
  sweepOpenCopies(openCopiesDir());

  if (!fs.existsSync(paths.nativeBinding)) {
    fail(nativeMissingText(language, paths.nativeBinding));
    return;
  }
  // The register is encrypted at rest; its key is sealed by the system key store (made on
  // first run, and for a register an earlier version left unencrypted, which opening encrypts).
  let keyText: string;
  let keyStore: 'os' | 'file';
  try {
    const store = osKeyStore(paths.dataDir, safeStorage);
    const { key } = acquireRegisterKey(store, paths.databaseFile);
    keyText = formatKeyText(key);
    keyStore = store.kind;
    sealedDocuments = documentKeys(key);
  } catch (e) {
    fail(failureText(language, 'cannotOpen', saidOf(e), { fileUnchanged: true }));
    return;
  }
  db = createDbClient({
    spawn: spawnDbProcess,
    init: {
      databaseFile: paths.databaseFile,
      migrationsFolder: paths.migrationsFolder,
      nativeBinding: paths.nativeBinding,
      key: keyText,
      app: { name: 'MLA Desk', version: app.getVersion(), keyStore },
    },
    onFatal: (said) => fail(failureText(language, 'mustClose', said)),
  });
  try {
    await db.start();
  } catch (e) {
    // db/open.ts refuses a foreign or newer file before writing to it, so it is left as it was.
    fail(failureText(language, 'cannotOpen', saidOf(e), { fileUnchanged: true }));
    return;
  }
  registerShellHandlers(ipcMain, {
    open: async ({ title, multiple, filters }) => {
      const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
      const properties: ('openFile' | 'multiSelections')[] = multiple ? ['openFile', 'multiSelections'] : ['openFile'];
      const options = { title, properties, ...(filters ? { filters } : {}) };
      const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
      return result.canceled ? [] : result.filePaths;
    },
    save: async ({ title, defaultName, filters }) => {
      const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
      const options = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        ...(filters ? { filters } : {}),
      };
      const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  });
  registerDocumentOpener(ipcMain, (documentId, seat) =>
    openDocumentCopy(
      {
        locate: (id) => locate(id, seat),
        saveCopy: (id, file) =>
          db ? db.call('documents.saveCopy', { id, target: { kind: 'path', path: file } }, seat) : locate(id, seat),
        copiesDir: openCopiesDir(),
        openPath: (file) => shell.openPath(file),
      },
      documentId,
    ),
  );
  registerIpcHandlers(ipcMain, (channel, input, seat) =>
    db ? db.call(channel, input, seat) : Promise.reject(new Error('no register')),
  );
  setMenu();
  // The page reports its language at start and on every change: the menu follows it.
  registerLanguageFollower(ipcMain, (next) => {
    if (next === language) return;
    language = next;
    saveLanguage(paths.languageFile, next);
    setMenu();
  });
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another MLA Desk already has the register open; it focuses its window (second-instance).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && db !== null) createWindow();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || db === null) return;
    // Close the register cleanly (WAL checkpoint) before the process goes.
    event.preventDefault();
    closing = true;
    void db.stop().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) =>
      fail(failureText(language, 'cannotStart', { message: e instanceof Error ? (e.stack ?? e.message) : String(e) })),
    );
}
