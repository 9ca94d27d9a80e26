import type {
  CounterpartAuthority,
  DomesticAuthority,
  ServiceProvider,
  ValidCounterpartAuthority,
  ValidDomesticAuthority,
  ValidServiceProvider,
  ValidSuggestQuery,
} from '../../contract/directories.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../types.ts';
import { deleteEntry, saveEntry } from './entries.ts';
import { suggestNames } from './suggest.ts';
import {
  counterpartTable,
  domesticTable,
  listCounterpartAuthorities,
  listDomesticAuthorities,
  listServiceProviders,
  providerTable,
} from './tables.ts';

/**
 * The office's directories (see db/register.ts for why it is asynchronous). "save" adds an
 * entry, or corrects the one its id names; every write leaves an audit entry.
 */
export interface DirectoryStore {
  listCounterpartAuthorities(country?: string): Promise<CounterpartAuthority[]>;
  saveCounterpartAuthority(input: ValidCounterpartAuthority, actor: Actor, clock: Clock): Promise<CounterpartAuthority>;
  deleteCounterpartAuthority(id: number, actor: Actor, clock: Clock): Promise<{ id: number }>;
  listDomesticAuthorities(): Promise<DomesticAuthority[]>;
  saveDomesticAuthority(input: ValidDomesticAuthority, actor: Actor, clock: Clock): Promise<DomesticAuthority>;
  deleteDomesticAuthority(id: number, actor: Actor, clock: Clock): Promise<{ id: number }>;
  listServiceProviders(): Promise<ServiceProvider[]>;
  saveServiceProvider(input: ValidServiceProvider, actor: Actor, clock: Clock): Promise<ServiceProvider>;
  deleteServiceProvider(id: number, actor: Actor, clock: Clock): Promise<{ id: number }>;
  /** Names for a request field's autocomplete: the directory's and those requests already use. */
  suggest(query: ValidSuggestQuery): Promise<string[]>;
}

export function sqliteDirectoryStore(db: Db): DirectoryStore {
  return {
    listCounterpartAuthorities: async (country) => listCounterpartAuthorities(db, country),
    saveCounterpartAuthority: async (input, actor, clock) => saveEntry(db, counterpartTable, input, actor, clock),
    deleteCounterpartAuthority: async (id, actor, clock) => deleteEntry(db, counterpartTable, id, actor, clock),
    listDomesticAuthorities: async () => listDomesticAuthorities(db),
    saveDomesticAuthority: async (input, actor, clock) => saveEntry(db, domesticTable, input, actor, clock),
    deleteDomesticAuthority: async (id, actor, clock) => deleteEntry(db, domesticTable, id, actor, clock),
    listServiceProviders: async () => listServiceProviders(db),
    saveServiceProvider: async (input, actor, clock) => saveEntry(db, providerTable, input, actor, clock),
    deleteServiceProvider: async (id, actor, clock) => deleteEntry(db, providerTable, id, actor, clock),
    suggest: async (query) => suggestNames(db, query),
  };
}
