import type { SignedInUser } from '../../contract/accounts.ts';
import type { CountryProfile } from '../../contract/profiles.ts';
import type { Role } from '../../contract/roles.ts';

const AT = '2026-03-10T09:30:00.000Z';

/** A country profile as the register answers it, France unless told otherwise. */
export function countryProfile(overrides: Partial<CountryProfile> = {}): CountryProfile {
  return {
    id: 1,
    country: 'FR',
    centralAuthorityId: 4,
    centralAuthority: {
      id: 4,
      country: 'FR',
      name: 'Bureau de l’entraide pénale internationale',
      email: 'beppi@justice.example',
      phone: '+33 1 44 77 61 15',
      address: null,
      notes: null,
      updatedAt: AT,
    },
    languages: ['fr'],
    channels: ['central_authority'],
    dualCriminality: 'required_coercive',
    dualCriminalityScope: 'Searches and seizures',
    treaties: [{ legalBasis: 'untoc', name: null, inForceSince: '2002-10-29' }],
    notes: null,
    updatedAt: AT,
    updatedBy: 'Amina Clerk',
    ...overrides,
  };
}

/** The session of a signed-in person of `role`, for SessionContext. */
export function sessionAs(role: Role) {
  const user = {
    id: 7,
    username: role,
    displayName: `A ${role}`,
    role,
    authority: null,
    language: null,
  } satisfies SignedInUser;
  return { user, idleMinutes: 15, lock: () => undefined, signOut: async () => undefined };
}
