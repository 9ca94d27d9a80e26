import { fill, labels, longDate } from './labels.ts';

/** Where the footer line sits, from the bottom edge of the page (inside the bottom margin). */
const FOOTER_FROM_BOTTOM = 28;

/**
 * The foot of every page of a report: the app and the day it was produced on the left, the
 * page number on the right. Needs a document created with `bufferPages: true`.
 */
export function drawPageFooters(doc: PDFKit.PDFDocument, today: string, margin: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - FOOTER_FROM_BOTTOM;
    const width = doc.page.width - 2 * margin;
    doc.font('body').fontSize(8).fillColor('black');
    doc.text(`MLA Desk · ${longDate(today)}`, margin, y, { width, lineBreak: false });
    const page = fill(labels.reports.document.page, { page: i + 1 - range.start, pages: range.count });
    doc.text(page, margin, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
