import type { StatusReportBy } from '../../contract/reports.ts';
import { awaitedOf } from './awaited.ts';
import type { Labels } from './labels.ts';
import type { LastEvent, StatusRow } from './status-rows.ts';

/** One request as both writers show it: text for people, dates and numbers for spreadsheets. */
export interface StatusLine {
  reference: string;
  urgent: boolean;
  direction: string;
  kind: string;
  country: string;
  counterpartReference: string | null;
  domesticReference: string | null;
  domesticAuthority: string | null;
  assignedTo: string | null;
  urgency: string;
  openedOn: string | null;
  daysOpen: number | null;
  status: string;
  statusSince: string;
  lastEventOn: string;
  lastEvent: string;
  daysSinceLastEvent: number;
  awaited: string;
  deadline: string | null;
}

export interface StatusReport {
  labels: Labels;
  by: StatusReportBy;
  officeName: string;
  title: string;
  subtitle: string;
  today: string;
  lines: StatusLine[];
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A note is cut so that one request never outgrows a page. */
const short = (text: string, max = 240) => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
};

function describe(event: LastEvent, labels: Labels): string {
  const { codes, reports } = labels;
  const base =
    event.kind === 'event'
      ? codes.eventType[event.type]
      : event.from === null
        ? labels.fill(reports.document.created, { status: codes.status[event.to] })
        : labels.fill(reports.document.statusChange, { from: codes.status[event.from], to: codes.status[event.to] });
  return event.note
    ? labels.fill(reports.document.eventNote, { event: base, note: short(event.note.replace(/\s+/g, ' ')) })
    : base;
}

export function statusReport(
  rows: StatusRow[],
  options: { by: StatusReportBy; value: string; includeClosed: boolean; officeName: string; today: string },
  labels: Labels,
): StatusReport {
  const { codes, reports } = labels;
  const doc = reports.document;
  const title = labels.fill(options.by === 'domesticAuthority' ? doc.titleDomesticAuthority : doc.titleAssignedTo, {
    value: options.value,
  });
  const subtitle = labels.plural(
    options.includeClosed ? 'reports.document.producedClosed' : 'reports.document.produced',
    rows.length,
    { date: labels.date(options.today) },
  );
  const lines = rows.map((r): StatusLine => ({
    reference: r.reference,
    urgent: r.urgency === 'urgent',
    direction: codes.direction[r.direction],
    kind: codes.kind[r.kind],
    country: labels.country(r.counterpartCountry),
    counterpartReference: r.counterpartReference,
    domesticReference: r.domesticReference,
    domesticAuthority: r.domesticAuthority,
    assignedTo: r.assignedTo,
    urgency: codes.urgency[r.urgency],
    openedOn: r.openedOn,
    daysOpen: r.openedOn === null ? null : daysBetween(r.openedOn, options.today),
    status: codes.status[r.status],
    statusSince: r.statusSince,
    lastEventOn: r.lastEvent.on,
    lastEvent: describe(r.lastEvent, labels),
    daysSinceLastEvent: daysBetween(r.lastEvent.on, options.today),
    awaited: awaitedOf(r, labels),
    deadline: r.counterpartDeadline,
  }));
  return { labels, by: options.by, officeName: options.officeName, title, subtitle, today: options.today, lines };
}
