import accounts from './accounts.json';
import backups from './backups.json';
import clocks from './clocks.json';
import codes from './codes.json';
import common from './common.json';
import directories from './directories.json';
import documents from './documents.json';
import drafting from './drafting.json';
import integrity from './integrity.json';
import interchange from './interchange.json';
import letters from './letters.json';
import messages from './messages.json';
import profiles from './profiles.json';
import register from './register.json';
import reports from './reports.json';
import request from './request.json';
import requestForm from './request-form.json';
import requestTabs from './request-tabs.json';
import search from './search.json';
import security from './security.json';
import shortcuts from './shortcuts.json';
import statistics from './statistics.json';
import today from './today.json';

/**
 * Arabic (ar), one file per part of the app (every language has the same files). Each file owns its top-level keys; a test checks
 * that no two files claim the same one.
 */
export const PARTS = {
  backups,
  clocks,
  common,
  accounts,
  codes,
  directories,
  documents,
  drafting,
  integrity,
  interchange,
  letters,
  messages,
  profiles,
  register,
  request,
  requestForm,
  requestTabs,
  today,
  reports,
  shortcuts,
  statistics,
  search,
  security,
} as const;

export const translation: Record<string, unknown> = Object.assign({}, ...Object.values(PARTS));
