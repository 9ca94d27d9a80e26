import type { LetterBlock } from '../../contract/letters.ts';

/**
 * The letter markup: what a template renders to, and what both writers (DOCX and PDF) read.
 * Line-based, so that a letter's layout is visible in its template:
 *
 *   # Title                 the letter's title, centred, bold
 *   ## Heading              a section heading, bold
 *   - item                  one item of a list
 *   | label | value         a labelled line (consecutive ones form a table): "Our reference"
 *   > text                  a line aligned to the end (right; left in Arabic): date, signature
 *   any other text          a paragraph; its consecutive lines are kept as separate lines
 *   (an empty line)         ends a paragraph
 *
 * `\` makes the next character plain text (`\#`, `\|`, `\\`); a `\` at the end of a line keeps
 * the next line in the same block, as a new line in it. Nothing is inline: no bold or italics
 * inside a sentence, so there is nothing a value could switch on.
 *
 * Every value a template inserts goes through `escapeValue`: its markup characters are
 * escaped and its line breaks become lines of the block the template put it in, so a party
 * named "# X" or "| a | b" prints as typed and can never start a block of its own.
 */

const LRE = '\u202A';
const RLE = '\u202B';
const PDF = '\u202C';
const LRO = '\u202D';
const RLO = '\u202E';
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';
const EMBEDDINGS = new Set([LRE, RLE, LRO, RLO]);
const ISOLATES = new Set([LRI, RLI, FSI]);
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LTR_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}]/u;

/**
 * The value's own directional controls paired up: a closing one with nothing to close is
 * dropped, an opening one left open is closed at the end. Typed text keeps its effect inside the
 * value (an override reverses what it covers, as it would anywhere), never beyond it.
 */
function balanceControls(text: string): string {
  const open: string[] = [];
  let out = '';
  for (const char of text) {
    if (EMBEDDINGS.has(char) || ISOLATES.has(char)) {
      open.push(char);
    } else if (char === PDF) {
      // An embedding's closer cannot close across an isolate (UAX #9 X7).
      if (open.length === 0 || !EMBEDDINGS.has(open.at(-1) ?? '')) continue;
      open.pop();
    } else if (char === PDI) {
      const at = open.findLastIndex((c) => ISOLATES.has(c));
      if (at < 0) continue;
      // A PDI closes the embeddings opened inside its isolate too.
      open.length = at;
    }
    out += char;
  }
  for (const char of open.reverse()) out += ISOLATES.has(char) ? PDI : PDF;
  return out;
}

const MARKUP_CHARACTER = /[\\#|>-]/g;

/**
 * A value as the markup must hold it to print as typed. It is set apart for the bidirectional
 * algorithm (FSI … PDI, as `<bdi>` on screen) when it holds right-to-left letters or controls,
 * or stands in a right-to-left letter with left-to-right letters of its own: a Latin name in an
 * Arabic sentence, or an Arabic one in an English sentence, moves none of the words around it.
 */
export function escapeValue(value: string, direction: 'ltr' | 'rtl'): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const isolate =
        BIDI_CONTROL.test(line) || RTL_LETTER.test(line) || (direction === 'rtl' && LTR_LETTER.test(line));
      const escaped = balanceControls(line).replace(MARKUP_CHARACTER, (c) => `\\${c}`);
      return isolate && escaped !== '' ? `${FSI}${escaped}${PDI}` : escaped;
    })
    .join('\\\n');
}

/** A line's text with its escapes resolved. */
function unescape(text: string): string {
  return text.replace(/\\(.)/gu, '$1');
}

/** Where a line's `|` separators are (not those escaped). */
function splitRow(text: string): { label: string; value: string } {
  let label: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') {
      i += 1;
    } else if (c === '|' && label === null) {
      label = text.slice(0, i);
      start = i + 1;
    } else if (c === '|' && label !== null && i === text.trimEnd().length - 1) {
      // A closing bar, as tables are often written: "| label | value |".
      return { label, value: text.slice(start, i) };
    }
  }
  return label === null ? { label: text, value: '' } : { label, value: text.slice(start) };
}

/** Whether a line ends with a `\` that is not itself escaped (the block goes on). */
function continues(line: string): boolean {
  const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

interface Logical {
  /** The first line's text after its marker, then the continuation lines. */
  parts: string[];
  marker: '#' | '##' | '-' | '|' | '>' | null;
}

/** Groups the text into logical lines: a line and the ones a trailing `\` joined to it. */
function logicalLines(text: string): (Logical | 'blank')[] {
  const out: (Logical | 'blank')[] = [];
  let current: Logical | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (current) {
      const goesOn = continues(raw);
      current.parts.push(goesOn ? raw.slice(0, -1) : raw.trimEnd());
      if (!goesOn) current = null;
      continue;
    }
    const line = raw.trimStart();
    if (line.trim() === '') {
      out.push('blank');
      continue;
    }
    const match = /^(##|#|-|>|\|)(?: |$)/.exec(line);
    const marker = (match?.[1] ?? null) as Logical['marker'];
    const rest = match ? line.slice(match[0].length) : line;
    const goesOn = continues(rest);
    const logical: Logical = { parts: [goesOn ? rest.slice(0, -1) : rest.trimEnd()], marker };
    out.push(logical);
    if (goesOn) current = logical;
  }
  return out;
}

/** The letter's blocks, as both writers lay them out. Any text parses: there is no syntax error. */
export function parseMarkup(text: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let paragraph: Extract<LetterBlock, { type: 'paragraph' }> | null = null;
  for (const line of logicalLines(text)) {
    if (line === 'blank') {
      paragraph = null;
      continue;
    }
    const lines = line.parts.map(unescape);
    if (line.marker === null || line.marker === '>') {
      const align = line.marker === '>' ? 'end' : 'start';
      if (paragraph && paragraph.align === align) paragraph.lines.push(...lines);
      else {
        paragraph = { type: 'paragraph', lines, align };
        blocks.push(paragraph);
      }
      continue;
    }
    paragraph = null;
    if (line.marker === '#') blocks.push({ type: 'title', lines });
    else if (line.marker === '##') blocks.push({ type: 'heading', lines });
    else if (line.marker === '-') blocks.push({ type: 'item', lines });
    else {
      const [first = '', ...more] = line.parts;
      const { label, value } = splitRow(first);
      blocks.push({
        type: 'row',
        label: [unescape(label.trim())],
        value: [unescape(value.trim()), ...more.map(unescape)],
      });
    }
  }
  return blocks;
}

/** The blocks as plain text, one line each (tests, and the preview's accessible summary). */
export function blocksText(blocks: readonly LetterBlock[]): string {
  return blocks
    .map((b) => (b.type === 'row' ? `${b.label.join(' ')}: ${b.value.join('\n')}` : b.lines.join('\n')))
    .join('\n');
}
