import fc from 'fast-check';
import { anyValue, hostileString, hostileValue } from './values.ts';

type Path = readonly (string | number)[];

/** Every place in a JSON-like value (the value itself first): each key of each object and array. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  }
  return paths;
}

type Mutation =
  | { op: 'drop'; at: Path }
  | { op: 'replace'; at: Path; value: unknown }
  | { op: 'add'; at: Path; key: string; value: unknown }
  | { op: 'retype'; at: Path };

/** The value with another type but the "same" content: 1 → "1", "x" → ["x"], true → 1, {} → []. */
function retyped(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return [value];
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (typeof value === 'object') return [value];
  return null;
}

const clone = (value: unknown): unknown => (value === undefined ? undefined : structuredClone(value));

/** Applies one mutation to a copy of `value`; own keys are defined, so "__proto__" stays a key. */
function apply(value: unknown, m: Mutation): unknown {
  const root: Record<string, unknown> = { v: clone(value) };
  const full: Path = ['v', ...m.at];
  let holder = root as Record<string | number, unknown>;
  for (const key of full.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  const last = full[full.length - 1] ?? 'v';
  const define = (target: object, key: string | number, v: unknown) =>
    Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
  switch (m.op) {
    case 'drop':
      if (Array.isArray(holder)) holder.splice(Number(last), 1);
      else delete holder[last];
      break;
    case 'replace':
      define(holder, last, m.value);
      break;
    case 'retype':
      define(holder, last, retyped(holder[last]));
      break;
    case 'add': {
      const target = holder[last];
      if (target !== null && typeof target === 'object') define(target, m.key, m.value);
      else define(holder, last, { [m.key]: m.value });
      break;
    }
  }
  return root.v;
}

const unknownKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'admin', 'roles', 'caller', 'referenceOverride', ''),
  hostileString,
);

/**
 * One to three mutations of a valid payload: a key dropped, a value replaced by a hostile one
 * or retyped, an unknown key added (prototype-pollution keys among them), anywhere inside.
 */
export function mutatedPayload(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const at = fc.constantFrom(...paths);
  const inner = paths.filter((p) => p.length > 0);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    ...(inner.length > 0 ? [fc.record({ op: fc.constant('drop' as const), at: fc.constantFrom(...inner) })] : []),
    fc.record({ op: fc.constant('replace' as const), at, value: fc.oneof(hostileValue, anyValue) }),
    fc.record({ op: fc.constant('retype' as const), at }),
    fc.record({ op: fc.constant('add' as const), at, key: unknownKey, value: fc.oneof(hostileValue, anyValue) }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => {
    let value = valid;
    for (const m of ms) {
      try {
        value = apply(value, m);
      } catch {
        // A later mutation's path may be gone after an earlier one: skip it.
      }
    }
    return value;
  });
}
