import { useEffect, useRef } from 'react';

/*
 * What the keyboard shortcuts trigger beyond navigation: "save" for whichever form is open
 * (File > Save, Ctrl/Cmd+S) and the list of shortcuts ("?", F1, Help > Keyboard shortcuts).
 */

const saveHandlers: (() => void)[] = [];

/**
 * Runs the save of the form shown now; returns false when no form is listening. When forms
 * are nested (a dialog over a screen), the one subscribed last — the one on top — saves.
 */
export function emitSave(): boolean {
  const handler = saveHandlers.at(-1);
  handler?.();
  return handler !== undefined;
}

/** A form saves on Ctrl/Cmd+S and File > Save while it is mounted (and `enabled`). */
export function useSaveShortcut(onSave: () => void, enabled = true): void {
  const latest = useRef(onSave);
  useEffect(() => {
    latest.current = onSave;
  });
  useEffect(() => {
    if (!enabled) return;
    const handler = () => latest.current();
    saveHandlers.push(handler);
    return () => {
      saveHandlers.splice(saveHandlers.indexOf(handler), 1);
    };
  }, [enabled]);
}

const shortcutsBus = new EventTarget();

export function showShortcuts(): void {
  shortcutsBus.dispatchEvent(new Event('show'));
}

/** Calls `open` whenever the shortcut list is asked for. */
export function useShowShortcuts(open: () => void): void {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    const listener = () => latest.current();
    shortcutsBus.addEventListener('show', listener);
    return () => shortcutsBus.removeEventListener('show', listener);
  }, []);
}
