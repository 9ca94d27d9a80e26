import { splitToFit } from '../letters/pdf.ts';
import { registerReportFonts } from './fonts.ts';
import { drawPageFooters } from './pdf-footer.ts';
import { type PdfText, type TextStyle, pdfText } from './pdf-text.ts';
import type { CaseSummary, Entry, HistoryLine, Pair } from './case-summary-model.ts';

/**
 * The case summary as an A4 portrait PDF in the reader's language: the office, title and
 * status at the top, then each section (the request, what a formal request states, the facts,
 * parties, identifiers with their exact times, documents with their SHA-256, correspondence,
 * the full history), page numbers at the foot. Laid out with the reports' text module, so
 * Arabic reads from the right (columns too) and Chinese wraps between characters.
 */

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const BOTTOM = 52;
const LABEL_WIDTH = 150;
const GAP = 8;
const BODY: TextStyle = { size: 9 };
const BOLD: TextStyle = { size: 9, bold: true };
const SMALL: TextStyle = { size: 7.5 };
const HEADING: TextStyle = { size: 11, bold: true };
const HISTORY_WIDTHS = [78, 150, 90];

interface Flow {
  doc: Doc;
  text: PdfText;
  summary: CaseSummary;
  y: number;
  top: number;
  bottom: number;
  width: number;
  pages: number;
}

function rtl(flow: Flow): boolean {
  return flow.text.direction === 'rtl';
}

function newPage(flow: Flow): void {
  flow.doc.addPage();
  flow.pages += 1;
  const running = flow.summary.labels.fill(flow.summary.words.running, { reference: flow.summary.reference });
  flow.y = MARGIN + flow.text.draw(running, MARGIN, MARGIN, flow.width, { size: 8 }) + 10;
  flow.top = flow.y;
}

function ensure(flow: Flow, height: number): void {
  if (flow.y + height > flow.bottom && flow.y > flow.top) newPage(flow);
}

/** Draws text in a column, going on over the next pages as needed; returns nothing, moves y. */
function flowText(flow: Flow, content: string, x: number, width: number, style: TextStyle): void {
  let rest = content;
  while (true) {
    const [head, tail] = splitToFit(flow.text, rest, width, style, flow.bottom - flow.y);
    if (head === '' && flow.y > flow.top) {
      newPage(flow);
      continue;
    }
    flow.y += flow.text.draw(head === '' ? rest : head, x, flow.y, width, style);
    rest = head === '' ? '' : tail;
    if (rest === '') return;
    newPage(flow);
  }
}

function heading(flow: Flow, title: string): void {
  flow.y += 8;
  ensure(flow, flow.text.lineHeight(HEADING) + 3 * flow.text.lineHeight(BODY));
  flow.y += flow.text.draw(title, MARGIN, flow.y, flow.width, HEADING);
  flow.doc
    .moveTo(MARGIN, flow.y + 1)
    .lineTo(MARGIN + flow.width, flow.y + 1)
    .lineWidth(0.6)
    .strokeColor('black')
    .stroke();
  flow.y += 5;
}

function pairs(flow: Flow, list: Pair[]): void {
  const valueWidth = flow.width - LABEL_WIDTH - GAP;
  const labelX = rtl(flow) ? MARGIN + flow.width - LABEL_WIDTH : MARGIN;
  const valueX = rtl(flow) ? MARGIN : MARGIN + LABEL_WIDTH + GAP;
  for (const pair of list) {
    const labelHeight = flow.text.height(pair.label, LABEL_WIDTH, BOLD);
    ensure(flow, Math.max(labelHeight, flow.text.lineHeight(BODY)));
    const y = flow.y;
    const page = flow.pages;
    flow.text.draw(pair.label, labelX, y, LABEL_WIDTH, BOLD);
    flowText(flow, pair.value, valueX, valueWidth, BODY);
    if (flow.pages === page) flow.y = Math.max(flow.y, y + labelHeight);
    flow.y += 2;
  }
}

function entries(flow: Flow, list: Entry[], none: string): void {
  if (list.length === 0) {
    flow.y += flow.text.draw(none, MARGIN, flow.y, flow.width, BODY);
    return;
  }
  for (const entry of list) {
    ensure(flow, flow.text.height(entry.heading, flow.width, BOLD) + flow.text.lineHeight(BODY));
    flow.y += flow.text.draw(entry.heading, MARGIN, flow.y, flow.width, BOLD);
    for (const line of entry.lines) flowText(flow, line, MARGIN, flow.width, BODY);
    for (const line of entry.small ?? []) flowText(flow, line, MARGIN, flow.width, SMALL);
    flow.y += 5;
  }
}

/** The history as a table: date, what happened, by whom, the note; columns mirrored in Arabic. */
function historyTable(flow: Flow, lines: HistoryLine[]): void {
  const words = flow.summary.words.historyColumns;
  const widths = [...HISTORY_WIDTHS, flow.width - HISTORY_WIDTHS.reduce((a, b) => a + b, 0)];
  const lefts: number[] = [];
  let x = 0;
  for (const w of widths) {
    lefts.push(rtl(flow) ? MARGIN + flow.width - x - w : MARGIN + x);
    x += w;
  }
  const row = (cells: string[], style: TextStyle) => {
    const height = Math.max(...cells.map((cell, i) => flow.text.height(cell, (widths[i] ?? 0) - 4, style))) + 4;
    ensure(flow, height);
    cells.forEach((cell, i) => flow.text.draw(cell, (lefts[i] ?? MARGIN) + 2, flow.y + 2, (widths[i] ?? 0) - 4, style));
    flow.y += height;
    flow.doc
      .moveTo(MARGIN, flow.y)
      .lineTo(MARGIN + flow.width, flow.y)
      .lineWidth(0.3)
      .strokeColor('#808080')
      .stroke();
  };
  row([words.date, words.what, words.who, words.note], BOLD);
  for (const line of lines) row([line.date, line.what, line.who, line.note], BODY);
}

export async function caseSummaryPdf(summary: CaseSummary): Promise<Buffer> {
  // Loaded on first use, as the reports do: pdfkit stays outside the bundle.
  const { default: PDFDocument } = await import('pdfkit');
  const { labels, words } = summary;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: labels.locale,
    displayTitle: true,
    info: { Title: summary.title, Author: summary.officeName || 'MLA Desk', Creator: 'MLA Desk' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerReportFonts(doc);
  const text = pdfText(doc, labels.direction);
  const width = doc.page.width - 2 * MARGIN;
  const flow: Flow = { doc, text, summary, y: MARGIN, top: MARGIN, bottom: doc.page.height - BOTTOM, width, pages: 1 };
  doc.fillColor('black');
  if (summary.officeName) flow.y += text.draw(summary.officeName, MARGIN, flow.y, width, { size: 12, bold: true });
  flow.y += text.draw(summary.title, MARGIN, flow.y, width, { size: 14, bold: true });
  flow.y += text.draw(summary.subtitle, MARGIN, flow.y, width, { size: 10 });
  flow.y += text.draw(labels.fill(words.produced, { date: labels.date(summary.today) }), MARGIN, flow.y, width, {
    size: 8.5,
  });

  heading(flow, words.section.request);
  pairs(flow, summary.request);
  if (summary.clocks.length > 0) {
    heading(flow, words.section.clocks);
    pairs(flow, summary.clocks);
  }
  if (summary.drafting.length > 0) {
    heading(flow, words.section.drafting);
    pairs(flow, summary.drafting);
  }
  heading(flow, words.section.summary);
  flowText(flow, summary.summary ?? words.none, MARGIN, width, BODY);
  heading(flow, words.section.parties);
  entries(flow, summary.parties, words.none);
  if (summary.identifiers.length > 0) {
    heading(flow, words.section.identifiers);
    entries(flow, summary.identifiers, words.none);
  }
  heading(flow, words.section.documents);
  entries(flow, summary.documents, words.none);
  heading(flow, words.section.correspondence);
  entries(flow, summary.correspondence, words.none);
  heading(flow, words.section.history);
  historyTable(flow, summary.history);

  drawPageFooters(doc, text, labels, summary.today, MARGIN);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
