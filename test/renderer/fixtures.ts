import type { RequestDetail, RequestSummary } from '../../contract/requests.ts';

export function summary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: 1,
    reference: 'MLA-IN-2026-00001',
    direction: 'incoming',
    kind: 'mla',
    status: 'registered',
    counterpartCountry: 'FR',
    counterpartAuthority: null,
    counterpartReference: 'FR/2026/12',
    domesticReference: null,
    urgency: 'normal',
    openedOn: '2026-03-02',
    closedOn: null,
    counterpartDeadline: null,
    assignedTo: null,
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

export function detail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    ...summary(),
    domesticAuthority: null,
    domesticReference: null,
    serviceProvider: null,
    legalBasis: 'untoc',
    legalBasisDetail: null,
    channel: null,
    offences: ['07'],
    cyberRelated: false,
    offenceDescription: 'Fraud',
    assistance: ['records'],
    deadlineNote: null,
    summary: 'Bank records sought',
    preservedUntil: null,
    parties: [],
    identifiers: [],
    proceedingsNature: null,
    conductingAuthority: null,
    procedureToFollow: null,
    purpose: null,
    emergencyJustification: null,
    requestLanguage: null,
    followsPreservation: false,
    refusalGrounds: [],
    createdAt: '2026-03-02T10:00:00.000Z',
    version: 1,
    history: [
      {
        id: 1,
        recordedAt: '2026-03-02T10:00:00.000Z',
        effectiveOn: '2026-03-02',
        actor: 'Amina',
        fromStatus: null,
        toStatus: 'registered',
        note: null,
      },
    ],
    events: [],
    links: [],
    eventOptions: [{ type: 'note', needs: ['note'] }],
    moves: [
      { to: 'under_review', needs: [], reopening: false },
      { to: 'refused', needs: ['refusalGrounds'], reopening: false },
    ],
    ...overrides,
  };
}
