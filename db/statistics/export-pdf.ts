import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { CLOSED_STATUSES, ICCS_SECTIONS } from '../../contract/codes.ts';
import type { GroupFigures, YearFigures } from '../../contract/statistics.ts';
import { registerReportFonts } from '../reports/fonts.ts';
import type { Labels } from '../reports/labels.ts';
import { drawPageFooters } from '../reports/pdf-footer.ts';
import { type Align, type PdfText, pdfText } from '../reports/pdf-text.ts';
import type { ExportContext } from './export.ts';
import { definitionsLine, exportTitle, groupTitle, headline } from './layout.ts';
import { barChart, topWithOther } from './pdf-charts.ts';

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const SIZE = 8;
const PAD = 3;
const NUMBER_WIDTH = 47;
const MAX_NUMBER_WIDTH = 68;

/** The headline table on the first page: one row per group. */
function headlineColumns(labels: Labels): { header: string; value: (g: GroupFigures) => number | null }[] {
  const c = labels.statistics.document.columns;
  return [
    { header: c.opened, value: (g) => g.opened },
    { header: c.closed, value: (g) => g.closed },
    { header: c.reopened, value: (g) => g.reopened },
    { header: c.pendingStartShort, value: (g) => g.pendingStart },
    { header: c.pendingEndShort, value: (g) => g.pendingEnd },
    { header: c.meanDays, value: (g) => g.daysToClose.mean },
    { header: c.medianDaysShort, value: (g) => g.daysToClose.median },
    { header: c.p90Days, value: (g) => g.daysToClose.p90 },
  ];
}

const show = (labels: Labels, n: number | null) => (n === null ? '—' : labels.number(n));

/**
 * A table with its first column of names at the start of the line and numbers after it;
 * mirrored in Arabic. A header or a name too long for its column takes more lines.
 */
function table(doc: Doc, text: PdfText, y: number, headers: string[], rows: string[][], widths: number[]): number {
  const width = widths.reduce((a, b) => a + b, 0);
  // A narrow table starts where the lines start: at the right edge in Arabic.
  const left = text.direction === 'rtl' ? doc.page.width - MARGIN - width : MARGIN;
  const lefts: number[] = [];
  widths.reduce((x, w) => {
    lefts.push(text.direction === 'rtl' ? left + width - x - w : left + x);
    return x + w;
  }, 0);
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(...cells.map((t, i) => text.height(t, (widths[i] ?? 40) - 2 * PAD, { size: SIZE, bold }))) + 2 * PAD;
  const line = (cells: string[], top: number, bold: boolean) => {
    doc.fillColor('black');
    cells.forEach((t, i) => {
      const align: Align = i === 0 ? 'start' : 'end';
      text.draw(t, (lefts[i] ?? left) + PAD, top + PAD, (widths[i] ?? 40) - 2 * PAD, { size: SIZE, bold, align });
    });
  };
  const rule = (at: number, header: boolean) =>
    doc
      .moveTo(left, at)
      .lineTo(left + width, at)
      .lineWidth(header ? 1 : 0.4)
      .strokeColor(header ? 'black' : '#808080')
      .stroke();
  const headerHeight = heightOf(headers, true);
  doc.rect(left, y, width, headerHeight).fill('#d9d9d9');
  line(headers, y, true);
  y += headerHeight;
  rule(y, true);
  for (const cells of rows) {
    const height = heightOf(cells, false);
    line(cells, y, false);
    y += height;
    rule(y, false);
  }
  return y + 10;
}

function firstPage(doc: Doc, text: PdfText, figures: YearFigures, context: ExportContext): void {
  const { labels } = context;
  const width = doc.page.width - 2 * MARGIN;
  let y = MARGIN;
  doc.fillColor('black');
  if (context.officeName) y += text.draw(context.officeName, MARGIN, y, width, { size: 13, bold: true }) + 2;
  y += text.draw(exportTitle(labels, figures.year), MARGIN, y, width, { size: 16, bold: true }) + 4;
  y += text.draw(definitionsLine(labels, context.today), MARGIN, y, width, { size: 9 }) + 14;
  if (figures.groups.length === 0) {
    text.draw(labels.statistics.document.empty, MARGIN, y, width, { size: 10 });
    return;
  }
  const columns = headlineColumns(labels);
  // A number column is as wide as the longest word of its header, so no word is cut.
  const header = { size: SIZE, bold: true };
  const numberWidths = columns.map((c) => {
    const longest = Math.max(...c.header.split(/\s+/).map((word) => text.width(word, header)));
    return Math.min(MAX_NUMBER_WIDTH, Math.max(NUMBER_WIDTH, Math.ceil(longest) + 2 * PAD + 1));
  });
  table(
    doc,
    text,
    y,
    [labels.statistics.document.group, ...columns.map((c) => c.header)],
    figures.groups.map((g) => [
      groupTitle(labels, g.direction, g.kind),
      ...columns.map((c) => show(labels, c.value(g))),
    ]),
    [width - numberWidths.reduce((a, b) => a + b, 0), ...numberWidths],
  );
}

function groupPage(doc: Doc, text: PdfText, g: GroupFigures, year: number, labels: Labels): void {
  doc.addPage();
  const d = labels.statistics.document;
  const width = doc.page.width - 2 * MARGIN;
  doc.fillColor('black');
  let y = MARGIN + text.draw(exportTitle(labels, year), MARGIN, MARGIN, width, { size: 8 });
  y += text.draw(groupTitle(labels, g.direction, g.kind), MARGIN, y + 2, width, { size: 13, bold: true }) + 2;
  y = table(
    doc,
    text,
    y + 8,
    [d.figure, d.value],
    headline(labels, g).map(([label, value]) => [label, show(labels, value)]),
    [220, 60],
  );
  const collator = new Intl.Collator(labels.locale);
  const countries = Object.entries(g.byCountry)
    .map(([code, c]) => ({ label: `${labels.country(code)} (${code})`, value: c.opened }))
    .filter((b) => b.value > 0)
    .sort((a, b) => b.value - a.value || collator.compare(a.label, b.label));
  const box = (top: number) => ({ x: MARGIN, y: top, width });
  const other = (count: number) => labels.fill(labels.statistics.country.other, { count });
  y = barChart(doc, text, labels, box(y), d.breakdowns.byCountry, topWithOther(countries, 15, other));
  const outcomes = CLOSED_STATUSES.map((s) => ({ label: labels.codes.status[s], value: g.closedByOutcome[s] ?? 0 }));
  y = barChart(doc, text, labels, box(y), d.breakdowns.closedByOutcome, g.closed > 0 ? outcomes : []);
  const sections = ICCS_SECTIONS.map((s) => ({ label: `${s} ${labels.codes.iccs[s]}`, value: g.byOffence[s] ?? 0 }));
  barChart(doc, text, labels, box(y), d.breakdowns.byOffence, g.opened > 0 ? sections : []);
}

/**
 * The year's figures as an A4 PDF in the export's language: the office, title, date and
 * definitions with the headline table of every group on the first page, then a page per
 * group with its figures and bar charts (countries, outcomes, offences), page numbers at the
 * foot; mirrored in Arabic.
 */
export async function writeStatisticsPdf(file: string, figures: YearFigures, context: ExportContext): Promise<void> {
  const { default: PDFDocument } = await import('pdfkit');
  const { labels } = context;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: labels.locale,
    displayTitle: true,
    info: { Title: exportTitle(labels, figures.year), Author: context.officeName || 'MLA Desk', Creator: 'MLA Desk' },
  });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  registerReportFonts(doc);
  const text = pdfText(doc, labels.direction);
  firstPage(doc, text, figures, context);
  for (const g of figures.groups) groupPage(doc, text, g, figures.year, labels);
  drawPageFooters(doc, text, labels, context.today, MARGIN);
  doc.end();
  await finished(out);
}
