import type { Labels } from './labels.ts';
import type { PdfText } from './pdf-text.ts';

/** Where the footer line sits, from the bottom edge of the page (inside the bottom margin). */
const FOOTER_FROM_BOTTOM = 28;

/**
 * The foot of every page of a report: the app and the day it was produced at the start of
 * the line (the left, or the right in Arabic), the page number at its end. Needs a document
 * created with `bufferPages: true`.
 */
export function drawPageFooters(
  doc: PDFKit.PDFDocument,
  text: PdfText,
  labels: Labels,
  today: string,
  margin: number,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const y = doc.page.height - FOOTER_FROM_BOTTOM;
    const width = doc.page.width - 2 * margin;
    doc.fillColor('black');
    text.draw(labels.fill('MLA Desk · {{date}}', { date: labels.date(today) }), margin, y, width, { size: 8 });
    const page = labels.fill(labels.reports.document.page, { page: i + 1 - range.start, pages: range.count });
    text.draw(page, margin, y, width, { size: 8, align: 'end' });
  }
}
