/**
 * The roles of the office (issue 6). Every channel of the contract names the roles that may
 * call it; the main process checks it on every call, whatever the UI shows.
 *
 * - clerk: registers and updates requests (status, events, links, assignment, correspondence,
 *   documents), keeps the directories, imports and exports.
 * - prosecutor: reads the requests assigned to them or to their domestic authority, and adds
 *   notes and documents to those (row-level rules: api/access.ts).
 * - manager: reads everything, the statistics and the exports; freezes the year's figures;
 *   writes nothing in the register.
 * - administrator: people, settings and backups. Administrators read the register (a backup
 *   holds all of it anyway) and may import a whole register and keep the directories when the
 *   office is set up, but do not do the clerks' work on requests: in a small office the
 *   administrator who also registers requests has a second, clerk account, so the register's
 *   history never shows the account that manages the others.
 */
export const ROLES = ['clerk', 'prosecutor', 'manager', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Shorthands for the channel declarations. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Writes to the register's requests: the clerks' work. */
export const REGISTRARS: readonly Role[] = ['clerk'];
/** Notes and documents on a request: clerks, and prosecutors on their own requests (api/access.ts). */
export const ANNOTATORS: readonly Role[] = ['clerk', 'prosecutor'];
export const ADMINISTRATORS: readonly Role[] = ['administrator'];
/** Import brings whole registers in (clerks, and administrators setting the office up). */
export const IMPORTERS: readonly Role[] = ['clerk', 'administrator'];
/** The whole register in the interchange format: not for prosecutors, who see their own requests only. */
export const EXPORTERS: readonly Role[] = ['clerk', 'manager', 'administrator'];
export const DIRECTORY_KEEPERS: readonly Role[] = ['clerk', 'administrator'];
/** The year's figures: managers answer for them; clerks keep the register they come from. */
export const STATISTICS_READERS: readonly Role[] = ['clerk', 'manager', 'administrator'];
/** Freezing the figures as submitted is the managers' act. */
export const STATISTICS_KEEPERS: readonly Role[] = ['manager'];

/**
 * The local operator: whoever works on the register file directly, with no sign-in and no role
 * check. The command line (cli/) is that (the office's own administration tool, run by whoever
 * holds the file), as are the benchmark and the tests' seeding. The app's transports never
 * are: there, a person signs in.
 */
export const LOCAL_OPERATOR_ROLES: readonly Role[] = ROLES;
