import { z } from 'zod';
import { CLOCK_IDS, CLOCK_UNITS } from './clocks.ts';
import { DIRECTIONS, KINDS } from './codes.ts';

/** What the office sees of a clock: not started yet, running, due soon, overdue, or stopped. */
export const CLOCK_STATES = ['pending', 'running', 'dueSoon', 'overdue', 'stopped'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export const computedClockSchema = z.object({
  clock: z.enum(CLOCK_IDS),
  state: z.enum(CLOCK_STATES),
  /** How it is counted: a length in one of the units, or 'date' when its due day was recorded. */
  unit: z.enum([...CLOCK_UNITS, 'date']),
  length: z.number().int().nullable(),
  /** The office day it started, and for a clock counted in hours the moment (ISO, UTC). */
  startedOn: z.string().nullable(),
  startedAt: z.string().nullable(),
  /** The office day it falls due (a clock in days is due at the end of that day in the office's zone). */
  dueOn: z.string().nullable(),
  /** The moment it falls due (ISO, UTC). */
  dueAt: z.string().nullable(),
  /** Milliseconds from now to dueAt; zero or less: overdue. Null unless it runs. */
  msLeft: z.number().nullable(),
  /** For a clock in days: calendar days from the office's today to the due day (0: due today). */
  daysLeft: z.number().int().nullable(),
  /** The due day is an estimate (a preservation whose preserved-until date is not recorded). */
  estimated: z.boolean(),
  stoppedOn: z.string().nullable(),
  /** What stopped it: the request's status moved on, or a follow-up request was linked to it. */
  stopReason: z.enum(['status', 'followUp']).nullable(),
  /** A preservation: how many days one extension adds, and how many extensions are left (null: no limit). */
  extension: z.object({ days: z.number().int(), left: z.number().int().nullable() }).nullable(),
});
export type ComputedClock = z.infer<typeof computedClockSchema>;

/** When the clocks were read, on whose calendar. */
const readingSchema = z.object({
  /** The moment the clocks were computed (ISO, UTC). */
  now: z.string(),
  /** The office's calendar day then, in its zone. */
  today: z.string(),
  /** The office's IANA zone the due days are counted in. */
  timeZone: z.string(),
});

export const requestClocksSchema = readingSchema.extend({ clocks: z.array(computedClockSchema) });
export type RequestClocks = z.infer<typeof requestClocksSchema>;

/** One request on the Today dashboard, with its clocks that are overdue or due soon, most pressing first. */
export const clockAlertSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  direction: z.enum(DIRECTIONS),
  kind: z.enum(KINDS),
  counterpartCountry: z.string(),
  clocks: z.array(computedClockSchema).min(1),
});
export type ClockAlert = z.infer<typeof clockAlertSchema>;

export const dueClocksSchema = readingSchema.extend({
  /** Clocks overdue, and due within their warning time, across the requests the caller may see. */
  overdue: z.number().int().min(0),
  dueSoon: z.number().int().min(0),
  /** The most pressing of them, grouped by request, in order of time left. */
  requests: z.array(clockAlertSchema),
  /** How many clocks `requests` shows (the first ones by time left, at most the list's limit). */
  shown: z.number().int().min(0),
});
export type DueClocks = z.infer<typeof dueClocksSchema>;
