import { useEffect, useRef } from 'react';

/** What counts as someone at the keyboard. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 10_000;

/**
 * Locks after `idleMinutes` with nobody at the keyboard or mouse. While someone is, `keepAlive`
 * is called now and then, so the server's session (which ends after the same time without
 * calls) does not end under a person reading a long request.
 */
export function useIdleLock(
  idleMinutes: number,
  active: boolean,
  onIdle: () => void,
  keepAlive: () => void,
  now: () => number = Date.now,
): void {
  const handlers = useRef({ onIdle, keepAlive });
  useEffect(() => {
    handlers.current = { onIdle, keepAlive };
  });
  useEffect(() => {
    if (!active) return undefined;
    const idleMs = idleMinutes * 60_000;
    let lastActivity = now();
    let lastPing = now();
    const seen = () => {
      lastActivity = now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, seen, { passive: true, capture: true });
    const timer = window.setInterval(
      () => {
        const t = now();
        if (t - lastActivity >= idleMs) {
          handlers.current.onIdle();
        } else if (lastActivity > lastPing && t - lastPing >= idleMs / 3) {
          lastPing = t;
          handlers.current.keepAlive();
        }
      },
      Math.min(CHECK_EVERY_MS, idleMs / 4),
    );
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, seen, { capture: true });
    };
  }, [idleMinutes, active, now]);
}
