import { describe, expect, it, vi } from 'vitest';
import { SHELL_CHOOSE_FILES, SHELL_SAVE_AS, SHELL_SET_LANGUAGE } from '../../contract/bridge.ts';
import { type Dialogs, registerLanguageFollower, registerShellHandlers } from '../../electron/shell-ipc.ts';

type Handler = (event: { senderFrame: unknown }, options: unknown) => Promise<unknown>;

function setUp() {
  const handlers = new Map<string, Handler>();
  const dialogs: Dialogs = {
    open: vi.fn(async () => ['/home/clerk/request.pdf']),
    save: vi.fn(async () => '/home/clerk/register.csv'),
  };
  registerShellHandlers({ handle: (channel: string, fn: Handler) => void handlers.set(channel, fn) } as never, dialogs);
  const call = (channel: string, options: unknown, url = 'app://mla-desk/index.html') =>
    handlers.get(channel)?.({ senderFrame: { url, parent: null } }, options);
  return { call, dialogs };
}

describe('the shell file dialogs over IPC', () => {
  it('opens the native dialogs for our page and answers with the chosen paths', async () => {
    const { call } = setUp();
    expect(await call(SHELL_CHOOSE_FILES, { title: 'Attach', multiple: true })).toEqual(['/home/clerk/request.pdf']);
    expect(await call(SHELL_SAVE_AS, { title: 'Export', defaultName: 'register.csv' })).toBe(
      '/home/clerk/register.csv',
    );
  });

  it('shows no dialog to a foreign page or for malformed options', async () => {
    const { call, dialogs } = setUp();
    expect(await call(SHELL_CHOOSE_FILES, { title: 'Attach', multiple: true }, 'https://evil.example/')).toEqual([]);
    expect(
      await call(SHELL_SAVE_AS, { title: 'Export', defaultName: 'x', filters: [{ name: 'x', extensions: ['../'] }] }),
    ).toBeNull();
    expect(await call(SHELL_CHOOSE_FILES, { title: 'Attach', multiple: 'yes' })).toEqual([]);
    expect(dialogs.open).not.toHaveBeenCalled();
    expect(dialogs.save).not.toHaveBeenCalled();
  });
});

describe('the page’s language over IPC', () => {
  it('reaches the menu from our page with one of the six languages, and nothing else does', async () => {
    const handlers = new Map<string, Handler>();
    const follow = vi.fn();
    registerLanguageFollower(
      { handle: (channel: string, fn: Handler) => void handlers.set(channel, fn) } as never,
      follow,
    );
    const send = (language: unknown, url = 'app://mla-desk/index.html') =>
      handlers.get(SHELL_SET_LANGUAGE)?.({ senderFrame: { url, parent: null } }, language);
    expect(await send('ar')).toBe(true);
    expect(await send('ar', 'https://evil.example/')).toBe(false);
    for (const bad of ['de', 'AR', '', null, { toString: () => 'ar' }, ['ar']]) expect(await send(bad)).toBe(false);
    expect(follow.mock.calls).toEqual([['ar']]);
  });
});
