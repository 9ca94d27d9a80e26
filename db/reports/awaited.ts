import { isClosedStatus } from '../../contract/codes.ts';
import type { Labels } from './labels.ts';
import type { StatusRow } from './status-rows.ts';

type AwaitedRow = Pick<
  StatusRow,
  'direction' | 'status' | 'counterpartCountry' | 'domesticAuthority' | 'serviceProvider'
>;

/**
 * What a request is waiting for, in a few words, derived from its status and direction — the
 * question prosecutors ask the office. Outgoing 'awaiting information' means the requested
 * state asked us for more (domain notes), so what is awaited is our reply.
 */
export function awaitedOf(row: AwaitedRow, labels: Labels): string {
  const a = labels.reports.awaited;
  const incoming = row.direction === 'incoming';
  // The other side: the foreign state, or the provider an e-evidence request went to directly.
  const country = labels.country(row.counterpartCountry);
  const other = !incoming && row.serviceProvider ? `${row.serviceProvider} (${country})` : country;
  const authority = row.domesticAuthority ?? a.executingAuthority;
  if (isClosedStatus(row.status)) return a.closed;
  switch (row.status) {
    case 'draft':
      return a.draft;
    case 'registered':
      return a.registered;
    case 'under_review':
      return incoming ? a.underReviewIncoming : a.underReviewOutgoing;
    case 'awaiting_information':
      return labels.fill(incoming ? a.awaitingInformationIncoming : a.awaitingInformationOutgoing, { other });
    case 'sent':
      return labels.fill(a.sent, { other });
    case 'in_execution':
      return incoming
        ? labels.fill(a.inExecutionIncoming, { authority })
        : labels.fill(a.inExecutionOutgoing, { other });
    case 'partially_executed':
      return incoming
        ? labels.fill(a.partiallyExecutedIncoming, { authority })
        : labels.fill(a.partiallyExecutedOutgoing, { other });
    case 'suspended':
      return a.suspended;
  }
}
