import english from '../../i18n/en/letters.json' with { type: 'json' };
import type { CorrespondenceEntry, DocumentRecord } from '../../contract/documents.ts';
import type { ComputedClock } from '../../contract/clock-results.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { localeOf } from '../../i18n/languages.ts';
import { TRANSLATIONS } from '../../i18n/resources.ts';
import { asRecorded, inUtc } from '../letters/data-model.ts';
import type { Labels } from './labels.ts';

/**
 * What the one-click case summary of a request says (issue 8, part 5), in the reader's
 * language: every section as label and value pairs or entries, ready for the PDF writer
 * (case-summary-pdf.ts), which only lays it out.
 */

type SummaryWords = (typeof english)['letters']['summary'];

/** The case summary's own words in `labels.language`, each in English until translated. */
export function summaryWords(labels: Labels): SummaryWords {
  const tree = TRANSLATIONS[labels.language]['letters'];
  const own: unknown =
    tree !== null && typeof tree === 'object' ? (tree as Record<string, unknown>)['summary'] : undefined;
  const merge = (base: Record<string, unknown>, over: unknown): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(base).map(([key, value]) => {
        const mine = over !== null && typeof over === 'object' ? (over as Record<string, unknown>)[key] : undefined;
        if (typeof value === 'string') return [key, typeof mine === 'string' && mine !== '' ? mine : value];
        return [key, merge(value as Record<string, unknown>, mine)];
      }),
    );
  // Every key was filled from the English file, whose shape this is.
  return merge(english.letters.summary, own) as SummaryWords;
}

/** A code list's labels kept outside codes.json (documents.json's), in the language or in English. */
function namesOf(labels: Labels, list: 'documentType' | 'correspondenceChannel'): Record<string, string> {
  const pick = (tree: unknown): Record<string, string> =>
    tree !== null && typeof tree === 'object' ? (tree as Record<string, string>) : {};
  return { ...pick(TRANSLATIONS.en[list]), ...pick(TRANSLATIONS[labels.language][list]) };
}

/** A clock's line: its state, its due day, the days left or past (the clocks' own words, in the language). */
function clockPairs(clocks: readonly ComputedClock[], labels: Labels): Pair[] {
  const tree = (language: string): Record<string, unknown> => {
    const part = TRANSLATIONS[language as keyof typeof TRANSLATIONS]['clocks'];
    return part !== null && typeof part === 'object' ? (part as Record<string, unknown>) : {};
  };
  const word = (key: string, count?: number): string => {
    const forms =
      count === undefined ? [key] : [`${key}_${new Intl.PluralRules(labels.locale).select(count)}`, `${key}_other`];
    for (const source of [tree(labels.language), tree('en')]) {
      for (const form of forms) {
        const found = form
          .split('.')
          .reduce<unknown>(
            (node, k) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined),
            source,
          );
        if (typeof found === 'string' && found !== '') return labels.fill(found, count === undefined ? {} : { count });
      }
    }
    return key;
  };
  return clocks.map((c) => {
    const left =
      c.state === 'stopped' || c.daysLeft === null
        ? null
        : c.daysLeft < 0
          ? word('overdue.days', -c.daysLeft)
          : c.daysLeft === 0
            ? word('left.today')
            : word('left.days', c.daysLeft);
    const value = [word(`state.${c.state}`), c.dueOn && labels.date(c.dueOn), left].filter(Boolean).join(' · ');
    return { label: word(`names.${c.clock}`), value };
  });
}

export interface Pair {
  label: string;
  value: string;
}

/** One party, identifier, document or message: a bold first line, then its details. */
export interface Entry {
  heading: string;
  lines: string[];
  /** Printed smaller (hashes). */
  small?: string[];
}

export interface HistoryLine {
  date: string;
  what: string;
  who: string;
  note: string;
}

export interface CaseSummary {
  reference: string;
  /** The request's legal clocks (contract/clocks.ts) as they stand: name, then state and due day. */
  clocks: Pair[];
  title: string;
  subtitle: string;
  officeName: string;
  today: string;
  words: SummaryWords;
  labels: Labels;
  request: Pair[];
  drafting: Pair[];
  summary: string | null;
  parties: Entry[];
  identifiers: Entry[];
  documents: Entry[];
  correspondence: Entry[];
  history: HistoryLine[];
}

const present = (pairs: { label: string; value: string | null | undefined }[]): Pair[] =>
  pairs.filter((p): p is Pair => typeof p.value === 'string' && p.value.trim() !== '');

export interface SummarySources {
  request: RequestDetail;
  clocks: ComputedClock[];
  documents: DocumentRecord[];
  correspondence: CorrespondenceEntry[];
  officeName: string;
  today: string;
  /** The name shown for a sign-in name, as the screens show it (db/accounts/names.ts personNamer). */
  nameOf(username: string): string;
}

export function caseSummary(sources: SummarySources, labels: Labels): CaseSummary {
  const { request: r } = sources;
  const w = summaryWords(labels);
  const c = labels.codes;
  const date = (day: string | null) => (day === null ? null : labels.date(day));
  const moment = (iso: string) =>
    new Intl.DateTimeFormat(localeOf(labels.language), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  const list = (codes: readonly string[], names: Record<string, string>) =>
    codes.length === 0 ? null : codes.map((code) => names[code] ?? code).join('; ');
  const languages = new Intl.DisplayNames([localeOf(labels.language)], { type: 'language' });
  const size = (bytes: number) => labels.plural('letters.summary.bytes', bytes);
  const documentTypes = namesOf(labels, 'documentType');
  const channels = namesOf(labels, 'correspondenceChannel');
  const documentNames = new Map(sources.documents.map((d) => [d.id, d.originalName]));

  const history: (HistoryLine & { sortOn: string; sortAt: string })[] = [
    ...r.history.map((h) => ({
      sortOn: h.effectiveOn,
      sortAt: h.recordedAt,
      date: labels.date(h.effectiveOn),
      what:
        h.fromStatus === null
          ? labels.fill(w.created, { status: c.status[h.toStatus] })
          : labels.fill(w.moved, {
              from: c.status[h.fromStatus],
              to: c.status[h.toStatus],
              // The arrow points the way the line reads.
              arrow: labels.direction === 'rtl' ? '←' : '→',
            }),
      who: sources.nameOf(h.actor),
      note: [
        h.note,
        h.override && labels.fill(w.override, { reason: h.override.reason, missing: h.override.missing.join(', ') }),
      ]
        .filter(Boolean)
        .join('\n'),
    })),
    ...r.events.map((e) => ({
      sortOn: e.effectiveOn,
      sortAt: e.recordedAt,
      date: labels.date(e.effectiveOn),
      what:
        typeof e.details['preservedUntil'] === 'string'
          ? labels.fill(w.eventUntil, { event: c.eventType[e.type], date: labels.date(e.details['preservedUntil']) })
          : c.eventType[e.type],
      who: sources.nameOf(e.actor),
      note: e.note ?? '',
    })),
  ].sort((a, b) => a.sortOn.localeCompare(b.sortOn) || a.sortAt.localeCompare(b.sortAt));

  return {
    reference: r.reference,
    clocks: clockPairs(sources.clocks, labels),
    title: labels.fill(w.title, { reference: r.reference }),
    subtitle: `${c.direction[r.direction]} · ${c.kind[r.kind]} · ${c.status[r.status]}`,
    officeName: sources.officeName,
    today: sources.today,
    words: w,
    labels,
    request: present([
      { label: w.field.reference, value: r.reference },
      { label: w.field.counterpartCountry, value: labels.country(r.counterpartCountry) },
      { label: w.field.counterpartAuthority, value: r.counterpartAuthority },
      { label: w.field.counterpartReference, value: r.counterpartReference },
      { label: w.field.domesticAuthority, value: r.domesticAuthority },
      { label: w.field.domesticReference, value: r.domesticReference },
      { label: w.field.serviceProvider, value: r.serviceProvider },
      {
        label: w.field.legalBasis,
        value: r.legalBasis && [c.legalBasis[r.legalBasis], r.legalBasisDetail].filter(Boolean).join(', '),
      },
      { label: w.field.channel, value: r.channel && c.channel[r.channel] },
      { label: w.field.urgency, value: c.urgency[r.urgency] },
      { label: w.field.openedOn, value: date(r.openedOn) },
      { label: w.field.closedOn, value: date(r.closedOn) },
      {
        label: w.field.counterpartDeadline,
        value: r.counterpartDeadline && [date(r.counterpartDeadline), r.deadlineNote].filter(Boolean).join(' · '),
      },
      { label: w.field.preservedUntil, value: date(r.preservedUntil) },
      { label: w.field.assignedTo, value: r.assignedTo },
      { label: w.field.offences, value: list(r.offences, c.iccs) },
      { label: w.field.offenceDescription, value: r.offenceDescription },
      { label: w.field.cyberRelated, value: r.cyberRelated ? w.yes : null },
      { label: w.field.assistance, value: list(r.assistance, c.assistance) },
      { label: w.field.refusalGrounds, value: list(r.refusalGrounds, c.refusalGround) },
      {
        label: w.field.requestLanguage,
        value: r.requestLanguage && (languages.of(r.requestLanguage) ?? r.requestLanguage),
      },
    ]),
    drafting: present([
      { label: w.field.proceedingsNature, value: r.proceedingsNature },
      { label: w.field.conductingAuthority, value: r.conductingAuthority },
      { label: w.field.procedureToFollow, value: r.procedureToFollow },
      { label: w.field.purpose, value: r.purpose },
      { label: w.field.emergencyJustification, value: r.emergencyJustification },
    ]),
    summary: r.summary,
    parties: r.parties.map((p) => ({
      heading: `${p.name} (${c.partyRole[p.role]})`,
      lines: present([
        { label: w.field.birthDate, value: date(p.birthDate) },
        { label: w.field.nationality, value: p.nationality && labels.country(p.nationality) },
        { label: w.field.location, value: p.location },
        { label: w.field.papers, value: p.identifiers },
        { label: w.field.note, value: p.note },
      ]).map((pair) => `${pair.label}: ${pair.value}`),
    })),
    identifiers: r.identifiers.map((i) => ({
      heading: `${c.identifierType[i.type]}: ${i.value}`,
      lines: present([
        { label: w.field.from, value: i.fromAt && `${asRecorded(i.fromAt)} (${inUtc(i.fromAt)})` },
        { label: w.field.to, value: i.toAt && `${asRecorded(i.toAt)} (${inUtc(i.toAt)})` },
        { label: w.field.timeZone, value: i.timeZone },
        { label: w.field.note, value: i.note },
      ]).map((pair) => `${pair.label}: ${pair.value}`),
    })),
    documents: sources.documents.map((d) => ({
      heading: d.originalName,
      lines: [
        [documentTypes[d.type] ?? d.type, labels.date(d.documentDate), size(d.size)].join(' · '),
        labels.fill(w.added, { who: sources.nameOf(d.addedBy), when: moment(d.addedAt) }),
        ...(d.note ? [d.note] : []),
      ],
      small: [`SHA-256: ${d.sha256}`],
    })),
    correspondence: sources.correspondence.map((e) => ({
      heading: `${labels.date(e.onDate)} · ${w.correspondenceDirection[e.direction]} · ${channels[e.channel] ?? e.channel}`,
      lines: [
        e.summary,
        ...(e.documents.length > 0
          ? [
              labels.fill(w.carried, {
                documents: e.documents.map((d) => documentNames.get(d.id) ?? d.originalName).join(', '),
              }),
            ]
          : []),
      ],
    })),
    history: history.map(({ sortOn: _on, sortAt: _at, ...line }) => line),
  };
}
