import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

export const profileHandlers: HandlersFor<'profiles.'> = {
  'profiles.list': (_input, ctx) => ctx.register.profiles.listCountryProfiles(),
  'profiles.ofCountry': (input, ctx) => ctx.register.profiles.countryProfileOf(input.country),
  'profiles.save': async (input, ctx) =>
    ctx.register.profiles.saveCountryProfile(input, ctx.caller, await clockOf(ctx)),
  'profiles.delete': async (input, ctx) =>
    ctx.register.profiles.deleteCountryProfile(input.id, ctx.caller, await clockOf(ctx)),
};
