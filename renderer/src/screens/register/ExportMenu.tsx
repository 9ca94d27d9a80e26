import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../../contract/dates.ts';
import type { RegisterColumn } from '../../../../contract/reports.ts';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../../i18n/languages.ts';
import { useApi } from '../../api/context.tsx';
import { produceFile } from './produce.ts';
import type { ValidSavedQuery } from './url.ts';
import { errorText } from '../../components/error-text.ts';

/** Exports what the list shows: every request matching the filters, with the columns chosen. */
export function ExportMenu({ query, columns }: { query: ValidSavedQuery; columns: RegisterColumn[] }) {
  const { t, i18n } = useTranslation();
  // Column names and labels in the language the person reads the app in.
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const api = useApi();
  const exportAs = (format: 'csv' | 'xlsx') =>
    produceFile({
      title: t('reports.export.dialogTitle'),
      name: t('reports.export.fileName', { today: localIsoDate() }),
      format,
      write: (target) => api.call('reports.list', { query, columns, format, language, target }),
      done: (written) => t('reports.export.done', { name: written.name }),
    }).catch((e: unknown) => notifications.show({ message: errorText(t, e), color: 'red' }));
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default">{t('reports.export.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('reports.export.hint')}</Menu.Label>
        <Menu.Item onClick={() => void exportAs('csv')}>{t('reports.export.csv')}</Menu.Item>
        <Menu.Item onClick={() => void exportAs('xlsx')}>{t('reports.export.xlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
