import fc from 'fast-check';
import type { z } from 'zod';
import { anyValue, HOSTILE_NUMBERS, hostileString, hostileValue } from './values.ts';

/** The parts of a zod 4 schema definition the walker reads (zod's own types are per kind). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/** Values that look right for a field of a channel: real ids, dates, paths and codes of the fixture. */
export interface Plausible {
  strings: readonly string[];
  numbers: readonly number[];
}

/**
 * Payloads shaped like a channel's input: its keys (any subset of them), values of the
 * declared type drawn from plausible and hostile ones, and now and then a value of another
 * type altogether. They get past the first checks and reach the deeper ones, and the handler.
 */
export function shapedPayload(schema: z.ZodType, plausible: Plausible): fc.Arbitrary<unknown> {
  const text = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...plausible.strings) },
    { weight: 2, arbitrary: hostileString },
  );
  const number = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...plausible.numbers) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.double() },
  );

  const walk = (node: z.ZodType, depth: number): fc.Arbitrary<unknown> => {
    const def = defOf(node);
    let typed: fc.Arbitrary<unknown>;
    switch (def.type) {
      case 'object': {
        const shape = def.shape ?? {};
        const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, walk(v, depth + 1)]));
        typed = fc.record(fields, { requiredKeys: [] });
        break;
      }
      case 'string':
        typed = text;
        break;
      case 'number':
        typed = number;
        break;
      case 'boolean':
        typed = fc.boolean();
        break;
      case 'enum':
        typed = fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
        break;
      case 'literal':
        typed = fc.constantFrom(...(def.values ?? [null]));
        break;
      case 'array':
        typed = def.element ? fc.array(walk(def.element, depth + 1), { maxLength: depth > 2 ? 2 : 6 }) : anyValue;
        break;
      case 'record':
        typed = def.valueType ? fc.dictionary(text, walk(def.valueType, depth + 1), { maxKeys: 6 }) : anyValue;
        break;
      case 'union':
        typed = fc.oneof(...(def.options ?? []).map((o) => walk(o, depth + 1)));
        break;
      case 'pipe':
        typed = def.in ? walk(def.in, depth) : anyValue;
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        typed = def.innerType
          ? fc.oneof({ weight: 5, arbitrary: walk(def.innerType, depth) }, fc.constantFrom(undefined, null))
          : anyValue;
        break;
      default:
        typed = anyValue;
    }
    // At the top the payload stays an object; below it, a value of the wrong kind now and then.
    return depth === 0 ? typed : fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: hostileValue });
  };
  return walk(schema, 0);
}
