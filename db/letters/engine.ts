import { Liquid, LiquidError, type Template, Tokenizer, TypeGuards } from 'liquidjs';
import { escapeValue } from './markup.ts';

/**
 * Liquid (liquidjs) set up for letters: a field or filter that does not exist is an error, not
 * an empty string; every value printed is escaped for the letter markup (markup.ts), so a value
 * is data and is never read as markup or as Liquid again; nothing reads files (include, render
 * and layout are removed) and `raw`, which would print a value unescaped, is removed too; a
 * template gets bounded time and memory. A line holding only tags (`{% if %}`, `{% endfor %}`)
 * leaves nothing behind, not even its line break; spaces beside a tag inside a line are kept.
 */

/** Tags that read other templates from files, and the filter that turns escaping off. */
const REMOVED_TAGS = ['include', 'render', 'layout'];
const REMOVED_FILTERS = ['raw'];

/** What a value looks like in the letter: a list as its items, absent values as nothing. */
function printable(value: unknown, direction: 'ltr' | 'rtl'): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => printable(v, direction)).join(', ');
  if (typeof value === 'object') {
    // A group of fields ("request.counterpart") has no single text to print.
    throw new Error('a group of fields cannot be printed as it is: name one of its fields');
  }
  return escapeValue(String(value as string | number | boolean), direction);
}

function makeEngine(direction: 'ltr' | 'rtl'): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: (value: unknown) => printable(value, direction),
    // A runaway loop ("(1..100000000)") stops with an error instead of holding the register.
    renderLimit: 2_000,
    memoryLimit: 20_000_000,
    parseLimit: 200_000,
    // Dates stay as the data writes them; the office's zone is not the template's business.
    timezoneOffset: 0,
  });
  const tags = engine.tags as Record<string, unknown>;
  const filters = engine.filters as Record<string, unknown>;
  for (const tag of REMOVED_TAGS) delete tags[tag];
  for (const filter of REMOVED_FILTERS) delete filters[filter];
  return engine;
}

const engines = { ltr: makeEngine('ltr'), rtl: makeEngine('rtl') };

export function engineFor(direction: 'ltr' | 'rtl'): Liquid {
  return engines[direction];
}

/** A line made of tags and spaces only. */
const TAG_LINE = /^[ \t]*(?:\{%[^\n]*?%\}[ \t]*)+$/;

/** Where each line made only of tags is, its line break included: [start, end). */
function tagLines(body: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const line of body.split('\n')) {
    const end = start + line.length;
    if (TAG_LINE.test(line)) ranges.push([start, Math.min(end + 1, body.length)]);
    start = end + 1;
  }
  return ranges;
}

/**
 * Parses a template, taking out the lines made only of tags (Jinja's trim_blocks and
 * lstrip_blocks, without liquidjs's trimming of the spaces after every tag). The text's
 * tokens are trimmed in place, so the line and column of every error stay those of the text.
 */
export function parseTemplate(engine: Liquid, body: string): Template[] {
  const tokens = new Tokenizer(body, engine.options.operators).readTopLevelTokens(engine.options);
  const lines = tagLines(body);
  for (const token of tokens) {
    if (!TypeGuards.isHTMLToken(token)) continue;
    for (const [start, end] of lines) {
      const from = Math.max(start, token.begin);
      const to = Math.min(end, token.end);
      if (from >= to) continue;
      if (from === token.begin) token.trimLeft = Math.max(token.trimLeft, to - token.begin);
      else if (to === token.end) token.trimRight = Math.max(token.trimRight, token.end - from);
    }
  }
  return engine.parser.parseTokens(tokens);
}

/** What went wrong in a template, and where (1-based line and column). */
export interface TemplateProblem {
  kind: 'unknownField' | 'unknownFilter' | 'unknownTag' | 'notClosed' | 'syntax' | 'render' | 'limit';
  line: number;
  column: number;
  /** The field, filter or tag named, or liquidjs's own words (English) for the other kinds. */
  detail: string;
}

/** liquidjs's message without the position it appends (we report that separately). */
const withoutPosition = (message: string) =>
  message
    .replace(/, line:\d+, col:\d+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A liquidjs error as a problem a person can act on. */
export function problemOf(error: unknown): TemplateProblem {
  const position = error instanceof LiquidError ? error.token.getPosition() : [1, 1];
  const line = position[0] ?? 1;
  const column = position[1] ?? 1;
  const message = withoutPosition(error instanceof Error ? error.message : String(error));
  const named = (pattern: RegExp) => pattern.exec(message)?.[1] ?? message;
  if (/^undefined variable: /.test(message))
    return { kind: 'unknownField', line, column, detail: named(/^undefined variable: (.+)$/) };
  if (/^undefined filter: /.test(message))
    return { kind: 'unknownFilter', line, column, detail: named(/^undefined filter: (.+)$/) };
  if (/^tag ".+" not found$/.test(message))
    return { kind: 'unknownTag', line, column, detail: named(/^tag "(.+)" not found$/) };
  if (/not closed$/.test(message)) return { kind: 'notClosed', line, column, detail: named(/^(.+) not closed$/) };
  if (/limit exceeded$/.test(message)) return { kind: 'limit', line, column, detail: message };
  const parsing = error instanceof LiquidError && /^(ParseError|TokenizationError)$/.test(error.name);
  return { kind: parsing ? 'syntax' : 'render', line, column, detail: message };
}

/** Renders `body` against `data`: the letter markup, or the first problem met. */
export function renderTemplate(
  body: string,
  data: object,
  direction: 'ltr' | 'rtl',
): { ok: true; markup: string } | { ok: false; problem: TemplateProblem } {
  try {
    const engine = engineFor(direction);
    return { ok: true, markup: engine.renderSync(parseTemplate(engine, body), data) as string };
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
}

/** The properties every list and text has in Liquid, besides its items. */
const BUILT_IN = new Set(['size', 'first', 'last']);

/**
 * The first field the template names, in any branch, that the data does not have: rendering
 * meets only the branches its data takes, this reads them all. Loop variables are checked by
 * rendering (the sample's lists are never empty).
 */
export async function unknownField(body: string, data: object): Promise<TemplateProblem | null> {
  const engine = engineFor('ltr');
  const analysis = await engine.analyze(parseTemplate(engine, body));
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      let node: unknown = data;
      const path: string[] = [];
      for (const segment of variable.segments) {
        // An index computed at run time ("a[b]") cannot be followed here.
        if (typeof segment !== 'string' && typeof segment !== 'number') break;
        path.push(String(segment));
        if (Array.isArray(node)) {
          if (typeof segment === 'number' || BUILT_IN.has(segment)) {
            node = typeof segment === 'number' ? node[0] : undefined;
            if (node === undefined) break;
            continue;
          }
        } else if (typeof node === 'string' && BUILT_IN.has(String(segment))) {
          break;
        } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) {
          node = (node as Record<string, unknown>)[segment];
          continue;
        } else if (node === null) {
          // A field the sample leaves empty has no parts to check.
          break;
        }
        return {
          kind: 'unknownField',
          line: variable.location.row,
          column: variable.location.col,
          detail: path.join('.'),
        };
      }
    }
  }
  return null;
}
