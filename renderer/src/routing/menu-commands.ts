import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../contract/bridge.ts';

type Handlers = Record<MenuCommand, () => void>;

interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  target: EventTarget | null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The command a key press stands for. On the desktop the native menu's accelerators deliver
 * the commands (so they are not handled twice); "?" has no menu accelerator and works in both.
 */
export function commandForKey(e: KeyPress, desktop: boolean): MenuCommand | null {
  const modifier = e.ctrlKey || e.metaKey;
  if (e.key === '?' && !modifier && !e.altKey && !isTyping(e.target)) return 'show-shortcuts';
  if (desktop) return null;
  if (e.key === 'F1' && !modifier) return 'show-shortcuts';
  if (!modifier || e.altKey) return null;
  switch (e.key.toLowerCase()) {
    case 'n':
      return 'new-request';
    case 'f':
      return 'focus-search';
    case 's':
      return 'save';
    case '1':
      return 'today';
    case 'r':
      return e.shiftKey ? 'open-register' : null;
    default:
      return null;
  }
}

/**
 * Acts on the desktop menu's commands (Electron), and on the same shortcuts in the browser
 * build, where there is no native menu.
 */
export function useMenuCommands(handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const bridge = window.mlaDesk;
    const unsubscribe = bridge?.onMenuCommand((command) => latest.current[command]());
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e, bridge !== undefined);
      if (command) {
        e.preventDefault();
        latest.current[command]();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe?.();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
