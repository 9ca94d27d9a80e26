import type { StatusReportBy } from '../../contract/reports.ts';
import { awaitedOf } from './awaited.ts';
import { countryLabel, fill, labels, longDate } from './labels.ts';
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
const short = (text: string, max = 240) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describe(event: LastEvent): string {
  const { codes, reports } = labels;
  const base =
    event.kind === 'event'
      ? codes.eventType[event.type]
      : event.from === null
        ? fill(reports.document.created, { status: codes.status[event.to] })
        : fill(reports.document.statusChange, { from: codes.status[event.from], to: codes.status[event.to] });
  return event.note ? `${base}: ${short(event.note.replace(/\s+/g, ' '))}` : base;
}

export function statusReport(
  rows: StatusRow[],
  options: { by: StatusReportBy; value: string; includeClosed: boolean; officeName: string; today: string },
): StatusReport {
  const { codes, reports } = labels;
  const doc = reports.document;
  const title = fill(options.by === 'domesticAuthority' ? doc.titleDomesticAuthority : doc.titleAssignedTo, {
    value: options.value,
  });
  const subtitle = fill(options.includeClosed ? doc.producedClosed : doc.produced, {
    date: longDate(options.today),
    count: rows.length,
  });
  const lines = rows.map((r): StatusLine => ({
    reference: r.reference,
    urgent: r.urgency === 'urgent',
    direction: codes.direction[r.direction],
    kind: codes.kind[r.kind],
    country: countryLabel(r.counterpartCountry),
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
    lastEvent: describe(r.lastEvent),
    daysSinceLastEvent: daysBetween(r.lastEvent.on, options.today),
    awaited: awaitedOf(r),
    deadline: r.counterpartDeadline,
  }));
  return { by: options.by, officeName: options.officeName, title, subtitle, today: options.today, lines };
}
