import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type ColumnMapping,
  INTERCHANGE_COLUMNS,
  type Inspection,
  type InterchangeColumn,
} from '../../../../contract/interchange.ts';

/** Free-text columns wrap; codes, dates and references stay on one line. */
const PROSE = new Set<InterchangeColumn>([
  'counterpart_authority',
  'domestic_authority',
  'legal_basis_detail',
  'offence_description',
  'assistance',
  'refusal_grounds',
  'summary',
]);

/** The first rows as the import will read them: under our columns, in the spec's order. */
export function PreviewStep({ inspection, mapping }: { inspection: Inspection; mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const shown = INTERCHANGE_COLUMNS.flatMap((column) => {
    const position = inspection.headers.findIndex((h) => mapping[h] === column);
    return position === -1 ? [] : [{ column, position }];
  });
  if (inspection.sampleRows.length === 0) return <Text c="dimmed">{t('interchange.preview.none')}</Text>;
  // It scrolls with nothing to focus in it: the keyboard scrolls it once it has the focus (WCAG 2.1.1).
  return (
    <Table.ScrollContainer
      minWidth={600}
      maxHeight={460}
      scrollAreaProps={{
        viewportProps: {
          tabIndex: 0,
          role: 'region',
          'aria-label': t('interchange.preview.caption', { count: inspection.sampleRows.length }),
        },
      }}
    >
      <Table striped stickyHeader captionSide="top" fz="xs">
        <Table.Caption ta="start">
          {t('interchange.preview.caption', { count: inspection.sampleRows.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {shown.map(({ column }) => (
              <Table.Th key={column}>{t(`interchange.columns.${column}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.sampleRows.map((cells, r) => (
            <Table.Tr key={r}>
              {shown.map(({ column, position }) => (
                <Table.Td key={column} style={PROSE.has(column) ? undefined : { whiteSpace: 'nowrap' }}>
                  <Text size="xs" lineClamp={2} miw={PROSE.has(column) ? 160 : undefined} dir="auto">
                    {cells[position] ?? ''}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
