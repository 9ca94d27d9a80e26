import { DIRECTION_PREFIX, KIND_PREFIX, type Direction, type Kind } from './codes.ts';

export interface ReferenceParts {
  kind: Kind;
  direction: Direction;
  year: number;
  seq: number;
}

/**
 * Fills a reference pattern (see contract/settings.ts for the placeholders and their rules).
 * It lives in the contract, not in db/, so that the settings screen previews a pattern with
 * the very function that later allocates the references.
 */
export function formatReference(pattern: string, parts: ReferenceParts): string {
  return pattern
    .replaceAll('{KIND}', KIND_PREFIX[parts.kind])
    .replaceAll('{DIR}', DIRECTION_PREFIX[parts.direction])
    .replaceAll('{YYYY}', String(parts.year))
    .replace(/\{SEQ(?::([1-9]))?\}/, (_m, width?: string) =>
      String(parts.seq).padStart(width ? Number(width) : 1, '0'),
    );
}
