import { z } from 'zod';
import { channel } from '../channel.ts';
import { todaySchema } from '../dashboard.ts';
import { ANY_ROLE } from '../roles.ts';

export const dashboardChannels = {
  'dashboard.today': channel({
    input: z.strictObject({}),
    output: todaySchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
};
