import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../contract/bridge.ts';
import { ShortcutsHelp } from '../../renderer/src/components/ShortcutsHelp.tsx';
import { commandForKey, useMenuCommands } from '../../renderer/src/routing/menu-commands.ts';
import { emitSave, showShortcuts, useSaveShortcut } from '../../renderer/src/routing/shortcuts.ts';
import { renderScreen } from './render.tsx';

const key = (k: string, more: Partial<KeyboardEventInit> = {}, target: EventTarget | null = document.body) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...more,
  target,
});

describe('the shortcut list', () => {
  it('opens with "?" and lists every shortcut', async () => {
    renderScreen(
      <>
        <ShortcutsHelp />
        <MenuCommands />
      </>,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const action of [
      'New request',
      'Find (the search box)',
      'Save the form you are in',
      'Today',
      'Register',
      'This list',
    ]) {
      expect(dialog).toHaveTextContent(action);
    }
    const list = screen.getByRole('table', { name: 'In the register list and the search results' });
    expect(list).toHaveTextContent('Open the requestEnter');
    expect(list).toHaveTextContent('A page up or down (register list)Page UporPage Down');
    expect(dialog).toHaveTextContent(/Ctrl\s*\+\s*S/);
  });

  it('does not open when "?" is typed into a field', async () => {
    renderScreen(
      <>
        <ShortcutsHelp />
        <MenuCommands />
        <input aria-label="Note" />
      </>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Note' }), 'why?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

/** The app's own wiring of the help command, as App.tsx does it. */
function MenuCommands() {
  useMenuCommands({
    'new-request': () => undefined,
    'open-register': () => undefined,
    'focus-search': () => undefined,
    today: () => undefined,
    save: () => void emitSave(),
    'show-shortcuts': showShortcuts,
  });
  return null;
}

describe('keys and commands', () => {
  it('maps the browser build’s shortcuts to the menu’s commands', () => {
    const cases: [ReturnType<typeof key>, MenuCommand | null][] = [
      [key('n', { ctrlKey: true }), 'new-request'],
      [key('f', { metaKey: true }), 'focus-search'],
      [key('s', { ctrlKey: true }), 'save'],
      [key('1', { ctrlKey: true }), 'today'],
      [key('R', { ctrlKey: true, shiftKey: true }), 'open-register'],
      [key('r', { ctrlKey: true }), null],
      [key('F1'), 'show-shortcuts'],
      [key('?', { shiftKey: true }), 'show-shortcuts'],
      [key('s'), null],
      [key('s', { ctrlKey: true, altKey: true }), null],
    ];
    for (const [press, command] of cases)
      expect({ press: press.key, command: commandForKey(press, false) }).toEqual({ press: press.key, command });
  });

  it('leaves the desktop’s shortcuts to the native menu, except "?"', () => {
    expect(commandForKey(key('s', { ctrlKey: true }), true)).toBeNull();
    expect(commandForKey(key('F1'), true)).toBeNull();
    expect(commandForKey(key('?'), true)).toBe('show-shortcuts');
    expect(commandForKey(key('?', {}, document.createElement('textarea')), true)).toBeNull();
  });
});

describe('the save shortcut', () => {
  it('saves the form on top, and only while it is mounted', () => {
    const screenForm = vi.fn();
    const dialogForm = vi.fn();
    const outer = renderHook(() => useSaveShortcut(screenForm));
    const inner = renderHook(() => useSaveShortcut(dialogForm));
    act(() => void emitSave());
    expect(dialogForm).toHaveBeenCalledOnce();
    expect(screenForm).not.toHaveBeenCalled();
    inner.unmount();
    act(() => void emitSave());
    expect(screenForm).toHaveBeenCalledOnce();
    outer.unmount();
    expect(emitSave()).toBe(false);
  });

  it('reaches a form through Ctrl+S, and keeps the browser from saving the page', async () => {
    const onSave = vi.fn();
    function Form() {
      useSaveShortcut(onSave);
      return null;
    }
    render(
      <>
        <MenuCommands />
        <Form />
      </>,
    );
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, cancelable: true });
    act(() => void window.dispatchEvent(event));
    expect(onSave).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(true);
  });
});
