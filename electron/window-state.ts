import fs from 'node:fs';
import type { BrowserWindow, Rectangle } from 'electron';
import { writeSmallFile } from './small-file.ts';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_SIZE = { width: 900, height: 600 } as const;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** How much of the title bar must be on a screen for a remembered position to be kept. */
const VISIBLE_MARGIN = 80;

function isVisibleOn(x: number, y: number, width: number, areas: readonly Rectangle[]): boolean {
  return areas.some(
    (a) =>
      x + width - VISIBLE_MARGIN >= a.x &&
      x + VISIBLE_MARGIN <= a.x + a.width &&
      y >= a.y &&
      y + VISIBLE_MARGIN <= a.y + a.height,
  );
}

/**
 * Turns whatever was in the file into a usable state: sizes no smaller than the minimum and
 * no larger than the biggest screen, and a position dropped (centred by Electron) if it would
 * put the window off every screen, e.g. after a monitor was unplugged.
 */
export function parseWindowState(raw: unknown, workAreas: readonly Rectangle[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
  const r = raw as Record<string, unknown>;
  const maxWidth = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const clamp = (v: unknown, min: number, max: number, fallback: number): number =>
    finite(v) ? Math.round(Math.min(Math.max(v, min), max)) : fallback;
  const state: WindowState = {
    width: clamp(r['width'], MIN_SIZE.width, maxWidth, DEFAULT_WINDOW_STATE.width),
    height: clamp(r['height'], MIN_SIZE.height, maxHeight, DEFAULT_WINDOW_STATE.height),
    maximized: r['maximized'] === true,
  };
  const x = r['x'];
  const y = r['y'];
  if (finite(x) && finite(y) && isVisibleOn(x, y, state.width, workAreas)) {
    state.x = Math.round(x);
    state.y = Math.round(y);
  }
  return state;
}

export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')), workAreas);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeSmallFile(file, JSON.stringify(state));
  } catch (e) {
    console.error('Could not save the window position', e);
  }
}

/** Remembers the window's normal (unmaximised) bounds and whether it was maximised. */
export function trackWindowState(win: BrowserWindow, file: string): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const capture = (): WindowState => ({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!win.isDestroyed()) saveWindowState(file, capture());
    }, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => {
    clearTimeout(timer);
    saveWindowState(file, capture());
  });
}
