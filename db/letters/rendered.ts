import type { LetterBlock } from '../../contract/letters.ts';
import type { Language } from '../../i18n/languages.ts';
import type { Letterhead } from './letterhead.ts';

/** A letter rendered from its template, as the DOCX and PDF writers lay it out. */
export interface RenderedLetter {
  /** The document's title in its properties (the template's name in the UI language). */
  title: string;
  /** Our reference, printed at the foot of every page. */
  reference: string;
  language: Language;
  direction: 'ltr' | 'rtl';
  letterhead: Letterhead;
  blocks: LetterBlock[];
  /** Who made it, for the document's properties. */
  author: string;
}

/** Rows side by side form one table; every other block stands alone. */
export type LaidBlock =
  Exclude<LetterBlock, { type: 'row' }> | { type: 'rows'; rows: Extract<LetterBlock, { type: 'row' }>[] };

export function groupRows(blocks: readonly LetterBlock[]): LaidBlock[] {
  const out: LaidBlock[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (block.type !== 'row') out.push(block);
    else if (last?.type === 'rows') last.rows.push(block);
    else out.push({ type: 'rows', rows: [block] });
  }
  return out;
}

/** The contact line under the address: "Tel. … · E-mail: …". */
export function contactLine(
  letterhead: Letterhead,
  words: { phone: string; email: string; fill(t: string, v: Record<string, string>): string },
): string {
  return [
    letterhead.phone && words.fill(words.phone, { phone: letterhead.phone }),
    letterhead.email && words.fill(words.email, { email: letterhead.email }),
  ]
    .filter(Boolean)
    .join(' · ');
}
