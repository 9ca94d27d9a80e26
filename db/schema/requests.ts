import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ASSISTANCE,
  DIRECTIONS,
  EVENT_TYPES,
  ICCS_SECTIONS,
  IDENTIFIER_TYPES,
  KINDS,
  LINK_KINDS,
  PARTY_ROLES,
  REFUSAL_GROUNDS,
  STATUSES,
  URGENCIES,
} from '../../contract/codes.ts';
import { oneOf } from './checks.ts';

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
    /** A date the counterpart set (trial, detention limit, limitation period), and why. */
    counterpartDeadline: text('counterpart_deadline'),
    deadlineNote: text('deadline_note'),
    /** Preservation: the day the preserved data may be released, moved by each extension. */
    preservedUntil: text('preserved_until'),
    /**
     * Kept by the db layer with each write (registration, move, event, import) so the Today
     * dashboard's "waiting" rule reads two columns instead of walking every waiting request's
     * history: the effective day of the last status change (history order), and the latest
     * effective day of an event other than an internal note.
     */
    lastStatusOn: text('last_status_on'),
    lastEventOn: text('last_event_on'),
    /**
     * The request's status history packed into one text, in history order (the statistics'
     * form: db/statistics/life-text.ts), appended to by each write that adds to the history.
     * The statistics of a year read it with the request instead of looking up every request's
     * history (250,000 requests: 160 ms a year down to 80). `mla-desk check` compares it with
     * the history.
     */
    life: text('life'),
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
    // The register's everyday question (open requests of one kind with one country, newest
    // first): the page and its count from one index range (scripts/bench.ts list_page_ms_p95).
    index('requests_country_kind_idx').on(t.counterpartCountry, t.kind, t.status, t.openedOn),
    // Counts by state: the register's count of open (or closed) requests of a direction, kind
    // or country, and the Today dashboard's "waiting" card, read from this index alone. The
    // legal basis and the preserved-until day make it cover the legal clocks' queries too
    // (db/clocks/branches.ts: EU instruments, preservations without a recorded date).
    index('requests_state_idx').on(
      t.status,
      t.direction,
      t.kind,
      t.counterpartCountry,
      t.lastStatusOn,
      t.lastEventOn,
      t.openedOn,
      t.legalBasis,
      t.preservedUntil,
    ),
    index('requests_opened_idx').on(t.openedOn),
    index('requests_assigned_idx').on(t.assignedTo),
    index('requests_deadline_idx').on(t.counterpartDeadline),
    index('requests_preserved_idx').on(t.preservedUntil),
    // The list's filters and the Today cards (test/db/query-plans.test.ts): legal basis,
    // urgency (the "urgent" card adds the open statuses), the domestic authority (also its
    // picker), and closed_on for the statistics' "not closed before the range".
    index('requests_legal_basis_idx').on(t.legalBasis),
    index('requests_urgency_idx').on(t.urgency, t.status),
    index('requests_domestic_authority_idx').on(t.domesticAuthority),
    index('requests_closed_idx').on(t.closedOn),
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
    /** A refusal's grounds (JSON list of codes), kept with the refusal so past years' figures stay right after a reopening. */
    refusalGrounds: text('refusal_grounds'),
    /**
     * An outgoing request moved on although it lacked essentials: the officer's reason, and the
     * elements it lacked then (JSON list of contract/completeness.ts codes). Both or neither.
     */
    overrideReason: text('override_reason'),
    overrideMissing: text('override_missing'),
  },
  (t) => [
    check('status_history_to_code', oneOf('to_status', STATUSES)),
    // A request's history in order (the statistics read requests.life instead).
    index('status_history_request_idx').on(t.requestId, t.id),
    // The statistics' refusals dated in a range (opened-counts.ts, refusalGrounds).
    index('status_history_to_status_idx').on(t.toStatus, t.effectiveOn),
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

export const requestOffences = sqliteTable(
  'request_offences',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    section: text('section', { enum: ICCS_SECTIONS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.section] }),
    check('offence_section_code', oneOf('section', ICCS_SECTIONS)),
    index('request_offences_section_idx').on(t.section),
  ],
);

export const requestAssistance = sqliteTable(
  'request_assistance',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    code: text('code', { enum: ASSISTANCE }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.code] }),
    check('assistance_code', oneOf('code', ASSISTANCE)),
    index('request_assistance_code_idx').on(t.code),
  ],
);

/** Persons and entities concerned: suspects, witnesses, victims, companies, account holders. */
export const requestParties = sqliteTable(
  'request_parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    role: text('role', { enum: PARTY_ROLES }).notNull(),
    name: text('name').notNull(),
    birthDate: text('birth_date'),
    nationality: text('nationality'),
    /** Where the person or entity is, as far as known (a formal request states it where possible). */
    location: text('location'),
    /** Passport, national ID, company registration: as written. */
    identifiers: text('identifiers'),
    note: text('note'),
  },
  (t) => [check('party_role_code', oneOf('role', PARTY_ROLES)), index('request_parties_request_idx').on(t.requestId)],
);

/**
 * E-evidence identifiers. The date range is stored as ISO 8601 with its UTC offset
 * ("2026-03-01T10:15:00+02:00"): an IP address means nothing without the exact moment.
 */
export const requestIdentifiers = sqliteTable(
  'request_identifiers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    type: text('type', { enum: IDENTIFIER_TYPES }).notNull(),
    value: text('value').notNull(),
    fromAt: text('from_at'),
    toAt: text('to_at'),
    /** The IANA zone the times were given in, for display ("Europe/Paris"); the offset is in the times. */
    timeZone: text('time_zone'),
    note: text('note'),
  },
  (t) => [
    check('identifier_type_code', oneOf('type', IDENTIFIER_TYPES)),
    index('request_identifiers_request_idx').on(t.requestId),
    index('request_identifiers_value_idx').on(t.value),
  ],
);

/** Events in a request's life other than status changes (returned, consulted, extended, ...). */
export const requestEvents = sqliteTable(
  'request_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'restrict' }),
    recordedAt: text('recorded_at').notNull(),
    effectiveOn: text('effective_on').notNull(),
    actor: text('actor').notNull(),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    note: text('note'),
    /** JSON: what the event carries (e.g. the new preserved-until date). */
    details: text('details').notNull().default('{}'),
  },
  (t) => [
    check('request_event_type_code', oneOf('type', EVENT_TYPES)),
    index('request_events_request_idx').on(t.requestId, t.id),
  ],
);

/** A directed link (from → to) shown from both ends: follow-up, supplementary, related. */
export const requestLinks = sqliteTable(
  'request_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromId: integer('from_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    toId: integer('to_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: LINK_KINDS }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    check('request_link_kind_code', oneOf('kind', LINK_KINDS)),
    check('request_link_not_self', sql`from_id <> to_id`),
    uniqueIndex('request_links_pair_idx').on(t.fromId, t.toId),
    index('request_links_to_idx').on(t.toId),
  ],
);
