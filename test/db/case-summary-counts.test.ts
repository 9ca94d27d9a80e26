import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../contract/documents.ts';
import type { Language } from '../../i18n/languages.ts';
import { sampleRequest } from '../../db/letters/sample.ts';
import { caseSummary } from '../../db/reports/case-summary-model.ts';
import { labelsFor } from '../../db/reports/labels.ts';

/** Issue 8 follow-up: a document's size in the case summary takes the plural form its number asks for. */

const document = (id: number, size: number): DocumentRecord => ({
  id,
  requestId: 1,
  sha256: 'a'.repeat(64),
  size,
  originalName: `file-${size}.pdf`,
  mediaType: 'application/pdf',
  type: 'request',
  direction: 'outgoing',
  documentDate: '2026-03-10',
  note: null,
  addedAt: '2026-03-10T09:30:00.000Z',
  addedBy: 'Amina Clerk',
});

/** The size part of each document's first line, by its size. */
function sizes(language: Language, bytes: number[]): string[] {
  const summary = caseSummary(
    {
      request: sampleRequest('outgoing', 'mla'),
      clocks: [],
      documents: bytes.map((size, i) => document(i + 1, size)),
      correspondence: [],
      officeName: 'Central Authority of Examplestan',
      today: '2026-03-10',
      nameOf: (username) => username,
    },
    labelsFor(language),
  );
  return summary.documents.map((d) => d.lines[0]?.split(' · ').at(-1) ?? '');
}

describe('the size of a document in the case summary', () => {
  it('is "1 byte" or "N bytes" in English', () => {
    expect(sizes('en', [1, 2, 2048])).toEqual(['1 byte', '2 bytes', '2,048 bytes']);
  });

  it('takes the Russian forms for 1, 2, 5 and 21, grouped the Russian way', () => {
    expect(sizes('ru', [1, 2, 5, 21, 2048])).toEqual(['1 байт', '2 байта', '5 байт', '21 байт', '2\u00a0048 байт']);
  });

  it('takes the Arabic dual', () => {
    expect(sizes('ar', [2, 3, 11])).toEqual(['بايتان', '3 بايتات', '11 بايتاً']);
  });
});
