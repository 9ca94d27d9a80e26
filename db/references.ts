import type Database from 'better-sqlite3';
import { DIRECTION_PREFIX, KIND_PREFIX } from '../contract/codes.ts';
import { formatReference, type ReferenceParts } from '../contract/reference-pattern.ts';

// The formatting is pure and shared with the settings screen's preview; re-exported for db/ callers.
export { formatReference, type ReferenceParts };

/**
 * Takes the next free reference for (kind, direction, year). Must run inside the write
 * transaction that inserts the request: SQLite's write lock then makes it safe between
 * processes, and a number once taken is never handed out again, even if the insert that
 * follows is rolled back by a later error in the same transaction (the counter rolls back
 * with it, so nothing was ever visible with that number).
 */
export function allocateReference(
  sqlite: Database.Database,
  pattern: string,
  parts: Omit<ReferenceParts, 'seq'>,
): string {
  const scope = `${KIND_PREFIX[parts.kind]}-${DIRECTION_PREFIX[parts.direction]}-${parts.year}`;
  const bump = sqlite.prepare(
    `INSERT INTO reference_counters (scope, last) VALUES (?, 1)
     ON CONFLICT(scope) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const taken = sqlite.prepare('SELECT 1 FROM requests WHERE reference = ?').pluck();
  // A reference may already exist (imported from an older register): skip past it.
  for (;;) {
    const seq = Number(bump.pluck().get(scope));
    const reference = formatReference(pattern, { ...parts, seq });
    if (taken.get(reference) === undefined) return reference;
  }
}
