import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LETTER_CODES } from '../../contract/letters.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { oneOf } from './checks.ts';
import { correspondence, documents } from './documents.ts';
import { requests } from './requests.ts';

/**
 * The office's own text of a letter template in one language (Settings → Letters). A template
 * without a row here is the default shipped with the app (db/letters/defaults/), so a newer
 * version's better default reaches every template the office never changed.
 */
export const letterTemplates = sqliteTable(
  'letter_templates',
  {
    code: text('code', { enum: LETTER_CODES }).notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    body: text('body').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.language] }),
    check('letter_template_code', oneOf('code', LETTER_CODES)),
    check('letter_template_language', oneOf('language', LANGUAGES)),
  ],
);

/**
 * One row: the letterhead's lines besides the office name (the `officeName` setting) and its
 * logo, kept as bytes in the register so a backup carries it.
 */
export const letterhead = sqliteTable(
  'letterhead',
  {
    id: integer('id').primaryKey(),
    /** JSON array of the address lines. */
    addressLines: text('address_lines').notNull().default('[]'),
    phone: text('phone'),
    email: text('email'),
    logo: blob('logo', { mode: 'buffer' }),
    logoName: text('logo_name'),
    logoMediaType: text('logo_media_type'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    check('letterhead_single_row', sql`${t.id} = 1`),
    check(
      'letterhead_logo_whole',
      sql`(${t.logo} IS NULL) = (${t.logoMediaType} IS NULL) AND (${t.logo} IS NULL) = (${t.logoName} IS NULL)`,
    ),
    check('letterhead_logo_type', sql`${t.logoMediaType} IS NULL OR ${t.logoMediaType} IN ('image/png', 'image/jpeg')`),
  ],
);

/**
 * A letter generated for a request: the template and language it came from and its two files
 * (documents of the request, DOCX and PDF), then the correspondence entry that sent it.
 */
export const letters = sqliteTable(
  'letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'restrict' }),
    code: text('code', { enum: LETTER_CODES }).notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    docxDocumentId: integer('docx_document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'restrict' }),
    pdfDocumentId: integer('pdf_document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'restrict' }),
    generatedAt: text('generated_at').notNull(),
    generatedBy: text('generated_by').notNull(),
    sentCorrespondenceId: integer('sent_correspondence_id').references(() => correspondence.id, {
      onDelete: 'restrict',
    }),
  },
  (t) => [
    check('letter_code', oneOf('code', LETTER_CODES)),
    check('letter_language', oneOf('language', LANGUAGES)),
    index('letters_request_idx').on(t.requestId),
  ],
);
