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

/**
 * Until sign-in exists, the person at the workstation is the local operator and holds every
 * role; accounts replace this with the signed-in person's roles without touching the channels.
 */
export const LOCAL_OPERATOR_ROLES: readonly Role[] = ROLES;
