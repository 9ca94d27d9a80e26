import type { Kind } from '../../contract/codes.ts';
import {
  type NewRequest,
  type RequestDetail,
  type RequestFieldsInput,
  requestFieldsSchema,
} from '../../contract/requests.ts';
import type { Register } from '../../db/register.ts';
import { ACTOR, CLOCK } from './requests.ts';

/**
 * What an outgoing request of each kind must contain to move on without an override
 * (contract/completeness.ts), with the recommended elements of a formal request too. A
 * preservation followed is not included: it needs a second request and a link.
 */
export function completeFields(kind: Kind): Partial<NewRequest> {
  const common = {
    domesticAuthority: 'Parquet de Paris',
    summary: 'Funds from a fraud were moved through accounts abroad.',
  } satisfies Partial<NewRequest>;
  if (kind === 'mla') {
    return {
      ...common,
      proceedingsNature: 'Criminal investigation into fraud (art. 313-1 of the Penal Code)',
      conductingAuthority: 'Juge d’instruction, Paris',
      assistance: ['records'],
      procedureToFollow: 'Records certified by the bank',
      purpose: 'To trace the proceeds of the fraud',
      parties: [{ role: 'suspect', name: 'Jean Dupont', nationality: 'FR', location: 'Lyon, France' }],
    };
  }
  return {
    ...common,
    serviceProvider: 'Example Mail Inc.',
    assistance: ['subscriber_data'],
    identifiers: [
      {
        type: 'email',
        value: 'suspect@example.com',
        fromAt: '2026-02-01T10:00+01:00',
        toAt: '2026-02-02T10:00+01:00',
        timeZone: 'Europe/Paris',
      },
    ],
    ...(kind === 'emergency_disclosure'
      ? { emergencyJustification: 'A child is missing; the account was last used.' }
      : {}),
  };
}

/** An override reason for tests that move outgoing requests on without caring what they hold. */
export const TEST_OVERRIDE = { overrideReason: 'Test data: completeness not the point here' } as const;

/** Corrects a stored request as the form would: its fields as they are, with `patch` applied. */
export async function correct(register: Register, r: RequestDetail, patch: Partial<RequestFieldsInput>) {
  const keys = Object.keys(requestFieldsSchema.shape) as (keyof RequestFieldsInput)[];
  const stored = Object.fromEntries(keys.map((k) => [k, r[k as keyof RequestDetail]])) as RequestFieldsInput;
  const fields = requestFieldsSchema.parse({ ...stored, ...patch });
  return register.requests.update({ id: r.id, expectedVersion: r.version, fields }, ACTOR, CLOCK);
}
