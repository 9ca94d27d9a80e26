import { describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX } from '../../contract/bridge.ts';
import { CHANNEL_NAMES } from '../../contract/channels.ts';
import type { Envelope } from '../../contract/errors.ts';
import { handleCall, isOwnFrame, registerIpcHandlers, type Forward } from '../../electron/ipc.ts';

const OUR_FRAME = { url: 'app://mla-desk/index.html', parent: null };
const OK: Envelope<unknown> = { ok: true, value: { fine: true } };

type Handler = (event: { senderFrame: unknown; sender?: { id: number } }, input: unknown) => Promise<Envelope<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((name: string, handler: Handler) => handlers.set(name, handler)),
    removeHandler: vi.fn((name: string) => handlers.delete(name)),
  };
}

describe('IPC handlers', () => {
  it('registers exactly one handler per declared channel, prefixed, and can remove them', () => {
    const ipc = fakeIpcMain();
    const unregister = registerIpcHandlers(ipc as never, vi.fn());
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((n) => IPC_PREFIX + n).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('forwards a valid call from our page with the calling window as its seat, and returns the reply', async () => {
    const ipc = fakeIpcMain();
    const forward = vi.fn<Forward>(async () => OK);
    registerIpcHandlers(ipc as never, forward);
    const event = { senderFrame: OUR_FRAME, sender: { id: 3 } };
    const reply = await ipc.handlers.get(`${IPC_PREFIX}requests.get`)?.(event, { id: 7 });
    expect(reply).toEqual(OK);
    expect(forward).toHaveBeenCalledWith('requests.get', { id: 7 }, 3);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///C:/Users/x/evil.html', parent: null }],
    ['another app:// host', { url: 'app://other/index.html', parent: null }],
    ['a subframe of our page', { url: 'app://mla-desk/frame.html', parent: OUR_FRAME }],
    ['a frame that is gone', null],
  ])('denies %s without forwarding', async (_label, frame) => {
    const forward = vi.fn<Forward>(async () => OK);
    const reply = await handleCall('app.info', frame, {}, forward, 1);
    expect(reply).toMatchObject({ ok: false, error: { code: 'denied' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('treats a disposed frame (whose url getter throws) as foreign', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isOwnFrame(disposed)).toBe(false);
  });

  it('returns invalid_input for bad input and never forwards it', async () => {
    const forward = vi.fn<Forward>(async () => OK);
    const reply = await handleCall('requests.get', OUR_FRAME, { id: 'one; DROP TABLE requests' }, forward, 1);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'id' }] } });
    const extra = await handleCall('app.info', OUR_FRAME, { admin: true }, forward, 1);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('answers with an internal envelope instead of throwing when forwarding fails', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await handleCall(
      'app.info',
      OUR_FRAME,
      undefined,
      async () => {
        throw new Error('process gone');
      },
      1,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    log.mockRestore();
  });
});
