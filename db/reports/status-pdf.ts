import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { drawPageFooters } from './pdf-footer.ts';
import { fill, labels } from './labels.ts';
import { type ReportFonts, findReportFonts } from './fonts.ts';
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
const LINE_GAP = 1;
const FOOTER = 20;

const COLUMNS: { key: keyof typeof labels.reports.document.columns; width: number }[] = [
  { key: 'reference', width: 96 },
  { key: 'request', width: 170 },
  { key: 'openedOn', width: 58 },
  { key: 'status', width: 100 },
  { key: 'lastEvent', width: 170 },
  { key: 'awaited', width: 115 },
  { key: 'deadline', width: 60 },
];

/** What each column of a row says; the reference in bold, everything else as plain lines. */
function cells(line: StatusLine, report: StatusReport): Segment[][] {
  const d = labels.reports.document;
  const other =
    report.by === 'domesticAuthority'
      ? line.assignedTo && fill(d.officer, { name: line.assignedTo })
      : line.domesticAuthority && fill(d.authority, { name: line.domesticAuthority });
  const request = [
    `${line.direction} · ${line.kind}`,
    line.counterpartReference
      ? fill(d.theirReference, { country: line.country, reference: line.counterpartReference })
      : line.country,
    line.domesticReference && fill(d.domesticReference, { reference: line.domesticReference }),
    other,
  ];
  return [
    [{ text: line.reference, bold: true }, ...(line.urgent ? [{ text: d.urgent, bold: true }] : [])],
    request.filter((t): t is string => Boolean(t)).map((text) => ({ text })),
    [{ text: line.openedOn ?? '—' }],
    [{ text: line.status, bold: true }, { text: fill(d.since, { date: line.statusSince }) }],
    [{ text: line.lastEventOn }, { text: line.lastEvent }],
    [{ text: line.awaited }],
    [{ text: line.deadline ?? '—' }],
  ];
}

function measure(doc: Doc, segments: Segment[], width: number): number {
  return segments.reduce((h, s) => {
    doc.font(s.bold ? 'bold' : 'body').fontSize(SIZE);
    return h + doc.heightOfString(s.text, { width: width - 2 * PAD_X, lineGap: LINE_GAP });
  }, 0);
}

interface RowStyle {
  shade: string | null;
  /** The header row ends with a black rule, the others with a grey one. */
  header: boolean;
}

function drawRow(doc: Doc, y: number, row: Segment[][], height: number, style: RowStyle): void {
  let x = MARGIN;
  const width = COLUMNS.reduce((w, c) => w + c.width, 0);
  if (style.shade) doc.rect(MARGIN, y, width, height).fill(style.shade);
  doc.fillColor('black');
  row.forEach((segments, i) => {
    const w = COLUMNS[i]?.width ?? 0;
    let cy = y + PAD_Y;
    for (const s of segments) {
      doc.font(s.bold ? 'bold' : 'body').fontSize(SIZE);
      doc.text(s.text, x + PAD_X, cy, { width: w - 2 * PAD_X, lineGap: LINE_GAP });
      cy += doc.heightOfString(s.text, { width: w - 2 * PAD_X, lineGap: LINE_GAP });
    }
    x += w;
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + width, y + height)
    .lineWidth(style.header ? 1 : 0.4)
    .strokeColor(style.header ? 'black' : '#808080')
    .stroke();
}

/** The table's header row, repeated at the top of every page; returns where the rows start. */
function drawTableHeader(doc: Doc, y: number): number {
  const header = COLUMNS.map((c) => [{ text: labels.reports.document.columns[c.key], bold: true }]);
  const height = Math.max(...header.map((h, i) => measure(doc, h, COLUMNS[i]?.width ?? 0))) + 2 * PAD_Y;
  drawRow(doc, y, header, height, { shade: '#d9d9d9', header: true });
  return y + height;
}

function drawTitle(doc: Doc, report: StatusReport, first: boolean): number {
  let y = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  doc.fillColor('black');
  if (first) {
    if (report.officeName) {
      doc.font('bold').fontSize(13).text(report.officeName, MARGIN, y, { width });
      y = doc.y + 2;
    }
    doc.font('bold').fontSize(12).text(report.title, MARGIN, y, { width });
    doc
      .font('body')
      .fontSize(9)
      .text(report.subtitle, MARGIN, doc.y + 2, { width });
    return doc.y + 10;
  }
  const running = [report.officeName, report.title].filter(Boolean).join(' · ');
  doc.font('body').fontSize(8).text(running, MARGIN, y, { width });
  return doc.y + 6;
}

/**
 * The status report as an A4 landscape PDF: the office and title on the first page, the
 * table's header repeated on each page, page numbers, black on white with grey rules only.
 */
export async function writeStatusPdf(
  file: string,
  report: StatusReport,
  fonts: ReportFonts = findReportFonts(),
): Promise<void> {
  // Loaded on first use: pdfkit stays outside the bundle (it reads its font files at run time).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: report.title, Author: report.officeName || 'MLA Desk', Creator: 'MLA Desk' },
  });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const bottomLimit = doc.page.height - MARGIN - FOOTER;
  let y = drawTableHeader(doc, drawTitle(doc, report, true));
  if (report.lines.length === 0) {
    doc
      .font('body')
      .fontSize(10)
      .text(labels.reports.document.empty, MARGIN, y + 10);
  }
  report.lines.forEach((line, index) => {
    const row = cells(line, report);
    const height = Math.max(...row.map((segments, i) => measure(doc, segments, COLUMNS[i]?.width ?? 0))) + 2 * PAD_Y;
    if (y + height > bottomLimit) {
      doc.addPage();
      y = drawTableHeader(doc, drawTitle(doc, report, false));
    }
    drawRow(doc, y, row, height, { shade: index % 2 === 1 ? '#f0f0f0' : null, header: false });
    y += height;
  });
  drawPageFooters(doc, report.today, MARGIN);
  doc.end();
  await finished(out);
}
