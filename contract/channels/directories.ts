import { z } from 'zod';
import { channel } from '../channel.ts';
import {
  counterpartAuthoritySchema,
  counterpartListSchema,
  deleteEntrySchema,
  deletedSchema,
  domesticAuthoritySchema,
  saveCounterpartAuthoritySchema,
  saveDomesticAuthoritySchema,
  saveServiceProviderSchema,
  serviceProviderSchema,
  suggestSchema,
} from '../directories.ts';
import { ANY_ROLE, DIRECTORY_KEEPERS } from '../roles.ts';

const none = z.strictObject({});

/** Everyone reads the directories; clerks and administrators keep them. "save" adds or, with an id, corrects. */
export const directoryChannels = {
  'directories.counterpartAuthorities.list': channel({
    input: counterpartListSchema,
    output: z.array(counterpartAuthoritySchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
  'directories.counterpartAuthorities.save': channel({
    input: saveCounterpartAuthoritySchema,
    output: counterpartAuthoritySchema,
    roles: DIRECTORY_KEEPERS,
    mutates: true,
  }),
  'directories.counterpartAuthorities.delete': channel({
    input: deleteEntrySchema,
    output: deletedSchema,
    roles: DIRECTORY_KEEPERS,
    mutates: true,
  }),
  'directories.domesticAuthorities.list': channel({
    input: none,
    output: z.array(domesticAuthoritySchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
  'directories.domesticAuthorities.save': channel({
    input: saveDomesticAuthoritySchema,
    output: domesticAuthoritySchema,
    roles: DIRECTORY_KEEPERS,
    mutates: true,
  }),
  'directories.domesticAuthorities.delete': channel({
    input: deleteEntrySchema,
    output: deletedSchema,
    roles: DIRECTORY_KEEPERS,
    mutates: true,
  }),
  'directories.serviceProviders.list': channel({
    input: none,
    output: z.array(serviceProviderSchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
  'directories.serviceProviders.save': channel({
    input: saveServiceProviderSchema,
    output: serviceProviderSchema,
    roles: DIRECTORY_KEEPERS,
    mutates: true,
  }),
  'directories.serviceProviders.delete': channel({
    input: deleteEntrySchema,
    output: deletedSchema,
    roles: DIRECTORY_KEEPERS,
    mutates: true,
  }),
  'directories.suggest': channel({
    input: suggestSchema,
    output: z.array(z.string()),
    roles: ANY_ROLE,
    mutates: false,
  }),
};
