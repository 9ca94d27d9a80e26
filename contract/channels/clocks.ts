import { z } from 'zod';
import { channel } from '../channel.ts';
import { dueClocksSchema, requestClocksSchema } from '../clock-results.ts';
import { requestId } from '../requests.ts';
import { ADMINISTRATORS, ANY_ROLE } from '../roles.ts';
import { clockSettingsPatchSchema, clockSettingsSchema } from '../settings.ts';

/** The legal clocks (contract/clocks.ts): their settings, a request's clocks, and those due today. */
export const clockChannels = {
  /** The clocks' lengths and the office's calendar; everyone reads them (the settings screen shows them). */
  'clocks.settings': channel({
    input: z.strictObject({}),
    output: clockSettingsSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'clocks.saveSettings': channel({
    input: clockSettingsPatchSchema,
    output: clockSettingsSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  /** One request's clocks now: a prosecutor's only for the requests they may open (api/access.ts). */
  'clocks.ofRequest': channel({
    input: z.strictObject({ id: requestId }),
    output: requestClocksSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  /** The Today dashboard's clocks: overdue or due soon, most pressing first, of the requests the caller may see. */
  'dashboard.clocks': channel({
    input: z.strictObject({}),
    output: dueClocksSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
};
