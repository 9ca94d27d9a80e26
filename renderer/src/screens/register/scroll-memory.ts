/**
 * Where the register list was, per address (filters and sort), for this session only. Coming
 * back to the same list — Back from a request, the Register link, a refresh — finds the rows
 * the person left; a new address (another filter or sort) starts at the top. Kept in memory:
 * a restart begins at the top, as people expect of a fresh window.
 */
export interface ScrollPlace {
  /** The scroll offset of the list, in pixels. */
  offset: number;
  /** The first and last row rendered there, so their blocks can be asked for before layout. */
  first: number;
  last: number;
}

/** A few dozen addresses is plenty; the oldest is forgotten first. */
const MAX_PLACES = 50;
const places = new Map<string, ScrollPlace>();

export function placeOf(address: string): ScrollPlace | undefined {
  return places.get(address);
}

export function rememberPlace(address: string, place: ScrollPlace): void {
  places.delete(address);
  places.set(address, place);
  if (places.size > MAX_PLACES) {
    const oldest = places.keys().next().value;
    if (oldest !== undefined) places.delete(oldest);
  }
}

/** For tests: each starts with no memory of earlier ones. */
export function forgetPlaces(): void {
  places.clear();
}
