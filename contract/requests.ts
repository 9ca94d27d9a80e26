import { z } from 'zod';
import { CHANNELS, DIRECTIONS, KINDS, LEGAL_BASES, REFUSAL_GROUNDS, STATUSES, URGENCIES } from './codes.ts';
import { isCountryCode } from './countries.ts';
import { isoDate } from './dates.ts';

/** Optional free text: trimmed, empty means "no value", bounded so a paste cannot bloat the file. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-2 country code' });

export const directionSchema = z.enum(DIRECTIONS);
export const kindSchema = z.enum(KINDS);
export const statusSchema = z.enum(STATUSES);
export const requestId = z.number().int().positive();

/** What a clerk gives when registering a request; the reference is generated, never typed. */
export const newRequestSchema = z
  .strictObject({
    direction: directionSchema,
    kind: kindSchema,
    counterpartCountry: countryCode,
    counterpartAuthority: optionalText(300),
    counterpartReference: optionalText(120),
    domesticAuthority: optionalText(300),
    domesticReference: optionalText(120),
    serviceProvider: optionalText(200),
    legalBasis: z
      .enum(LEGAL_BASES)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    channel: z
      .enum(CHANNELS)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    urgency: z.enum(URGENCIES).default('normal'),
    /** Incoming: the day the central authority received it. Outgoing: empty until sent. */
    openedOn: isoDate
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    assignedTo: optionalText(120),
    summary: optionalText(4000),
  })
  .refine((r) => !(r.direction === 'incoming' && (r.openedOn ?? null) === null), {
    path: ['openedOn'],
    message: 'is required for an incoming request (the day it was received)',
    // Run even when other fields failed, so one reply names every missing field.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });
export type NewRequest = z.input<typeof newRequestSchema>;
export type ValidNewRequest = z.output<typeof newRequestSchema>;

export const requestSummarySchema = z.object({
  id: requestId,
  reference: z.string(),
  direction: directionSchema,
  kind: kindSchema,
  status: statusSchema,
  counterpartCountry: z.string(),
  counterpartAuthority: z.string().nullable(),
  counterpartReference: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
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
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const moveSchema = z.object({
  to: statusSchema,
  /** What the move asks for besides a date (the UI asks only for these). */
  needs: z.array(z.enum(['note', 'refusalGrounds'])),
  reopening: z.boolean(),
});
export type Move = z.infer<typeof moveSchema>;

export const requestDetailSchema = requestSummarySchema.extend({
  domesticAuthority: z.string().nullable(),
  domesticReference: z.string().nullable(),
  serviceProvider: z.string().nullable(),
  legalBasis: z.enum(LEGAL_BASES).nullable(),
  channel: z.enum(CHANNELS).nullable(),
  summary: z.string().nullable(),
  refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)),
  createdAt: z.string(),
  version: z.number().int(),
  history: z.array(historyEntrySchema),
  moves: z.array(moveSchema),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const SORTABLE = ['reference', 'openedOn', 'updatedAt', 'status', 'counterpartCountry'] as const;

export const listQuerySchema = z.object({
  direction: directionSchema.optional(),
  kind: kindSchema.optional(),
  status: statusSchema.optional(),
  state: z.enum(['open', 'closed', 'all']).default('all'),
  counterpartCountry: countryCode.optional(),
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

export const transitionSchema = z.object({
  id: requestId,
  to: statusSchema,
  /** The day the move happened (it may be recorded later than it happened). */
  on: isoDate,
  note: optionalText(4000),
  refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)).max(REFUSAL_GROUNDS.length).default([]),
  /** The version the user saw: a move made on stale data is refused, not merged. */
  expectedVersion: z.number().int().min(1),
});
export type TransitionInput = z.input<typeof transitionSchema>;
export type ValidTransition = z.output<typeof transitionSchema>;
