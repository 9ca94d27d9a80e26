import { DIRECTION_PREFIX, DIRECTIONS, KIND_PREFIX, KINDS, type Direction, type Kind } from '../../contract/codes.ts';
import { formatReference, type ReferenceParts } from '../references.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const kindOf = new Map<string, Kind>(KINDS.map((k) => [KIND_PREFIX[k], k]));
const directionOf = new Map<string, Direction>(DIRECTIONS.map((d) => [DIRECTION_PREFIX[d], d]));

type Slot = 'KIND' | 'DIR' | 'YYYY' | 'SEQ';
const compiled = new Map<string, { regex: RegExp; slots: Slot[] }>();

function compile(pattern: string): { regex: RegExp; slots: Slot[] } {
  const known = compiled.get(pattern);
  if (known) return known;
  const slots: Slot[] = [];
  const GROUP: Record<Slot, string> = {
    KIND: `(${[...kindOf.keys()].map(escape).join('|')})`,
    DIR: `(${[...directionOf.keys()].map(escape).join('|')})`,
    YYYY: '(\\d{4})',
    SEQ: '(\\d+)',
  };
  const source = pattern
    .split(/(\{(?:KIND|DIR|YYYY|SEQ(?::[1-9])?)\})/)
    .map((piece, i) => {
      if (i % 2 === 0) return escape(piece);
      const slot = piece.slice(1, -1).split(':')[0] as Slot;
      slots.push(slot);
      return GROUP[slot];
    })
    .join('');
  const result = { regex: new RegExp(`^${source}$`), slots };
  compiled.set(pattern, result);
  return result;
}

/**
 * The inverse of formatReference: the kind, direction, year and running number a reference
 * was made from by `pattern`, or null when the pattern could not have made it (another
 * office's numbering, or a number written without the pattern's zero-padding).
 */
export function parseReference(pattern: string, reference: string): ReferenceParts | null {
  const { regex, slots } = compile(pattern);
  const match = regex.exec(reference);
  if (!match) return null;
  const value = (slot: Slot) => match[slots.indexOf(slot) + 1] ?? '';
  const kind = kindOf.get(value('KIND'));
  const direction = directionOf.get(value('DIR'));
  if (!kind || !direction) return null;
  const parts: ReferenceParts = { kind, direction, year: Number(value('YYYY')), seq: Number(value('SEQ')) };
  // Checks repeated placeholders agree and the padding is the pattern's own.
  return Number.isSafeInteger(parts.seq) && formatReference(pattern, parts) === reference ? parts : null;
}
