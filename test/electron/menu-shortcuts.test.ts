import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/menu.ts';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('menu shortcuts for the renderer', () => {
  it.each([false, true])('sends save, today and the shortcut list with their accelerators (macOS: %s)', (isMac) => {
    const send = vi.fn();
    const template = buildMenuTemplate(
      { appName: 'MLA Desk', isMac, isDev: false },
      { send, backUp: vi.fn(), about: vi.fn() },
    );
    const byLabel = (label: string) => items(template).find((i) => i.label === label);
    expect([
      byLabel('Save')?.accelerator,
      byLabel('Today')?.accelerator,
      byLabel('Keyboard shortcuts')?.accelerator,
    ]).toEqual(['CmdOrCtrl+S', 'CmdOrCtrl+1', 'F1']);
    for (const label of ['Save', 'Today', 'Keyboard shortcuts']) (byLabel(label)?.click as () => void)();
    expect(send.mock.calls).toEqual([['save'], ['today'], ['show-shortcuts']]);
  });
});
