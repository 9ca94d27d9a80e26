import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The office's directories. Requests keep the names as text (as the interchange format
 * does); the directories hold the contacts and offer the names when a request is written.
 */
export const counterpartAuthorities = sqliteTable(
  'counterpart_authorities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    country: text('country').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    notes: text('notes'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('counterpart_authorities_country_idx').on(t.country, t.name)],
);

export const domesticAuthorities = sqliteTable('domestic_authorities', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  email: text('email'),
  phone: text('phone'),
  address: text('address'),
  notes: text('notes'),
  updatedAt: text('updated_at').notNull(),
});

export const serviceProviders = sqliteTable('service_providers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  country: text('country'),
  /** How law enforcement reaches them: portal, address for orders, emergency line. */
  lawEnforcementContact: text('law_enforcement_contact'),
  notes: text('notes'),
  updatedAt: text('updated_at').notNull(),
});
