import type { Direction, Kind } from '../../contract/codes.ts';
import type { LetterheadView } from '../../contract/letters.ts';
import type { Treaty } from '../../contract/profiles.ts';
import type { RequestDetail } from '../../contract/requests.ts';

/**
 * A request with every field filled, every list non-empty: a template is rendered against it
 * (one per direction and kind the template serves) before it is saved, so that a field it names
 * and does not exist, or a loop over a list, fails then and not when a clerk generates a letter.
 * The editor's preview uses it too when no request is chosen.
 */
export function sampleRequest(direction: Direction, kind: Kind): RequestDetail {
  const eEvidence = kind !== 'mla';
  return {
    id: 1,
    reference: `${kind === 'mla' ? 'MLA' : kind === 'preservation' ? 'PRE' : kind === 'disclosure' ? 'DIS' : 'EDR'}-${direction === 'incoming' ? 'IN' : 'OUT'}-2026-00042`,
    direction,
    kind,
    status: direction === 'incoming' ? 'under_review' : 'draft',
    counterpartCountry: 'FR',
    counterpartAuthority: 'Bureau de l’entraide pénale internationale, Ministère de la Justice',
    counterpartReference: 'BEPI-2026/117',
    domesticReference: 'CR-2026-0815',
    urgency: 'urgent',
    openedOn: '2026-03-02',
    closedOn: null,
    counterpartDeadline: '2026-05-15',
    assignedTo: 'Amina Clerk',
    updatedAt: '2026-03-10T09:30:00.000Z',
    domesticAuthority: 'Office of the Public Prosecutor, Economic Crime Division',
    serviceProvider: eEvidence ? 'Example Mail Inc.' : null,
    legalBasis: eEvidence ? 'budapest' : 'untoc',
    legalBasisDetail: eEvidence ? 'Articles 29 and 31' : 'Article 18',
    channel: 'central_authority',
    offences: ['07', '09'],
    cyberRelated: eEvidence,
    offenceDescription: 'Fraud and laundering of its proceeds through accounts abroad',
    assistance: eEvidence ? ['subscriber_data', 'traffic_data'] : ['records', 'statements'],
    deadlineNote: 'Trial listed for 20 May 2026',
    summary:
      'Between January and March 2025 the suspect obtained EUR 1.2 million from investors by false promises.\nThe funds were moved through accounts held abroad.',
    preservedUntil: kind === 'preservation' ? '2026-06-01' : null,
    parties: [
      {
        role: 'suspect',
        name: 'Jean Dupont',
        birthDate: '1980-04-12',
        nationality: 'FR',
        location: '12 rue des Lilas, Lyon, France',
        identifiers: 'Passport 12AB34567',
        note: 'Believed to hold the accounts',
      },
    ],
    identifiers: [
      {
        type: 'email',
        value: 'suspect@example.com',
        fromAt: '2026-02-01T10:00+01:00',
        toAt: '2026-02-02T10:00+01:00',
        timeZone: 'Europe/Paris',
        note: 'Account used to contact the victims',
      },
    ],
    proceedingsNature: 'Criminal investigation into organised fraud and money laundering',
    conductingAuthority: 'Investigating judge, Economic Crime Division',
    procedureToFollow: 'Records to be certified by the bank’s custodian of records',
    purpose: 'To trace the proceeds of the fraud and identify those who received them',
    emergencyJustification:
      kind === 'emergency_disclosure' ? 'A child is missing and was last in contact through the account' : null,
    requestLanguage: 'fr',
    followsPreservation: eEvidence && kind !== 'preservation',
    refusalGrounds: [],
    createdAt: '2026-03-02T08:00:00.000Z',
    version: 1,
    history: [],
    events: [],
    links: [
      {
        id: 1,
        kind: 'follow_up',
        side: 'to',
        other: {
          id: 2,
          reference: 'PRE-OUT-2026-00007',
          direction: 'outgoing',
          kind: 'preservation',
          status: 'executed',
        },
      },
    ],
    moves: [],
    eventOptions: [],
  };
}

/** A letterhead with every line filled, for the same purpose. */
export const SAMPLE_LETTERHEAD: LetterheadView = {
  officeName: 'Central Authority for Mutual Legal Assistance',
  addressLines: ['Ministry of Justice', '1 Justice Square', 'Capital City 10001'],
  phone: '+1 555 0100',
  email: 'central.authority@justice.example',
  logo: null,
};

/**
 * The treaty of the sample request's legal basis as a country profile lists it: a convention
 * needs no title of its own there, so only the day it came into force is given.
 */
export const SAMPLE_TREATY: Pick<Treaty, 'name' | 'inForceSince'> = { name: null, inForceSince: '2003-09-29' };
