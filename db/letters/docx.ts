import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { localeOf } from '../../i18n/languages.ts';
import { type LaidBlock, type RenderedLetter, contactLine, groupRows } from './rendered.ts';
import { letterWords } from './words.ts';

/**
 * A letter as a Word document (the `docx` library): A4, the letterhead in the page header
 * (logo, office, address, contacts), our reference and "Page n of m" in the footer, the blocks
 * of the letter markup as paragraphs, a bulleted list and a borderless table of labelled lines.
 * In Arabic every paragraph is right to left (`bidirectional`) and every Arabic run too; the
 * fonts are ones every office machine has (Times New Roman, SimSun for Chinese), so the file
 * opens and prints the same in Word and LibreOffice.
 */

const TWIPS_PER_CM = 567;
const PAGE_WIDTH_TWIPS = 11906;
const MARGIN_TWIPS = 2 * TWIPS_PER_CM;
const BODY_WIDTH_TWIPS = PAGE_WIDTH_TWIPS - 2 * MARGIN_TWIPS;
const BULLETS = 'letter-bullets';
const LOGO_MAX_HEIGHT_PX = 60;
const LOGO_MAX_WIDTH_PX = 220;

const RTL_RUN =
  /[\p{Script=Arabic}\p{Script=Hebrew}](?:[\p{Script=Arabic}\p{Script=Hebrew}\p{M}\s\d.,:;،؛()«»"'\-/]*[\p{Script=Arabic}\p{Script=Hebrew}\p{M}])?/gu;

type RunStyle = { bold?: boolean; size?: number };

/**
 * One line's runs: the right-to-left stretches marked so (Word shapes and orders them as
 * Arabic), the rest left to right, each run with the paragraph's language for proofing.
 */
function runs(text: string, letter: RenderedLetter, style: RunStyle = {}): TextRun[] {
  const pieces: { text: string; rtl: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), rtl: false });
    pieces.push({ text: match[0], rtl: true });
    last = match.index + match[0].length;
  }
  if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last), rtl: false });
  return pieces.map(
    (p) =>
      new TextRun({
        text: p.text,
        bold: style.bold ?? false,
        boldComplexScript: style.bold ?? false,
        ...(style.size === undefined ? {} : { size: style.size, sizeComplexScript: style.size }),
        rightToLeft: p.rtl,
        language: {
          value: localeOf(letter.language === 'ar' ? 'en' : letter.language),
          eastAsia: 'zh-CN',
          bidirectional: 'ar-SA',
        },
      }),
  );
}

/** Lines of one block as runs with breaks between them. */
function lineRuns(lines: readonly string[], letter: RenderedLetter, style: RunStyle = {}): TextRun[] {
  return lines.flatMap((line, i) => [
    ...(i > 0 ? [new TextRun({ text: '', break: 1 })] : []),
    ...runs(line, letter, style),
  ]);
}

function paragraphOf(
  letter: RenderedLetter,
  children: (TextRun | ImageRun)[],
  options: Record<string, unknown> = {},
): Paragraph {
  return new Paragraph({ bidirectional: letter.direction === 'rtl', children, ...options });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function rowsTable(rows: Extract<LaidBlock, { type: 'rows' }>['rows'], letter: RenderedLetter): Table {
  const labelWidth = Math.round(BODY_WIDTH_TWIPS * 0.32);
  const cell = (lines: string[], width: number, bold: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [paragraphOf(letter, lineRuns(lines, letter, { bold }), { spacing: { after: 60 } })],
    });
  return new Table({
    width: { size: BODY_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [labelWidth, BODY_WIDTH_TWIPS - labelWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    visuallyRightToLeft: letter.direction === 'rtl',
    rows: rows.map(
      (r) =>
        new TableRow({
          children: [cell(r.label, labelWidth, true), cell(r.value, BODY_WIDTH_TWIPS - labelWidth, false)],
        }),
    ),
  });
}

function body(letter: RenderedLetter): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of groupRows(letter.blocks)) {
    switch (block.type) {
      case 'title':
        out.push(
          paragraphOf(letter, lineRuns(block.lines, letter, { bold: true, size: 28 }), {
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 240 },
            keepNext: true,
          }),
        );
        break;
      case 'heading':
        out.push(
          paragraphOf(letter, lineRuns(block.lines, letter, { bold: true }), {
            spacing: { before: 240, after: 80 },
            keepNext: true,
          }),
        );
        break;
      case 'item':
        out.push(
          paragraphOf(letter, lineRuns(block.lines, letter), {
            numbering: { reference: BULLETS, level: 0 },
            spacing: { after: 60 },
          }),
        );
        break;
      case 'paragraph':
        out.push(
          paragraphOf(letter, lineRuns(block.lines, letter), {
            alignment: block.align === 'end' ? AlignmentType.END : AlignmentType.START,
            spacing: { after: 160 },
          }),
        );
        break;
      case 'rows':
        out.push(rowsTable(block.rows, letter), paragraphOf(letter, [], { spacing: { after: 80 } }));
        break;
    }
  }
  return out;
}

/** The logo scaled to fit the header, keeping its proportions. */
function logoRun(letter: RenderedLetter): ImageRun | null {
  const { logo, logoBytes } = letter.letterhead;
  if (!logo || !logoBytes) return null;
  const scale = Math.min(1, LOGO_MAX_HEIGHT_PX / logo.height, LOGO_MAX_WIDTH_PX / logo.width);
  return new ImageRun({
    type: logo.mediaType === 'image/png' ? 'png' : 'jpg',
    data: logoBytes,
    transformation: {
      width: Math.max(1, Math.round(logo.width * scale)),
      height: Math.max(1, Math.round(logo.height * scale)),
    },
    altText: { name: 'logo', title: letter.letterhead.officeName, description: letter.letterhead.officeName },
  });
}

function header(letter: RenderedLetter): Header {
  const words = letterWords(letter.language);
  const { letterhead } = letter;
  const logo = logoRun(letter);
  const contact = contactLine(letterhead, words);
  const lines: (TextRun | ImageRun)[][] = [
    ...(logo ? [[logo]] : []),
    ...(letterhead.officeName ? [runs(letterhead.officeName, letter, { bold: true, size: 24 })] : []),
    ...letterhead.addressLines.map((line) => runs(line, letter, { size: 18 })),
    ...(contact ? [runs(contact, letter, { size: 18 })] : []),
  ];
  return new Header({
    children: lines.map((children, i) =>
      // The rule under the letterhead: a bottom border on its last line.
      i === lines.length - 1
        ? paragraphOf(letter, children, {
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
            spacing: { after: 120 },
          })
        : paragraphOf(letter, children),
    ),
  });
}

/** "Page {{page}} of {{pages}}" with Word's page fields where the placeholders are. */
function pageRuns(template: string): (TextRun | string)[] {
  return template.split(/(\{\{page\}\}|\{\{pages\}\})/).flatMap((part) => {
    if (part === '{{page}}') return [new TextRun({ children: [PageNumber.CURRENT], size: 16 })];
    if (part === '{{pages}}') return [new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 })];
    return part === '' ? [] : [new TextRun({ text: part, size: 16 })];
  });
}

function footer(letter: RenderedLetter): Footer {
  const words = letterWords(letter.language);
  const [before = '', after = ''] = words.footer.split('{{page}}');
  const reference = words.fill(before, { reference: letter.reference });
  return new Footer({
    children: [
      new Paragraph({
        bidirectional: letter.direction === 'rtl',
        alignment: AlignmentType.CENTER,
        children: [
          ...runs(reference, letter, { size: 16 }),
          ...(pageRuns(words.page) as TextRun[]),
          ...runs(words.fill(after, { reference: letter.reference }), letter, { size: 16 }),
        ],
      }),
    ],
  });
}

export async function letterDocx(letter: RenderedLetter): Promise<Buffer> {
  const document = new Document({
    creator: letter.author || 'MLA Desk',
    title: letter.title,
    description: letter.reference,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' },
            size: 24,
          },
          paragraph: { spacing: { line: 276 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { start: 567, hanging: 283 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH_TWIPS, height: 16838 },
            margin: {
              top: MARGIN_TWIPS,
              bottom: MARGIN_TWIPS,
              left: MARGIN_TWIPS,
              right: MARGIN_TWIPS,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: { default: header(letter) },
        footers: { default: footer(letter) },
        children: body(letter),
      },
    ],
  });
  return Packer.toBuffer(document);
}
