/**
 * Chromium lays out no element taller than 33,554,432 px, so a list of 40-pixel rows stops
 * growing at about 838,000 rows and its last rows cannot be scrolled to. Past MAX_BODY_PX the
 * register's body is drawn shorter than its rows would make it, and positions in the list
 * ("virtual" offsets, what the virtualizer works in) map linearly onto the scroll bar's: both
 * ends meet (the top is the first row, the bottom the last), and rows are drawn where the view
 * is. A wheel or a drag then moves a little more than a pixel of list per pixel of scroll bar
 * (1.3 at 1,000,000 rows); the keyboard still moves row by row.
 */
export const MAX_BODY_PX = 30_000_000;

export interface ScrollGeometry {
  /** The rows' full height: rows × row height. */
  bodyPx: number;
  /** What is above the body in the scroll area (the sticky header). */
  headPx: number;
  /** The scroll area's own height. */
  viewPx: number;
  /** The tallest body drawn. */
  maxBodyPx?: number;
}

export interface ScrollMap {
  /** The height the body is drawn at. */
  drawnBodyPx: number;
  /** List offset for a scroll bar offset, and back. */
  toList(scrollTop: number): number;
  toScrollTop(listOffset: number): number;
  scaled: boolean;
}

export function scrollMap({ bodyPx, headPx, viewPx, maxBodyPx = MAX_BODY_PX }: ScrollGeometry): ScrollMap {
  const drawnBodyPx = Math.min(bodyPx, maxBodyPx);
  const listRange = Math.max(0, headPx + bodyPx - viewPx);
  const drawnRange = Math.max(0, headPx + drawnBodyPx - viewPx);
  if (drawnBodyPx === bodyPx || drawnRange === 0) {
    return { drawnBodyPx, toList: (top) => top, toScrollTop: (offset) => offset, scaled: false };
  }
  const ratio = listRange / drawnRange;
  return {
    drawnBodyPx,
    toList: (top) => Math.min(listRange, Math.max(0, top * ratio)),
    toScrollTop: (offset) => Math.min(drawnRange, Math.max(0, offset / ratio)),
    scaled: true,
  };
}
