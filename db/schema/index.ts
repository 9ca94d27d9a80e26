// The register's tables, one file per part of the domain; drizzle-kit reads them all from here.
export * from './requests.ts';
export * from './drafting.ts';
export * from './system.ts';
export * from './documents.ts';
export * from './directories.ts';
export * from './statistics.ts';
export * from './accounts.ts';
export * from './profiles.ts';
export * from './letters.ts';
