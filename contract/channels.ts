import type { z } from 'zod';
import { accountChannels } from './channels/accounts.ts';
import { appChannels } from './channels/app.ts';
import { backupChannels } from './channels/backups.ts';
import { clockChannels } from './channels/clocks.ts';
import { dashboardChannels } from './channels/dashboard.ts';
import { directoryChannels } from './channels/directories.ts';
import { documentChannels } from './channels/documents.ts';
import { interchangeChannels } from './channels/interchange.ts';
import { letterChannels } from './channels/letters.ts';
import { profileChannels } from './channels/profiles.ts';
import { reportChannels } from './channels/reports.ts';
import { requestChannels } from './channels/requests.ts';
import { searchChannels } from './channels/search.ts';
import { securityChannels } from './channels/security.ts';
import { statisticsChannels } from './channels/statistics.ts';
import { viewChannels } from './channels/views.ts';

export type { AppInfo } from './channels/app.ts';

/**
 * The one contract between the renderer and the main process: every channel of every part
 * of the domain (contract/channels/*.ts), each with its schemas and the roles allowed to call it.
 */
export const channels = {
  ...accountChannels,
  ...appChannels,
  ...backupChannels,
  ...requestChannels,
  ...interchangeChannels,
  ...dashboardChannels,
  ...clockChannels,
  ...viewChannels,
  ...reportChannels,
  ...directoryChannels,
  ...profileChannels,
  ...documentChannels,
  ...letterChannels,
  ...statisticsChannels,
  ...searchChannels,
  ...securityChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

/** What a caller passes (defaults may be omitted). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives (after parsing: defaults filled, text trimmed). */
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
