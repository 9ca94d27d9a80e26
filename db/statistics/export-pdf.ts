import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { drawPageFooters } from '../reports/pdf-footer.ts';
import { CLOSED_STATUSES, ICCS_SECTIONS } from '../../contract/codes.ts';
import type { GroupFigures, YearFigures } from '../../contract/statistics.ts';
import { type ReportFonts, findReportFonts } from '../reports/fonts.ts';
import { labels } from '../reports/labels.ts';
import type { ExportContext } from './export.ts';
import { countryLabel, definitionsLine, exportTitle, groupTitle, headline } from './layout.ts';
import { barChart, topWithOther } from './pdf-charts.ts';

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const SIZE = 8;
const ROW = 14;

/** The headline table on the first page: one row per group. */
const HEADLINE_COLUMNS: { header: string; value: (g: GroupFigures) => number | null }[] = [
  { header: 'Opened', value: (g) => g.opened },
  { header: 'Closed', value: (g) => g.closed },
  { header: 'Reopened', value: (g) => g.reopened },
  { header: 'Pending 1 Jan', value: (g) => g.pendingStart },
  { header: 'Pending 31 Dec', value: (g) => g.pendingEnd },
  { header: 'Mean days', value: (g) => g.daysToClose.mean },
  { header: 'Median days', value: (g) => g.daysToClose.median },
  { header: 'P90 days', value: (g) => g.daysToClose.p90 },
];

const show = (n: number | null) => (n === null ? '—' : String(n));

function table(doc: Doc, y: number, headers: string[], rows: string[][], widths: number[]): number {
  // Headers may take two lines ("Pending 31 Dec"); cells are kept to one.
  const headerHeight = headers.some((h, i) => doc.font('bold').fontSize(SIZE).widthOfString(h) > (widths[i] ?? 40) - 6)
    ? 2 * ROW - 3
    : ROW;
  const line = (cells: string[], top: number, bold: boolean) => {
    let x = MARGIN;
    cells.forEach((text, i) => {
      const w = widths[i] ?? 40;
      doc
        .font(bold ? 'bold' : 'body')
        .fontSize(SIZE)
        .fillColor('black')
        .text(text, x + 3, top + 3, { width: w - 6, align: i === 0 ? 'left' : 'right', lineBreak: bold });
      x += w;
    });
  };
  const width = widths.reduce((a, b) => a + b, 0);
  doc.rect(MARGIN, y, width, headerHeight).fill('#d9d9d9');
  line(headers, y, true);
  y += headerHeight;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width, y)
    .lineWidth(1)
    .strokeColor('black')
    .stroke();
  rows.forEach((cells) => {
    line(cells, y, false);
    y += ROW;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.4)
      .strokeColor('#808080')
      .stroke();
  });
  return y + 10;
}

function firstPage(doc: Doc, figures: YearFigures, context: ExportContext): void {
  const width = doc.page.width - 2 * MARGIN;
  let y = MARGIN;
  if (context.officeName) {
    doc.font('bold').fontSize(13).text(context.officeName, MARGIN, y, { width });
    y = doc.y + 2;
  }
  doc.font('bold').fontSize(16).text(exportTitle(figures.year), MARGIN, y, { width });
  doc
    .font('body')
    .fontSize(9)
    .text(definitionsLine(context.today), MARGIN, doc.y + 4, { width });
  y = doc.y + 14;
  if (figures.groups.length === 0) {
    doc.font('body').fontSize(10).text('Nothing was opened, closed or pending in this year.', MARGIN, y, { width });
    return;
  }
  const groupWidth = width - HEADLINE_COLUMNS.length * 47;
  table(
    doc,
    y,
    ['Group', ...HEADLINE_COLUMNS.map((c) => c.header)],
    figures.groups.map((g) => [groupTitle(g.direction, g.kind), ...HEADLINE_COLUMNS.map((c) => show(c.value(g)))]),
    [groupWidth, ...HEADLINE_COLUMNS.map(() => 47)],
  );
}

function groupPage(doc: Doc, g: GroupFigures, year: number): void {
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  doc.font('body').fontSize(8).fillColor('black').text(exportTitle(year), MARGIN, MARGIN, { width });
  doc
    .font('bold')
    .fontSize(13)
    .text(groupTitle(g.direction, g.kind), MARGIN, doc.y + 2, { width });
  let y = table(
    doc,
    doc.y + 8,
    ['Figure', 'Value'],
    headline(g).map(([label, value]) => [label, show(value)]),
    [220, 60],
  );
  const countries = Object.entries(g.byCountry)
    .map(([code, c]) => ({ label: `${countryLabel(code)} (${code})`, value: c.opened }))
    .filter((b) => b.value > 0)
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  y = barChart(doc, MARGIN, y, width, 'Opened, by counterpart country (top 15)', topWithOther(countries, 15));
  const outcomes = CLOSED_STATUSES.map((s) => ({ label: labels.codes.status[s], value: g.closedByOutcome[s] ?? 0 }));
  y = barChart(doc, MARGIN, y, width, 'Closed, by outcome', g.closed > 0 ? outcomes : []);
  const sections = ICCS_SECTIONS.map((s) => ({ label: `${s} ${labels.codes.iccs[s]}`, value: g.byOffence[s] ?? 0 }));
  barChart(doc, MARGIN, y, width, 'Opened, by offence (ICCS section)', g.opened > 0 ? sections : []);
}

/**
 * The year's figures as an A4 PDF: the office, title, date and definitions with the
 * headline table of every group on the first page, then a page per group with its figures
 * and bar charts (countries, outcomes, offences), page numbers at the foot.
 */
export async function writeStatisticsPdf(
  file: string,
  figures: YearFigures,
  context: ExportContext,
  fonts: ReportFonts = findReportFonts(),
): Promise<void> {
  const { default: PDFDocument } = await import('pdfkit');
  const title = exportTitle(figures.year);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: context.officeName || 'MLA Desk', Creator: 'MLA Desk' },
  });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  firstPage(doc, figures, context);
  for (const g of figures.groups) groupPage(doc, g, figures.year);
  drawPageFooters(doc, context.today, MARGIN);
  doc.end();
  await finished(out);
}
