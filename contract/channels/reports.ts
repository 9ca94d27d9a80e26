import { channel } from '../channel.ts';
import { writtenFileSchema } from '../files.ts';
import { listExportSchema, statusReportSchema } from '../reports.ts';
import { ANY_ROLE } from '../roles.ts';

/** Files the app produces from the register; none changes it. */
export const reportChannels = {
  /** Where one authority's or one officer's requests stand, for the prosecutors who ask. */
  'reports.status': channel({
    input: statusReportSchema,
    output: writtenFileSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'reports.list': channel({
    input: listExportSchema,
    output: writtenFileSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
};
