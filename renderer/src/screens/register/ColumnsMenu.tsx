import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGISTER_COLUMNS, type RegisterColumn } from '../../../../contract/reports.ts';

/** Which columns the list shows; the reference always shows (it opens the request). */
export function ColumnsMenu({ columns, onChange }: { columns: RegisterColumn[]; onChange(c: string[]): void }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" trapFocus>
      <Popover.Target>
        <Button variant="default">{t('register.chooseColumns')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group label={t('register.chooseColumnsTitle')} value={columns} onChange={onChange}>
          <Stack gap={6} mt="xs">
            {REGISTER_COLUMNS.map((c) => (
              <Checkbox key={c} value={c} label={t(`register.columns.${c}`)} disabled={c === 'reference'} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
