import { and, eq, exists, gte, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  ASSISTANCE,
  CHANNELS,
  DIRECTIONS,
  ICCS_SECTIONS,
  KINDS,
  LEGAL_BASES,
  URGENCIES,
} from '../../contract/codes.ts';
import { requestAssistance, requestLinks, requestOffences, requests, statusHistory } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import type { LifeRow } from './load.ts';
import { codeAt, codeIndex, codeOrText, codesOfLetters, letterOf } from './sql-codes.ts';

export type OpenedBreakdown =
  | 'byOffence'
  | 'byAssistance'
  | 'byLegalBasis'
  | 'byChannel'
  | 'byUrgency'
  | 'byProvider'
  | 'cyberRelated'
  | 'refusalGrounds'
  | 'preservationFollowedUp';

/** A group's counts per breakdown and key. */
export type BreakdownCounts = Partial<Record<OpenedBreakdown, Record<string, number>>>;

/*
 * The breakdowns that depend on a request's fields, not on its history, count the requests
 * opened in the year. Every one of them is open in the year, so they are read in the same
 * pass as the lives (figures.ts): one more value in each request's array, the fields as an
 * array, null unless the request was opened in the year. Drafts never transmitted have no
 * opened_on and fall outside every range.
 */

/** The request's own fields the breakdowns count, for a pass whose requests are opened by its end. */
export function openedFields(db: Queryable, start: string): SQL {
  // A request's offences or kinds of assistance: a letter per code (see letterOf).
  const listed = (column: SQLiteColumn, requestId: SQLiteColumn, codes: readonly string[]) =>
    sql`(SELECT group_concat(${letterOf(column, codes)}, '') FROM ${column.table} WHERE ${requestId} = ${requests.id})`;
  const followers = alias(requests, 'followers');
  // A preservation followed up: the `to` end of a follow-up or related link from an MLA or
  // disclosure request (the interchange's related_reference imports as such a link).
  const followedUp = exists(
    db
      .select({ one: sql`1` })
      .from(requestLinks)
      .innerJoin(followers, eq(followers.id, requestLinks.fromId))
      .where(
        and(
          eq(requestLinks.toId, requests.id),
          inArray(requestLinks.kind, ['follow_up', 'related']),
          inArray(followers.kind, ['mla', 'disclosure']),
        ),
      ),
  );
  // Codes as numbers or letters: shorter to hand over than their text.
  const fields = [
    codeOrText(requests.legalBasis, LEGAL_BASES),
    codeOrText(requests.channel, CHANNELS),
    codeOrText(requests.urgency, URGENCIES),
    requests.serviceProvider,
    requests.cyberRelated,
    listed(requestOffences.section, requestOffences.requestId, ICCS_SECTIONS),
    listed(requestAssistance.code, requestAssistance.requestId, ASSISTANCE),
    sql`CASE WHEN ${requests.kind} = 'preservation' THEN ${followedUp} END`,
  ];
  return sql`CASE WHEN ${requests.openedOn} >= ${start} THEN json_array(${sql.join(fields, sql`, `)}) END`;
}

type Code = number | string;

/** The values of openedFields, in that order (codes as codeOrText and letterOf give them). */
export type OpenedFields = [
  legalBasis: Code | null,
  channel: Code | null,
  urgency: Code | null,
  provider: string | null,
  cyber: number,
  offences: string | null,
  assistance: string | null,
  followedUp: number | null,
];

/** A request's array in a pass with openedFields. */
export type OpenedRow = [...LifeRow, fields: OpenedFields | null];

function add(counts: BreakdownCounts, breakdown: OpenedBreakdown, key: string | null, n = 1): void {
  // An empty field is no key (the spec counts what was recorded).
  if (key === null || key === '') return;
  const keyed = (counts[breakdown] ??= {});
  keyed[key] = (keyed[key] ?? 0) + n;
}

/** Counts a request opened in the year in its group's counts. */
export function countOpened(counts: BreakdownCounts, fields: OpenedFields): void {
  const [legalBasis, channel, urgency, provider, cyber, offences, assistance, followedUp] = fields;
  add(counts, 'byLegalBasis', codeAt(LEGAL_BASES, legalBasis));
  add(counts, 'byChannel', codeAt(CHANNELS, channel));
  add(counts, 'byUrgency', codeAt(URGENCIES, urgency));
  add(counts, 'byProvider', provider);
  if (cyber === 1) add(counts, 'cyberRelated', 'cyber');
  if (followedUp === 1) add(counts, 'preservationFollowedUp', 'followed');
  for (const section of codesOfLetters(ICCS_SECTIONS, offences ?? '')) add(counts, 'byOffence', section);
  for (const code of codesOfLetters(ASSISTANCE, assistance ?? '')) add(counts, 'byAssistance', code);
}

/**
 * Each refusal dated in the range, by the grounds the history recorded with it, so a refusal
 * later reopened still counts for the year it happened: rows of direction and kind (places in
 * their code lists), ground, count.
 */
export function refusalGroundsQuery(db: Queryable, from: string, to: string) {
  return db
    .select({
      direction: codeIndex(requests.direction, DIRECTIONS),
      kind: codeIndex(requests.kind, KINDS),
      key: sql<string | null>`grounds.value`,
      n: sql<number>`count(*)`,
    })
    .from(statusHistory)
    .innerJoin(requests, eq(requests.id, statusHistory.requestId))
    .innerJoin(sql`json_each(coalesce(${statusHistory.refusalGrounds}, '[]')) AS grounds`, sql`1 = 1`)
    .where(
      and(
        eq(statusHistory.toStatus, 'refused'),
        isNotNull(statusHistory.fromStatus),
        gte(statusHistory.effectiveOn, from),
        lte(statusHistory.effectiveOn, to),
      ),
    )
    .groupBy(requests.direction, requests.kind, sql`grounds.value`);
}

/** Adds the refusal grounds of the range to the counts `countsAt` gives for a direction and kind. */
export function countRefusalGrounds(
  db: Queryable,
  from: string,
  to: string,
  countsAt: (directionAt: number, kindAt: number) => BreakdownCounts,
): void {
  // The columns of refusalGroundsQuery, in order (a few dozen rows: no need for JSON).
  const rows = refusalGroundsQuery(db, from, to).values() as [number, number, string | null, number][];
  for (const [directionAt, kindAt, key, n] of rows) add(countsAt(directionAt, kindAt), 'refusalGrounds', key, n);
}
