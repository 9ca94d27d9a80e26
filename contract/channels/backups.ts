import { z } from 'zod';
import {
  backupListSchema,
  backupNameSchema,
  backupSummarySchema,
  backupVerificationSchema,
  restoreResultSchema,
} from '../backups.ts';
import { channel } from '../channel.ts';
import { ADMINISTRATORS } from '../roles.ts';
import { backupRetentionPatchSchema, backupRetentionSchema } from '../settings.ts';
import { zodMessage } from '../messages.ts';

/** The office's backups (db/backups/): the administrator's part of the Settings screen. */
export const backupChannels = {
  /** The backups, newest first, with a quick look at their files, and the retention that applies. */
  'backups.list': channel({
    input: z.strictObject({}),
    output: backupListSchema,
    roles: ADMINISTRATORS,
    mutates: false,
  }),
  /** Takes a backup now (database, documents, manifest); retention prunes older ones afterwards. */
  'backups.create': channel({
    input: z.strictObject({}),
    output: backupSummarySchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  /** Hashes every file of a backup and checks its database, as a restore would first. */
  'backups.verify': channel({
    input: z.strictObject({ name: backupNameSchema }),
    output: backupVerificationSchema,
    roles: ADMINISTRATORS,
    mutates: false,
  }),
  /**
   * Replaces the register with a backup: verified first, the current register backed up and set
   * aside (kept), then reopened. `confirm` must repeat the backup's name: no stray call restores.
   */
  'backups.restore': channel({
    input: z
      .strictObject({ name: backupNameSchema, confirm: z.string(zodMessage('field.repeatBackupName')) })
      .refine((input) => input.confirm === input.name, {
        ...zodMessage('field.repeatBackupName'),
        path: ['confirm'],
      }),
    output: restoreResultSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  'backups.retention': channel({
    input: backupRetentionPatchSchema.strict(),
    output: backupRetentionSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
};
