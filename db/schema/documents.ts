import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CORRESPONDENCE_CHANNELS, DIRECTIONS, DOCUMENT_DIRECTIONS, DOCUMENT_TYPES } from '../../contract/codes.ts';
import { oneOf } from './checks.ts';
import { requests } from './requests.ts';

/**
 * A file attached to a request. The bytes live in the data folder's document store under
 * their SHA-256 (so the office can show a file is the one received); the original name is data only.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'restrict' }),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    originalName: text('original_name').notNull(),
    mediaType: text('media_type').notNull(),
    type: text('type', { enum: DOCUMENT_TYPES }).notNull(),
    direction: text('direction', { enum: DOCUMENT_DIRECTIONS }).notNull(),
    documentDate: text('document_date').notNull(),
    note: text('note'),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (t) => [
    check('document_type_code', oneOf('type', DOCUMENT_TYPES)),
    check('document_direction_code', oneOf('direction', DOCUMENT_DIRECTIONS)),
    check('document_sha256_hex', sql`length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'`),
    index('documents_request_idx').on(t.requestId),
    index('documents_sha256_idx').on(t.sha256),
  ],
);

/** Each message to or from the counterpart about a request. */
export const correspondence = sqliteTable(
  'correspondence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'restrict' }),
    onDate: text('on_date').notNull(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    channel: text('channel', { enum: CORRESPONDENCE_CHANNELS }).notNull(),
    summary: text('summary').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    check('correspondence_direction_code', oneOf('direction', DIRECTIONS)),
    check('correspondence_channel_code', oneOf('channel', CORRESPONDENCE_CHANNELS)),
    index('correspondence_request_idx').on(t.requestId, t.onDate),
  ],
);

export const correspondenceDocuments = sqliteTable(
  'correspondence_documents',
  {
    correspondenceId: integer('correspondence_id')
      .notNull()
      .references(() => correspondence.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.correspondenceId, t.documentId] })],
);
