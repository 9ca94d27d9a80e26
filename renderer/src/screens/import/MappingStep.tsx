import { Alert, Select, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ColumnMapping,
  INTERCHANGE_COLUMNS,
  type Inspection,
  type InterchangeColumn,
  REQUIRED_COLUMNS,
} from '../../../../contract/interchange.ts';

/** Mantine's Select holds strings: this one stands for "leave the column out". */
const LEAVE_OUT = '-';
const REQUIRED = new Set<string>(REQUIRED_COLUMNS);

/** What is wrong with a mapping: required columns nobody maps to, and columns mapped twice. */
export function mappingGaps(mapping: ColumnMapping): { missing: InterchangeColumn[]; twice: Set<InterchangeColumn> } {
  const used = Object.values(mapping).filter((c): c is InterchangeColumn => c !== null);
  const twice = new Set(used.filter((c, i) => used.indexOf(c) !== i));
  return { missing: REQUIRED_COLUMNS.filter((c) => !used.includes(c)), twice };
}

export function MappingStep({
  inspection,
  mapping,
  onChange,
}: {
  inspection: Inspection;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const options = useMemo(
    () => [
      { value: LEAVE_OUT, label: t('interchange.mapping.ignore') },
      ...INTERCHANGE_COLUMNS.map((c) => ({
        value: c,
        label: `${t(`interchange.columns.${c}`)} (${c})${REQUIRED.has(c) ? ' *' : ''}`,
      })),
    ],
    [t],
  );
  const { missing, twice } = mappingGaps(mapping);
  const first = inspection.sampleRows[0] ?? [];

  return (
    <>
      {missing.length > 0 && (
        <Alert color="orange" role="status">
          {t('interchange.mapping.missing', { columns: missing.join(', ') })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table captionSide="top" verticalSpacing={4}>
          <Table.Caption ta="start">{t('interchange.mapping.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('interchange.mapping.theirs')}</Table.Th>
              <Table.Th>{t('interchange.mapping.example')}</Table.Th>
              <Table.Th w={360}>{t('interchange.mapping.ours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspection.headers.map((header, i) => {
              const column = mapping[header] ?? null;
              return (
                <Table.Tr key={`${header}-${i}`}>
                  <Table.Td fw={500}>{header}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1} maw={260}>
                      {first[i] ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('interchange.mapping.selectLabel', { header })}
                      data={options}
                      value={column ?? LEAVE_OUT}
                      onChange={(v) =>
                        onChange({
                          ...mapping,
                          [header]: v === null || v === LEAVE_OUT ? null : (v as InterchangeColumn),
                        })
                      }
                      allowDeselect={false}
                      searchable
                      size="xs"
                      error={
                        column !== null && twice.has(column)
                          ? t('interchange.mapping.duplicate', { column })
                          : undefined
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
