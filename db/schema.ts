import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DIRECTIONS, KINDS, REFUSAL_GROUNDS, STATUSES, URGENCIES } from '../contract/codes.ts';

/** `col IN ('a','b',...)`, so the database itself refuses a code the spec does not know. */
const oneOf = (column: string, codes: readonly string[]) =>
  sql.raw(`${column} IN (${codes.map((c) => `'${c}'`).join(', ')})`);

/** Timestamps are ISO 8601 UTC text; calendar dates are YYYY-MM-DD text (no time zone). */
export const requests = sqliteTable(
  'requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    kind: text('kind', { enum: KINDS }).notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    openedOn: text('opened_on'),
    closedOn: text('closed_on'),
    counterpartCountry: text('counterpart_country').notNull(),
    counterpartAuthority: text('counterpart_authority'),
    counterpartReference: text('counterpart_reference'),
    domesticAuthority: text('domestic_authority'),
    domesticReference: text('domestic_reference'),
    serviceProvider: text('service_provider'),
    legalBasis: text('legal_basis'),
    legalBasisDetail: text('legal_basis_detail'),
    channel: text('channel'),
    cyberRelated: integer('cyber_related', { mode: 'boolean' }).notNull().default(false),
    offenceDescription: text('offence_description'),
    urgency: text('urgency', { enum: URGENCIES }).notNull().default('normal'),
    assignedTo: text('assigned_to'),
    summary: text('summary'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Bumped by every change, so a change made on stale data can be refused. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('requests_direction_code', oneOf('direction', DIRECTIONS)),
    check('requests_kind_code', oneOf('kind', KINDS)),
    check('requests_status_code', oneOf('status', STATUSES)),
    check('requests_urgency_code', oneOf('urgency', URGENCIES)),
    check('requests_closed_after_opened', sql`closed_on IS NULL OR closed_on >= opened_on`),
    index('requests_updated_idx').on(t.updatedAt),
    index('requests_status_idx').on(t.status, t.updatedAt),
    index('requests_kind_idx').on(t.direction, t.kind, t.updatedAt),
    index('requests_country_idx').on(t.counterpartCountry, t.updatedAt),
    index('requests_opened_idx').on(t.openedOn),
  ],
);

/** Every status a request has held: who moved it, when it was recorded, the day it took effect. */
export const statusHistory = sqliteTable(
  'status_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'restrict' }),
    recordedAt: text('recorded_at').notNull(),
    effectiveOn: text('effective_on').notNull(),
    actor: text('actor').notNull(),
    fromStatus: text('from_status', { enum: STATUSES }),
    toStatus: text('to_status', { enum: STATUSES }).notNull(),
    note: text('note'),
  },
  (t) => [
    check('status_history_to_code', oneOf('to_status', STATUSES)),
    index('status_history_request_idx').on(t.requestId, t.id),
  ],
);

export const requestRefusalGrounds = sqliteTable(
  'request_refusal_grounds',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    ground: text('ground', { enum: REFUSAL_GROUNDS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.ground] }),
    check('refusal_ground_code', oneOf('ground', REFUSAL_GROUNDS)),
  ],
);

/** The running numbers behind references: one row per (kind, direction, year); never decremented. */
export const referenceCounters = sqliteTable('reference_counters', {
  scope: text('scope').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Append-only record of every change (triggers in the migration refuse UPDATE and DELETE).
 * `details` is JSON: the fields that changed, or what was created.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    details: text('details').notNull(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
