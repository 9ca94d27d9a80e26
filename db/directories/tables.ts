import { type AnyColumn, asc, eq, sql } from 'drizzle-orm';
import type {
  CounterpartAuthority,
  DomesticAuthority,
  ServiceProvider,
  ValidCounterpartAuthority,
  ValidDomesticAuthority,
  ValidServiceProvider,
} from '../../contract/directories.ts';
import { counterpartAuthorities, domesticAuthorities, serviceProviders } from '../schema/index.ts';
import type { Queryable } from '../types.ts';
import type { DirectoryTable } from './entries.ts';

type Without<T> = Omit<T, 'id'>;

/** Sorted as people read lists of names, not by byte value. */
const byName = (name: AnyColumn) => sql`${name} COLLATE NOCASE`;

export function listCounterpartAuthorities(db: Queryable, country: string | undefined): CounterpartAuthority[] {
  const t = counterpartAuthorities;
  return db
    .select()
    .from(t)
    .where(country === undefined ? undefined : eq(t.country, country))
    .orderBy(asc(t.country), byName(t.name), asc(t.id))
    .all();
}

/** Two authorities of different countries may share a name ("Ministry of Justice"); not of one. */
export const counterpartTable: DirectoryTable<Without<ValidCounterpartAuthority>, CounterpartAuthority> = {
  entity: 'counterpart_authority',
  duplicate: { field: 'name', key: 'field.inDirectoryForCountry' },
  peers: (tx, fields) =>
    tx
      .select({ id: counterpartAuthorities.id, name: counterpartAuthorities.name })
      .from(counterpartAuthorities)
      .where(eq(counterpartAuthorities.country, fields.country))
      .all(),
  get: (tx, id) => tx.select().from(counterpartAuthorities).where(eq(counterpartAuthorities.id, id)).get(),
  insert: (tx, fields, at) =>
    tx
      .insert(counterpartAuthorities)
      .values({ ...fields, updatedAt: at })
      .returning()
      .get(),
  update: (tx, id, fields, at) =>
    tx
      .update(counterpartAuthorities)
      .set({ ...fields, updatedAt: at })
      .where(eq(counterpartAuthorities.id, id))
      .returning()
      .get(),
  remove: (tx, id) => {
    tx.delete(counterpartAuthorities).where(eq(counterpartAuthorities.id, id)).run();
  },
};

export function listDomesticAuthorities(db: Queryable): DomesticAuthority[] {
  return db
    .select()
    .from(domesticAuthorities)
    .orderBy(byName(domesticAuthorities.name), asc(domesticAuthorities.id))
    .all();
}

export const domesticTable: DirectoryTable<Without<ValidDomesticAuthority>, DomesticAuthority> = {
  entity: 'domestic_authority',
  duplicate: { field: 'name', key: 'field.inDirectory' },
  peers: (tx) =>
    tx.select({ id: domesticAuthorities.id, name: domesticAuthorities.name }).from(domesticAuthorities).all(),
  get: (tx, id) => tx.select().from(domesticAuthorities).where(eq(domesticAuthorities.id, id)).get(),
  insert: (tx, fields, at) =>
    tx
      .insert(domesticAuthorities)
      .values({ ...fields, updatedAt: at })
      .returning()
      .get(),
  update: (tx, id, fields, at) =>
    tx
      .update(domesticAuthorities)
      .set({ ...fields, updatedAt: at })
      .where(eq(domesticAuthorities.id, id))
      .returning()
      .get(),
  remove: (tx, id) => {
    tx.delete(domesticAuthorities).where(eq(domesticAuthorities.id, id)).run();
  },
};

export function listServiceProviders(db: Queryable): ServiceProvider[] {
  return db.select().from(serviceProviders).orderBy(byName(serviceProviders.name), asc(serviceProviders.id)).all();
}

export const providerTable: DirectoryTable<Without<ValidServiceProvider>, ServiceProvider> = {
  entity: 'service_provider',
  duplicate: { field: 'name', key: 'field.inDirectory' },
  peers: (tx) => tx.select({ id: serviceProviders.id, name: serviceProviders.name }).from(serviceProviders).all(),
  get: (tx, id) => tx.select().from(serviceProviders).where(eq(serviceProviders.id, id)).get(),
  insert: (tx, fields, at) =>
    tx
      .insert(serviceProviders)
      .values({ ...fields, updatedAt: at })
      .returning()
      .get(),
  update: (tx, id, fields, at) =>
    tx
      .update(serviceProviders)
      .set({ ...fields, updatedAt: at })
      .where(eq(serviceProviders.id, id))
      .returning()
      .get(),
  remove: (tx, id) => {
    tx.delete(serviceProviders).where(eq(serviceProviders.id, id)).run();
  },
};
