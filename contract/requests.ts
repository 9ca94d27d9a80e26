import { z } from 'zod';
import {
  ASSISTANCE,
  CHANNELS,
  DIRECTIONS,
  EVENT_TYPES,
  ICCS_SECTIONS,
  KINDS,
  LEGAL_BASES,
  LINK_KINDS,
  REFUSAL_GROUNDS,
  STATUSES,
  URGENCIES,
} from './codes.ts';
import { OVERRIDE_REASON_MAX } from './completeness.ts';
import { isoDate } from './dates.ts';
import { identifierSchema, optionalText, partySchema } from './request-fields.ts';
import { zodMessage } from './messages.ts';

export * from './request-fields.ts';

export const directionSchema = z.enum(DIRECTIONS);
export const kindSchema = z.enum(KINDS);
export const statusSchema = z.enum(STATUSES);
export const requestId = z.number().int().positive();

export const requestSummarySchema = z.object({
  id: requestId,
  reference: z.string(),
  direction: directionSchema,
  kind: kindSchema,
  status: statusSchema,
  counterpartCountry: z.string(),
  counterpartAuthority: z.string().nullable(),
  counterpartReference: z.string().nullable(),
  domesticReference: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  counterpartDeadline: z.string().nullable(),
  assignedTo: z.string().nullable(),
  updatedAt: z.string(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const historyEntrySchema = z.object({
  id: z.number().int(),
  recordedAt: z.string(),
  effectiveOn: z.string(),
  actor: z.string(),
  fromStatus: statusSchema.nullable(),
  toStatus: statusSchema,
  note: z.string().nullable(),
  /**
   * An outgoing request moved on although it lacked essentials (contract/completeness.ts): the
   * codes it lacked then (kept as text, so a code renamed later still reads) and the officer's reason.
   * Absent from every other entry.
   */
  override: z.object({ reason: z.string(), missing: z.array(z.string()) }).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const requestEventSchema = z.object({
  id: z.number().int(),
  recordedAt: z.string(),
  effectiveOn: z.string(),
  actor: z.string(),
  type: z.enum(EVENT_TYPES),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;

export const moveSchema = z.object({
  to: statusSchema,
  /** What the move asks for besides a date (the UI asks only for these). */
  needs: z.array(z.enum(['note', 'refusalGrounds', 'preservedUntil'])),
  reopening: z.boolean(),
});
export type Move = z.infer<typeof moveSchema>;

/** An event the request can take now, and what it asks for besides a date. */
export const eventOptionSchema = z.object({
  type: z.enum(EVENT_TYPES),
  needs: z.array(z.enum(['note', 'preservedUntil'])),
});
export type EventOption = z.infer<typeof eventOptionSchema>;

export const linkSchema = z.object({
  id: z.number().int(),
  kind: z.enum(LINK_KINDS),
  /** 'to': this request points at the other (it follows up / supplements it); 'from': the reverse. */
  side: z.enum(['to', 'from']),
  other: z.object({
    id: requestId,
    reference: z.string(),
    direction: directionSchema,
    kind: kindSchema,
    status: statusSchema,
  }),
});
export type Link = z.infer<typeof linkSchema>;

export const requestDetailSchema = requestSummarySchema.extend({
  domesticAuthority: z.string().nullable(),
  serviceProvider: z.string().nullable(),
  legalBasis: z.enum(LEGAL_BASES).nullable(),
  legalBasisDetail: z.string().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  offences: z.array(z.enum(ICCS_SECTIONS)),
  cyberRelated: z.boolean(),
  offenceDescription: z.string().nullable(),
  assistance: z.array(z.enum(ASSISTANCE)),
  deadlineNote: z.string().nullable(),
  summary: z.string().nullable(),
  preservedUntil: z.string().nullable(),
  parties: z.array(partySchema),
  identifiers: z.array(identifierSchema),
  proceedingsNature: z.string().nullable(),
  conductingAuthority: z.string().nullable(),
  procedureToFollow: z.string().nullable(),
  purpose: z.string().nullable(),
  emergencyJustification: z.string().nullable(),
  requestLanguage: z.string().nullable(),
  followsPreservation: z.boolean(),
  refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)),
  createdAt: z.string(),
  version: z.number().int(),
  history: z.array(historyEntrySchema),
  events: z.array(requestEventSchema),
  links: z.array(linkSchema),
  moves: z.array(moveSchema),
  eventOptions: z.array(eventOptionSchema),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const SORTABLE = ['reference', 'openedOn', 'updatedAt', 'status', 'counterpartCountry'] as const;

/**
 * What needs attention, as the Today dashboard counts it; each is a list filter too, so a
 * count opens exactly the requests it counted (the rules: db/requests/filters.ts).
 */
export const DUE = ['unreviewed', 'waiting', 'preservationExpiring', 'deadlineSoon', 'overdue'] as const;
export type Due = (typeof DUE)[number];

export const listQuerySchema = z.strictObject({
  direction: directionSchema.optional(),
  kind: kindSchema.optional(),
  status: statusSchema.optional(),
  state: z.enum(['open', 'closed', 'all']).default('all'),
  counterpartCountry: z.string().trim().toUpperCase().length(2).optional(),
  legalBasis: z.enum(LEGAL_BASES).optional(),
  /** An ICCS level-1 section among the request's offences. */
  offence: z.enum(ICCS_SECTIONS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  /** The officer in charge, exactly as written on the requests. */
  assignedTo: z.string().trim().min(1).max(120).optional(),
  domesticAuthority: z.string().trim().min(1).max(300).optional(),
  openedFrom: isoDate.optional(),
  openedTo: isoDate.optional(),
  due: z.enum(DUE).optional(),
  /** Our reference, theirs, the domestic case number, or the name of a person or entity concerned. */
  text: z.string().trim().max(200).optional(),
  sort: z.enum(SORTABLE).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type ListQuery = z.input<typeof listQuerySchema>;
export type ValidListQuery = z.output<typeof listQuerySchema>;

export const listResultSchema = z.object({
  rows: z.array(requestSummarySchema),
  total: z.number().int(),
});
export type ListResult = z.infer<typeof listResultSchema>;

export const transitionSchema = z.strictObject({
  id: requestId,
  to: statusSchema,
  /** The day the move happened (it may be recorded later than it happened). */
  on: isoDate,
  note: optionalText(4000),
  refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)).max(REFUSAL_GROUNDS.length).default([]),
  /** A preservation carried out: the last day the data is preserved. */
  preservedUntil: isoDate
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /**
   * Moving an outgoing request on although it lacks essentials (contract/completeness.ts): the
   * officer's reason, recorded in the history and the audit log. Ignored when nothing is missing.
   */
  overrideReason: optionalText(OVERRIDE_REASON_MAX),
  /** The version the user saw: a move made on stale data is refused, not merged. */
  expectedVersion: z.number().int().min(1),
});
export type TransitionInput = z.input<typeof transitionSchema>;
export type ValidTransition = z.output<typeof transitionSchema>;

export const recordEventSchema = z.strictObject({
  id: requestId,
  type: z.enum(EVENT_TYPES),
  on: isoDate,
  note: optionalText(4000),
  /** preservation_extended: the new last day of preservation. */
  preservedUntil: isoDate
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  expectedVersion: z.number().int().min(1),
});
export type RecordEventInput = z.input<typeof recordEventSchema>;
export type ValidRecordEvent = z.output<typeof recordEventSchema>;

export const linkRequestSchema = z.strictObject({
  id: requestId,
  /** The other request, by our reference as the clerk reads it. */
  otherReference: z.string().trim().min(1, zodMessage('field.required')).max(120),
  kind: z.enum(LINK_KINDS),
});
export type LinkRequestInput = z.input<typeof linkRequestSchema>;
export type ValidLinkRequest = z.output<typeof linkRequestSchema>;
