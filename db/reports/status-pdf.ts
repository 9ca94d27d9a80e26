import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { registerReportFonts } from './fonts.ts';
import { drawPageFooters } from './pdf-footer.ts';
import { type PdfText, pdfText } from './pdf-text.ts';
import type { StatusLine, StatusReport } from './status-model.ts';

type Doc = PDFKit.PDFDocument;
interface Segment {
  text: string;
  bold?: boolean;
}

const MARGIN = 36;
const PAD_X = 4;
const PAD_Y = 3;
const SIZE = 8;
const LINE_GAP = 0;
const FOOTER = 20;

type ColumnKey = 'reference' | 'request' | 'openedOn' | 'status' | 'lastEvent' | 'awaited' | 'deadline';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'reference', width: 96 },
  { key: 'request', width: 160 },
  { key: 'openedOn', width: 70 },
  { key: 'status', width: 98 },
  { key: 'lastEvent', width: 160 },
  { key: 'awaited', width: 114 },
  { key: 'deadline', width: 72 },
];
const TABLE_WIDTH = COLUMNS.reduce((w, c) => w + c.width, 0);

/**
 * Where each column starts: left to right, or (Arabic) right to left, the reference
 * column at the right edge, as a reader of the language opens a table.
 */
function columnLefts(direction: 'ltr' | 'rtl'): number[] {
  let x = 0;
  return COLUMNS.map((c) => {
    const left = direction === 'ltr' ? MARGIN + x : MARGIN + TABLE_WIDTH - x - c.width;
    x += c.width;
    return left;
  });
}

/** What each column of a row says; the reference in bold, everything else as plain lines. */
function cells(line: StatusLine, report: StatusReport): Segment[][] {
  const { labels } = report;
  const d = labels.reports.document;
  const other =
    report.by === 'domesticAuthority'
      ? line.assignedTo && labels.fill(d.officer, { name: line.assignedTo })
      : line.domesticAuthority && labels.fill(d.authority, { name: line.domesticAuthority });
  const request = [
    `${line.direction} · ${line.kind}`,
    line.counterpartReference
      ? labels.fill(d.theirReference, { country: line.country, reference: line.counterpartReference })
      : line.country,
    line.domesticReference && labels.fill(d.domesticReference, { reference: line.domesticReference }),
    other,
  ];
  // A date is never broken across lines ("1 февр. 2026 г." stays whole).
  const day = (iso: string | null) => (iso === null ? '—' : labels.shortDate(iso).replace(/ /g, '\u00A0'));
  return [
    [{ text: line.reference, bold: true }, ...(line.urgent ? [{ text: d.urgent, bold: true }] : [])],
    request.filter((t): t is string => Boolean(t)).map((text) => ({ text })),
    [{ text: day(line.openedOn) }],
    [{ text: line.status, bold: true }, { text: labels.fill(d.since, { date: day(line.statusSince) }) }],
    [{ text: day(line.lastEventOn) }, { text: line.lastEvent }],
    [{ text: line.awaited }],
    [{ text: day(line.deadline) }],
  ];
}

const cellStyle = (s: Segment) => ({ size: SIZE, bold: s.bold ?? false, lineGap: LINE_GAP });

function measure(text: PdfText, segments: Segment[], width: number): number {
  return segments.reduce((h, s) => h + text.height(s.text, width - 2 * PAD_X, cellStyle(s)), 0);
}

interface RowStyle {
  shade: string | null;
  /** The header row ends with a black rule, the others with a grey one. */
  header: boolean;
}

function drawRow(doc: Doc, text: PdfText, y: number, row: Segment[][], height: number, style: RowStyle): void {
  if (style.shade) doc.rect(MARGIN, y, TABLE_WIDTH, height).fill(style.shade);
  doc.fillColor('black');
  const lefts = columnLefts(text.direction);
  row.forEach((segments, i) => {
    const w = COLUMNS[i]?.width ?? 0;
    let cy = y + PAD_Y;
    for (const s of segments) cy += text.draw(s.text, (lefts[i] ?? MARGIN) + PAD_X, cy, w - 2 * PAD_X, cellStyle(s));
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + TABLE_WIDTH, y + height)
    .lineWidth(style.header ? 1 : 0.4)
    .strokeColor(style.header ? 'black' : '#808080')
    .stroke();
}

/** The table's header row, repeated at the top of every page; returns where the rows start. */
function drawTableHeader(doc: Doc, text: PdfText, report: StatusReport, y: number): number {
  const names = report.labels.reports.document.columns;
  const header = COLUMNS.map((c) => [{ text: names[c.key], bold: true }]);
  const height = Math.max(...header.map((h, i) => measure(text, h, COLUMNS[i]?.width ?? 0))) + 2 * PAD_Y;
  drawRow(doc, text, y, header, height, { shade: '#d9d9d9', header: true });
  return y + height;
}

function drawTitle(doc: Doc, text: PdfText, report: StatusReport, first: boolean): number {
  let y = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  doc.fillColor('black');
  if (first) {
    if (report.officeName) y += text.draw(report.officeName, MARGIN, y, width, { size: 13, bold: true }) + 2;
    y += text.draw(report.title, MARGIN, y, width, { size: 12, bold: true }) + 2;
    return y + text.draw(report.subtitle, MARGIN, y, width, { size: 9 }) + 10;
  }
  const running = [report.officeName, report.title].filter(Boolean).join(' · ');
  return y + text.draw(running, MARGIN, y, width, { size: 8 }) + 6;
}

/**
 * The status report as an A4 landscape PDF in the report's language: the office and title
 * on the first page, the table's header repeated on each page, page numbers, black on white
 * with grey rules only; in Arabic the whole page reads from the right.
 */
export async function writeStatusPdf(file: string, report: StatusReport): Promise<void> {
  // Loaded on first use: pdfkit stays outside the bundle (it reads its font files at run time).
  const { default: PDFDocument } = await import('pdfkit');
  const { labels } = report;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    lang: labels.locale,
    displayTitle: true,
    info: { Title: report.title, Author: report.officeName || 'MLA Desk', Creator: 'MLA Desk' },
  });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  registerReportFonts(doc);
  const text = pdfText(doc, labels.direction);

  const bottomLimit = doc.page.height - MARGIN - FOOTER;
  let y = drawTableHeader(doc, text, report, drawTitle(doc, text, report, true));
  if (report.lines.length === 0) {
    text.draw(labels.reports.document.empty, MARGIN, y + 10, TABLE_WIDTH, { size: 10 });
  }
  report.lines.forEach((line, index) => {
    const row = cells(line, report);
    const height = Math.max(...row.map((segments, i) => measure(text, segments, COLUMNS[i]?.width ?? 0))) + 2 * PAD_Y;
    if (y + height > bottomLimit) {
      doc.addPage();
      y = drawTableHeader(doc, text, report, drawTitle(doc, text, report, false));
    }
    drawRow(doc, text, y, row, height, { shade: index % 2 === 1 ? '#f0f0f0' : null, header: false });
    y += height;
  });
  drawPageFooters(doc, text, labels, report.today, MARGIN);
  doc.end();
  await finished(out);
}
