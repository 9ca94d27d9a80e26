import { localIsoDate } from '../../../contract/dates.ts';
import { useAppInfo } from './app-info.ts';

/**
 * The office's date today, as the register counts it (its time zone from the clock settings,
 * api/handlers/requests.ts clockOf): the default of a form's date and the latest it accepts, so
 * a date the screen proposes is never one the register refuses as "in the future". Until the
 * register has answered, this computer's date.
 */
export function useOfficeToday(): string {
  const info = useAppInfo();
  return info.data?.today ?? localIsoDate();
}
