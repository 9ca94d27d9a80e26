import type { TFunction } from 'i18next';
import {
  ADJUSTABLE_CLOCKS,
  type AdjustableClock,
  type ClockUnit,
  PRESERVATION_CLOCKS,
  type PreservationClock,
} from '../../../../contract/clocks.ts';
import type { FieldErrors } from '../../components/field-errors.ts';

/** A number box holds '' while empty. */
export type Num = number | string;

/** The clocks' settings as the form holds them while they are edited (ClocksForm owns them). */
export interface ClockFormValues {
  lengths: Record<AdjustableClock, { length: Num; unit: ClockUnit }>;
  extensions: Record<PreservationClock, Num>;
  weekendDays: number[];
  holidays: string[];
  timeZone: string;
  warningDays: Num;
  warningHours: Num;
}

/** What each part of the form is handed: the values, the errors by field, and the one way to change them. */
export interface ClockFormPart {
  values: ClockFormValues;
  errors: FieldErrors;
  /** Applies `update` and clears the errors of `fields`, which the change may have put right. */
  change(update: (v: ClockFormValues) => ClockFormValues, ...fields: string[]): void;
}

export const toNumber = (v: Num): number | undefined =>
  typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v);

/** The values as the contract reads them, for clockSettingsSchema to check. */
export function toSettings(v: ClockFormValues): Record<string, unknown> {
  return {
    ...v,
    lengths: Object.fromEntries(
      ADJUSTABLE_CLOCKS.map((id) => [id, { length: toNumber(v.lengths[id].length), unit: v.lengths[id].unit }]),
    ),
    extensions: Object.fromEntries(PRESERVATION_CLOCKS.map((id) => [id, toNumber(v.extensions[id])])),
    warningDays: toNumber(v.warningDays),
    warningHours: toNumber(v.warningHours),
  };
}

/** The unit shown inside a number box ("days", "hours"), agreeing with the number typed. */
export const daysOrHours = (t: TFunction, unit: ClockUnit, count: Num) =>
  t(unit === 'hours' ? 'clocks.settings.hoursUnit' : 'clocks.settings.daysUnit', { count: toNumber(count) ?? 0 });
