import { channel } from '../channel.ts';
import { ANY_ROLE } from '../roles.ts';
import { searchQuerySchema, searchResultSchema } from '../search.ts';

export const searchChannels = {
  /** The global search box: whoever reads the register (requests.list) may search it. */
  'search.requests': channel({
    input: searchQuerySchema,
    output: searchResultSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
};
