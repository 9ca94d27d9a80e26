import { Checkbox } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SELECT_ALL_MAX } from './useRegisterRows.ts';
import { errorText } from '../../components/error-text.ts';

interface Props {
  total: number;
  selected: ReadonlySet<number>;
  allIds(): Promise<number[]>;
  onSelect(ids: number[], selected: boolean): void;
  onClear(): void;
}

/**
 * The header's checkbox: every request of the result, up to the list's limit of
 * SELECT_ALL_MAX (a bulk action on more is a matter of narrowing the filters first). The
 * selection only ever holds requests of this result (it is dropped with the filters), so
 * its size says whether all are chosen.
 */
export function SelectAll({ total, selected, allIds, onSelect, onClear }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const tooMany = total > SELECT_ALL_MAX;
  const all = selected.size > 0 && selected.size >= total;
  const choose = async (on: boolean) => {
    // Beyond the limit the box only ever clears what was picked by hand.
    if (!on || tooMany) return onClear();
    setBusy(true);
    try {
      onSelect(await allIds(), true);
    } catch (e) {
      notifications.show({ message: errorText(t, e), color: 'red' });
    } finally {
      setBusy(false);
    }
  };
  const hint = tooMany ? t('register.selectAllTooMany', { max: SELECT_ALL_MAX }) : undefined;
  return (
    <Checkbox
      aria-label={tooMany ? hint : t('register.selectAll', { count: total })}
      title={hint}
      checked={all}
      indeterminate={selected.size > 0 && !all}
      disabled={busy || (tooMany && selected.size === 0)}
      onChange={(e) => void choose(e.currentTarget.checked)}
    />
  );
}
