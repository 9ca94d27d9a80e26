import { z } from 'zod';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../i18n/languages.ts';
import { fileTargetSchema } from './files.ts';
import { savedQuerySchema } from './views.ts';
import { zodMessage } from './messages.ts';

/** The language a file people read is written in (its labels, dates, numbers, country names). */
export const exportLanguageSchema = z
  // zod's own "must be one of …" (contract/zod-messages.ts) lists the six.
  .enum(LANGUAGES)
  .default(DEFAULT_LANGUAGE);

/** The register's columns, as the list shows them and its export writes them. */
export const REGISTER_COLUMNS = [
  'reference',
  'direction',
  'kind',
  'status',
  'counterpartCountry',
  'counterpartAuthority',
  'counterpartReference',
  'domesticReference',
  'urgency',
  'openedOn',
  'closedOn',
  'counterpartDeadline',
  'assignedTo',
  'updatedAt',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** The register as filtered on screen, every matching row (not just the page), as a file. */
export const listExportSchema = z.strictObject({
  query: savedQuerySchema,
  columns: z.array(z.enum(REGISTER_COLUMNS)).min(1, zodMessage('field.atLeastOneColumn')).max(REGISTER_COLUMNS.length),
  format: z.enum(['csv', 'xlsx']),
  language: exportLanguageSchema,
  target: fileTargetSchema,
});
export type ListExportInput = z.input<typeof listExportSchema>;
export type ValidListExport = z.output<typeof listExportSchema>;

/** Whose requests a status report covers: one domestic authority's, or one officer's. */
export const STATUS_REPORT_BY = ['domesticAuthority', 'assignedTo'] as const;
export type StatusReportBy = (typeof STATUS_REPORT_BY)[number];

export const statusReportSchema = z.strictObject({
  by: z.enum(STATUS_REPORT_BY),
  value: z.string(zodMessage('field.required')).trim().min(1, zodMessage('field.required')).max(300),
  /** Closed requests too (by default only those still open). */
  includeClosed: z.boolean().default(false),
  format: z.enum(['pdf', 'xlsx']),
  language: exportLanguageSchema,
  target: fileTargetSchema,
});
export type StatusReportInput = z.input<typeof statusReportSchema>;
export type ValidStatusReport = z.output<typeof statusReportSchema>;

/** A value made safe for a file name ("Parquet de Paris" → "Parquet-de-Paris"). */
export function fileSlug(value: string): string {
  const slug = value
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'report' : slug;
}
