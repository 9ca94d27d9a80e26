import { z } from 'zod';
import accounts from '../i18n/en/accounts.json';
import codes from '../i18n/en/codes.json';
import drafting from '../i18n/en/drafting.json';
import catalog from '../i18n/en/messages.json';

/*
 * Messages made outside the renderer (the errors of db/ and api/, the problems of a form's
 * fields or of an import's rows) travel as a key into the `messages` part of the translations
 * (i18n/<language>/messages.json) with their parameters, so each screen shows them in the
 * reader's language. Their `message` is the English text of the same key, made here from the
 * English file: the command line and the logs read it, and a screen that does not know the key
 * (an older app against a newer server) shows it. The wording lives in one place.
 *
 * Parameters are strings and numbers. Two kinds are special, here and in the renderer:
 * - `count` picks the plural form (key_one, key_other, … as i18next does). The screens write it
 *   with the language's digit grouping; the English text writes every number as it is, as the
 *   command line always has.
 * - the code parameters of CODE_PARAMS (a status, a kind, …) are shown as their label in the
 *   reader's language, in lower case since they stand inside a sentence.
 * - `problems` (PROBLEMS_PARAM) is the English of the error's `fields` joined by "; " (a backup
 *   that cannot be restored says all that is wrong with it); the screens join the fields'
 *   own translations instead.
 */

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
type PluralBase<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** A key of the English catalog, without its `messages.` prefix; a key it lacks fails typecheck. */
export type MessageKey = PluralBase<Leaves<(typeof catalog)['messages']>>;
export type MessageParams = Readonly<Record<string, string | number>>;

/** What a message is on the wire: the English text, and the key and parameters to translate it by. */
export interface Localised {
  message: string;
  /** A key of the messages catalog (without the `messages.` prefix); absent from older servers. */
  key?: string | undefined;
  params?: MessageParams | undefined;
}

export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export const localisedSchema = z.object({
  message: z.string(),
  key: z.string().optional(),
  params: messageParamsSchema.optional(),
});

/**
 * Parameters whose values are codes, shown as the label of the code in the reader's language
 * (`labels` is where the translations keep them); a `list` holds several codes, comma-separated.
 */
export const CODE_PARAMS: Readonly<Record<string, { labels: string; list?: boolean }>> = {
  status: { labels: 'status' },
  from: { labels: 'status' },
  to: { labels: 'status' },
  kind: { labels: 'kind' },
  direction: { labels: 'direction' },
  event: { labels: 'eventType' },
  roles: { labels: 'roles', list: true },
  /** What an outgoing request must contain (contract/completeness.ts). */
  elements: { labels: 'drafting.element', list: true },
};

/**
 * The parameters with every code parameter replaced by its label (as `label` finds it, else the
 * code itself), in lower case: "cannot go from under review to executed". (The six languages
 * lower-case alike in every locale: none has Turkish's dotless i.)
 */
export function withCodeLabels(
  params: MessageParams,
  label: (labels: string, code: string) => string | undefined,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    const spec = Object.hasOwn(CODE_PARAMS, name) ? CODE_PARAMS[name] : undefined;
    if (!spec || typeof value !== 'string') continue;
    const codesOf = spec.list ? value.split(',').map((c) => c.trim()) : [value];
    out[name] = codesOf.map((code) => (label(spec.labels, code) ?? code).toLowerCase()).join(', ');
  }
  return out;
}

/** The parameter that lists an error's field problems in its sentence (see above). */
export const PROBLEMS_PARAM = 'problems';

const PLACEHOLDER = /\{\{\s*([^},\s]+)[^}]*\}\}/g;
const ENGLISH_PLURAL = new Intl.PluralRules('en');
const MESSAGES: unknown = catalog.messages;
const ENGLISH_LABELS: unknown = { ...codes, roles: accounts.roles, drafting: drafting.drafting };

function lookup(tree: unknown, dotted: string): string | undefined {
  let node = tree;
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A key's template in a `messages` tree: the plural form of `count` by `plural`, else the plain one. */
function templateIn(messages: unknown, plural: Intl.PluralRules, key: string, count: unknown): string | undefined {
  if (typeof count === 'number') {
    const form = lookup(messages, `${key}_${plural.select(count)}`) ?? lookup(messages, `${key}_other`);
    if (form !== undefined) return form;
  }
  return lookup(messages, key) ?? lookup(messages, `${key}_other`);
}

/** A template with its placeholders filled, code parameters named by `labels` (a language's code labels). */
function fill(
  template: string,
  params: MessageParams,
  labels: unknown,
  formatCount?: (count: number) => string,
): string {
  const values = withCodeLabels(params, (group, code) => lookup(labels, `${group}.${code}`));
  const count = params['count'];
  if (formatCount && typeof count === 'number') values['count'] = formatCount(count);
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** True for a key of the English catalog (a key that came as data: a zod message, an older file). */
export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && templateIn(MESSAGES, ENGLISH_PLURAL, key, undefined) !== undefined;
}

/** The English text of a message: what `message` carries beside its key. */
export function englishText(key: MessageKey, params: MessageParams = {}): string {
  return fill(templateIn(MESSAGES, ENGLISH_PLURAL, key, params['count']) ?? key, params, ENGLISH_LABELS);
}

/**
 * A message in one language's translations (all its parts merged, as i18n/resources.ts holds
 * them), for code that has no i18next (the desktop shell): the plural form for `locale`, code
 * parameters as that language's labels, `count` written by `formatCount`. Undefined when the
 * translations lack the key.
 */
export function messageIn(
  translation: unknown,
  locale: string,
  key: string,
  params: MessageParams = {},
  formatCount?: (count: number) => string,
): string | undefined {
  const messages =
    translation !== null && typeof translation === 'object' && Object.hasOwn(translation, 'messages')
      ? (translation as Record<string, unknown>)['messages']
      : undefined;
  const template = templateIn(messages, new Intl.PluralRules(locale), key, params['count']);
  return template === undefined ? undefined : fill(template, params, translation, formatCount);
}

/** The parameters a key's English text uses (in any of its plural forms). */
export function placeholdersOf(key: MessageKey): Set<string> {
  const names = new Set<string>();
  for (const template of [lookup(MESSAGES, key), lookup(MESSAGES, `${key}_one`), lookup(MESSAGES, `${key}_other`)]) {
    for (const match of template?.matchAll(PLACEHOLDER) ?? []) if (match[1]) names.add(match[1]);
  }
  return names;
}

/** A message with its English text, as the wire carries it. */
export function localised(key: MessageKey, params?: MessageParams): Localised & { key: MessageKey } {
  const message = englishText(key, params);
  return params === undefined ? { message, key } : { message, key, params };
}

/**
 * A zod check's or refinement's message: the key itself, which fieldProblems (contract/validate.ts)
 * turns into text, with the check's own limit (`min`/`max`, and `count`) or the refinement's
 * `params` as parameters.
 */
export function zodMessage(key: MessageKey, params?: MessageParams): { message: MessageKey; params?: MessageParams } {
  return params === undefined ? { message: key } : { message: key, params };
}
