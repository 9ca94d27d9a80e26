import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const directoryHandlers: HandlersFor<'directories.'> = {
  'directories.counterpartAuthorities.list': (input, ctx) =>
    ctx.register.directories.listCounterpartAuthorities(input.country),
  'directories.counterpartAuthorities.save': async (input, ctx) =>
    ctx.register.directories.saveCounterpartAuthority(input, ctx.caller, await clockOf(ctx)),
  'directories.counterpartAuthorities.delete': async (input, ctx) =>
    ctx.register.directories.deleteCounterpartAuthority(input.id, ctx.caller, await clockOf(ctx)),
  'directories.domesticAuthorities.list': (_input, ctx) => ctx.register.directories.listDomesticAuthorities(),
  'directories.domesticAuthorities.save': async (input, ctx) =>
    ctx.register.directories.saveDomesticAuthority(input, ctx.caller, await clockOf(ctx)),
  'directories.domesticAuthorities.delete': async (input, ctx) =>
    ctx.register.directories.deleteDomesticAuthority(input.id, ctx.caller, await clockOf(ctx)),
  'directories.serviceProviders.list': (_input, ctx) => ctx.register.directories.listServiceProviders(),
  'directories.serviceProviders.save': async (input, ctx) =>
    ctx.register.directories.saveServiceProvider(input, ctx.caller, await clockOf(ctx)),
  'directories.serviceProviders.delete': async (input, ctx) =>
    ctx.register.directories.deleteServiceProvider(input.id, ctx.caller, await clockOf(ctx)),
  'directories.suggest': (input, ctx) => ctx.register.directories.suggest(input),
};
