import { useEffect, useRef, useState } from 'react';

/*
 * Focus back to where it was when a dialog closes (WCAG 2.4.3). Mantine's Modal does it when its
 * `opened` prop turns false, but most of our dialogs are mounted only while open, and Mantine
 * never gives the focus back when a modal is unmounted; a dialog opened from a menu item would
 * give it back to an item that is gone by then. This hook does it for both.
 */

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Whom the focus goes back to for a dialog opened while `active` has it: `active` itself, or,
 * for an item of a menu (which closes as the dialog opens), the button that opened the menu.
 */
export function openerOf(active: Element | null): HTMLElement | null {
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const menu = active.closest<HTMLElement>('[role="menu"]');
  if (menu?.id) {
    const target = document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`);
    if (target) return target;
  }
  return active;
}

/** The opener and its ancestors, nearest first, as they are when the dialog opens. */
function placeOf(opener: HTMLElement | null): HTMLElement[] {
  const chain: HTMLElement[] = [];
  for (let el = opener; el && el !== document.body; el = el.parentElement) chain.push(el);
  return chain;
}

/**
 * Where the focus goes when the dialog closes: the opener if it is still there; otherwise (a
 * status change removes the button that asked for it) the first control of the nearest
 * part of the page around it that is still there.
 */
export function returnTarget(place: readonly HTMLElement[]): HTMLElement | null {
  const [opener, ...around] = place;
  if (opener?.isConnected) return opener;
  for (const el of around) {
    if (!el.isConnected) continue;
    const first = el.querySelector<HTMLElement>(TABBABLE);
    if (first) return first;
  }
  return null;
}

/**
 * For a dialog mounted only while it is open: remembers what had the focus when it was
 * mounted, and gives the focus back to it when it is unmounted, unless the focus has meanwhile
 * gone somewhere on purpose (it is not on the page's body).
 */
export function useReturnFocus(): void {
  // Read while rendering, before the dialog's focus trap moves the focus into it.
  const [place] = useState(() => placeOf(openerOf(document.activeElement)));
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // After the dialog has left the page (and React's development remount, which this skips).
      window.setTimeout(() => {
        if (mounted.current) return;
        const now = document.activeElement;
        if (now !== null && now !== document.body && now.isConnected) return;
        returnTarget(place)?.focus();
      }, 0);
    };
  }, [place]);
}
