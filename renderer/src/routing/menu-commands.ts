import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../contract/bridge.ts';

type Handlers = Record<MenuCommand, () => void>;

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
    if (bridge) return bridge.onMenuCommand((command) => latest.current[command]());
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const command: MenuCommand | null =
        key === 'n' ? 'new-request' : key === 'f' ? 'focus-search' : key === 'r' && e.shiftKey ? 'open-register' : null;
      if (command) {
        e.preventDefault();
        latest.current[command]();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
