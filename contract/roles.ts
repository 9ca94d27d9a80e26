/**
 * The roles of the office (domain notes). Every channel of the contract names the roles
 * that may call it; the main process checks it, whatever the UI shows.
 */
export const ROLES = ['clerk', 'prosecutor', 'manager', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Shorthands for the channel declarations. */
export const ANY_ROLE: readonly Role[] = ROLES;
export const REGISTRARS: readonly Role[] = ['clerk'];
export const ADMINISTRATORS: readonly Role[] = ['administrator'];
/** Import brings whole registers in (clerks and administrators); export is for those who report on it too. */
export const IMPORTERS: readonly Role[] = ['clerk', 'administrator'];
export const EXPORTERS: readonly Role[] = ['clerk', 'manager', 'administrator'];
export const DIRECTORY_KEEPERS: readonly Role[] = ['clerk', 'administrator'];
/** The year's figures: managers answer for them; clerks keep the register they come from. */
export const STATISTICS_READERS: readonly Role[] = ['clerk', 'manager', 'administrator'];
/** Freezing the figures as submitted is the managers' act. */
export const STATISTICS_KEEPERS: readonly Role[] = ['manager', 'administrator'];

/**
 * Until sign-in exists, the person at the workstation is the local operator and holds every
 * role; accounts replace this with the signed-in person's roles without touching the channels.
 */
export const LOCAL_OPERATOR_ROLES: readonly Role[] = ROLES;
