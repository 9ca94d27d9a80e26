import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, MENU_EVENT, type MlaDeskBridge } from '../../contract/bridge.ts';
import { CHANNEL_NAMES } from '../../contract/channels.ts';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, input: unknown): Promise<unknown> => ({
      ok: true,
      value: { channel, input },
    })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: ipcRenderer }, ...args);
  };
  const webUtils = { getPathForFile: vi.fn(() => '/home/clerk/Desktop/request.pdf') };
  return { ipcRenderer, emit, contextBridge: { exposeInMainWorld: vi.fn() }, webUtils };
});
vi.mock('electron', () => ({
  ipcRenderer: electron.ipcRenderer,
  contextBridge: electron.contextBridge,
  webUtils: electron.webUtils,
}));

async function exposedBridge(): Promise<MlaDeskBridge> {
  await import('../../electron/preload.ts');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, MlaDeskBridge];
  expect(key).toBe('mlaDesk');
  return bridge;
}

/** Every value reachable from the bridge, to prove ipcRenderer (or a method of it) is not among them. */
function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return [];
  seen.add(value);
  return [value, ...Object.values(value).flatMap((v) => reachable(v, seen))];
}

describe('preload bridge', () => {
  beforeEach(() => {
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockClear();
    electron.ipcRenderer.invoke.mockClear();
  });

  it('exposes one function per declared channel, a menu subscription and the file dialogs, nothing else', async () => {
    const bridge = await exposedBridge();
    expect(Object.keys(bridge).sort()).toEqual(['channels', 'files', 'onMenuCommand', 'setLanguage']);
    expect(Object.keys(bridge.files).sort()).toEqual(['choose', 'openDocument', 'pathFor', 'saveAs']);
    expect(Object.isFrozen(bridge.files)).toBe(true);
    expect(Object.keys(bridge.channels).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const fn of Object.values(bridge.channels)) expect(typeof fn).toBe('function');
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.channels)).toBe(true);
  });

  it('never exposes ipcRenderer or any of its methods', async () => {
    const bridge = await exposedBridge();
    const values = reachable(bridge);
    expect(values).not.toContain(electron.ipcRenderer);
    for (const method of Object.values(electron.ipcRenderer)) expect(values).not.toContain(method);
  });

  it('invokes the prefixed channel with the input and returns the envelope', async () => {
    const bridge = await exposedBridge();
    const reply = await bridge.channels['requests.get']({ id: 3 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(`${IPC_PREFIX}requests.get`, { id: 3 });
    expect(reply).toEqual({ ok: true, value: { channel: `${IPC_PREFIX}requests.get`, input: { id: 3 } } });
  });

  it('turns a transport failure into an envelope rather than a rejection', async () => {
    const bridge = await exposedBridge();
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(bridge.channels['app.info']({})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes declared menu commands only, without the IPC event, and unsubscribes', async () => {
    const bridge = await exposedBridge();
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);
    electron.emit(MENU_EVENT, 'new-request');
    electron.emit(MENU_EVENT, 'format-disk');
    electron.emit(MENU_EVENT, { toString: () => 'new-request' });
    electron.emit('some-other-event', 'focus-search');
    expect(listener.mock.calls).toEqual([['new-request']]);
    unsubscribe();
    electron.emit(MENU_EVENT, 'focus-search');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('tells the shell the page’s language on its own channel, and never fails the page', async () => {
    const bridge = await exposedBridge();
    bridge.setLanguage('ar');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('mla-shell:set-language', 'ar');
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('gone'));
    expect(() => bridge.setLanguage('fr')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it('gives the path of a dropped file and answers the file dialogs through the shell channels only', async () => {
    const bridge = await exposedBridge();
    expect(bridge.files.pathFor({})).toBe('/home/clerk/Desktop/request.pdf');
    electron.ipcRenderer.invoke.mockResolvedValueOnce(['/tmp/a.pdf', 42]);
    expect(await bridge.files.choose({ title: 'Attach', multiple: true })).toEqual(['/tmp/a.pdf']);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('mla-shell:choose-files', {
      title: 'Attach',
      multiple: true,
    });
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('gone'));
    expect(await bridge.files.saveAs({ title: 'Export', defaultName: 'x.csv' })).toBeNull();
  });
});
