import type { z } from 'zod';
import { isMessageKey, type MessageKey, type MessageParams, placeholdersOf } from './messages.ts';

/*
 * What a zod issue says, as a key of the messages catalog with its parameters. The contract's
 * own checks carry their key as their message (zodMessage in contract/messages.ts); every other
 * issue, zod's own included, is said by its code, so even one nobody foresaw reads well in
 * every language.
 */

type Issue = z.core.$ZodIssue;

const number = (n: number | bigint): number => Number(n);

/** The limit of a too_small or too_big issue, as the parameters a key may use. */
function limits(issue: Issue): MessageParams {
  if (issue.code === 'too_small') return { min: number(issue.minimum), count: number(issue.minimum) };
  if (issue.code === 'too_big') return { max: number(issue.maximum), count: number(issue.maximum) };
  return {};
}

/** A refinement's own parameters, kept if they are the strings and numbers a message holds. */
function ownParams(issue: Issue): MessageParams {
  if (issue.code !== 'custom' || !issue.params) return {};
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(issue.params)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return params;
}

const quoted = (values: readonly unknown[]) =>
  values.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)))).join(', ');

function tooSmall(issue: z.core.$ZodIssueTooSmall): { key: MessageKey; params: MessageParams } {
  const count = number(issue.minimum);
  if (issue.origin === 'string') {
    if (issue.exact) return { key: 'zod.exactLength', params: { count } };
    // An empty text where one is needed: what a person reads as a missing value.
    return count === 1 ? { key: 'zod.required', params: {} } : { key: 'zod.tooShort', params: { count } };
  }
  if (issue.origin === 'array' || issue.origin === 'set') return { key: 'zod.tooFew', params: { count } };
  return { key: issue.inclusive === false ? 'zod.tooSmallExclusive' : 'zod.tooSmall', params: { min: count } };
}

function tooBig(issue: z.core.$ZodIssueTooBig): { key: MessageKey; params: MessageParams } {
  const count = number(issue.maximum);
  if (issue.origin === 'string') {
    return { key: issue.exact ? 'zod.exactLength' : 'zod.tooLong', params: { count } };
  }
  if (issue.origin === 'array' || issue.origin === 'set') return { key: 'zod.tooMany', params: { count } };
  return { key: issue.inclusive === false ? 'zod.tooBigExclusive' : 'zod.tooBig', params: { max: count } };
}

function byCode(issue: Issue): { key: MessageKey; params: MessageParams } {
  switch (issue.code) {
    case 'invalid_type': {
      // zod keeps the input on the issue only when asked (validateInput asks): a missing field.
      if ('input' in issue && issue.input === undefined) return { key: 'zod.required', params: {} };
      const specific = `zod.expected.${issue.expected}`;
      return { key: isMessageKey(specific) ? specific : 'zod.invalidType', params: {} };
    }
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format': {
      const specific = `zod.format.${issue.format}`;
      const params: MessageParams =
        'prefix' in issue && typeof issue.prefix === 'string'
          ? { prefix: issue.prefix }
          : 'suffix' in issue && typeof issue.suffix === 'string'
            ? { suffix: issue.suffix }
            : 'includes' in issue && typeof issue.includes === 'string'
              ? { includes: issue.includes }
              : {};
      return { key: isMessageKey(specific) ? specific : 'zod.format.other', params };
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? { key: 'zod.equals', params: { value: quoted(issue.values) } }
        : { key: 'zod.oneOf', params: { values: quoted(issue.values) } };
    case 'unrecognized_keys':
      return { key: 'zod.unknownFields', params: { keys: issue.keys.join(', ') } };
    case 'invalid_union':
      return { key: 'zod.noMatch', params: {} };
    case 'invalid_key':
      return { key: 'zod.invalidKey', params: {} };
    case 'invalid_element':
      return { key: 'zod.invalidElement', params: {} };
    case 'not_multiple_of':
      return { key: 'zod.multipleOf', params: { divisor: issue.divisor } };
    default:
      return { key: 'zod.invalid', params: {} };
  }
}

/** The key and parameters of one zod issue: the contract's own key if it has one, else its code's. */
export function issueMessage(issue: Issue): { key: MessageKey; params: MessageParams } {
  if (!isMessageKey(issue.message)) return byCode(issue);
  // Only what the key's text says: "is required" carries no limit, "at most {{count}}" its maximum.
  const used = placeholdersOf(issue.message);
  const offered = Object.entries({ ...limits(issue), ...ownParams(issue) }).filter(([name]) => used.has(name));
  return { key: issue.message, params: Object.fromEntries(offered) };
}
