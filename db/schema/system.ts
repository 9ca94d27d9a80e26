import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Append-only record of every change (triggers in the migration refuse UPDATE and DELETE).
 * `details` is JSON: the fields that changed, or what was created.
 * Hash-chained (db/audit-chain.ts): `hash` is SHA-256 (hex) of the entry's content and
 * `prev_hash`; a trigger refuses an entry without both. They are nullable only because
 * entries written before the chain existed got theirs when the upgrade sealed them.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    details: text('details').notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    // Two entries can never claim the same predecessor: the chain cannot fork.
    uniqueIndex('audit_log_prev_hash_idx').on(t.prevHash),
  ],
);

/**
 * One row: where the hash chain starts. Entries up to `legacy_through` were written before
 * the chain existed and were sealed once, when the upgrade that added it ran (`sealed_at`);
 * after that no entry can be sealed again (triggers in the migration).
 */
export const auditChain = sqliteTable(
  'audit_chain',
  {
    id: integer('id').primaryKey(),
    legacyThrough: integer('legacy_through').notNull(),
    sealedAt: text('sealed_at'),
  },
  (t) => [check('audit_chain_single_row', sql`${t.id} = 1`)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Register filters a person saved under a name ("my open requests", "urgent incoming"). */
export const savedViews = sqliteTable('saved_views', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** JSON: the register list query. */
  query: text('query').notNull(),
  owner: text('owner').notNull(),
  createdAt: text('created_at').notNull(),
});
