import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Ltr } from '../../i18n/Bidi.tsx';
import type { ImportReport } from '../../../../contract/interchange.ts';
import { problemText } from '../../components/error-text.ts';

/** Every problem of a check or an import, as the spreadsheet names its rows. */
export function ProblemsTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <>
      {/* It scrolls with nothing to focus in it: the keyboard scrolls it once it has the focus (WCAG 2.1.1). */}
      <Table.ScrollContainer
        minWidth={600}
        maxHeight={420}
        scrollAreaProps={{
          viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('interchange.check.caption') },
        }}
      >
        <Table striped stickyHeader captionSide="top">
          <Table.Caption ta="start">{t('interchange.check.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('interchange.check.row')}</Table.Th>
              <Table.Th w={200}>{t('interchange.check.column')}</Table.Th>
              <Table.Th>{t('interchange.check.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.problems.map((p, i) => (
              <Table.Tr key={`${p.row}-${p.column}-${i}`}>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>{p.column === '' ? t('interchange.check.wholeRow') : <Ltr>{p.column}</Ltr>}</Table.Td>
                <Table.Td>{problemText(t, p)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.moreProblems > 0 && <Text c="dimmed">{t('interchange.check.more', { count: report.moreProblems })}</Text>}
    </>
  );
}
