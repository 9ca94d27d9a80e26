import { Box, Code, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Ltr } from '../../i18n/Bidi.tsx';
import type { Direction, Kind } from '../../../../contract/codes.ts';
import { formatReference } from '../../../../contract/reference-pattern.ts';
import { referencePatternSchema } from '../../../../contract/settings.ts';
import { fieldProblems } from '../../../../contract/validate.ts';
import { problemText } from '../../components/error-text.ts';

/** The requests an office registers most, to show what the pattern makes of each. */
const SAMPLES: readonly { direction: Direction; kind: Kind }[] = [
  { direction: 'incoming', kind: 'mla' },
  { direction: 'outgoing', kind: 'mla' },
  { direction: 'outgoing', kind: 'preservation' },
  { direction: 'incoming', kind: 'emergency_disclosure' },
];

interface Props {
  value: string;
  onChange(value: string): void;
  /** A message from the last save attempt; the pattern's own rules are checked as one types. */
  error: string | undefined;
  year: number;
}

/** The reference pattern, checked and previewed with the contract's rules as the user types. */
export function ReferencePatternField({ value, onChange, error, year }: Props) {
  const { t } = useTranslation();
  const parsed = referencePatternSchema.safeParse(value);
  const problem = parsed.success ? undefined : fieldProblems(parsed.error)[0];
  const liveError = problem && problemText(t, problem);
  return (
    <Stack gap="xs">
      <TextInput
        label={t('settings.referencePattern')}
        description={t('settings.referencePatternHint')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        dir="ltr"
        error={liveError ?? error}
        required
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        maw={480}
        spellCheck={false}
      />
      <Text size="sm" fw={500} id="reference-preview-title">
        {t('settings.preview')}
      </Text>
      {parsed.success ? (
        <>
          <Text size="sm" c="dimmed">
            {t('settings.previewCaption', { year })}
          </Text>
          {/* In a box, so the table keeps its own width instead of stretching across the column. */}
          <Box>
            <Table withRowBorders={false} w="auto" aria-labelledby="reference-preview-title" verticalSpacing={2}>
              <Table.Tbody>
                {SAMPLES.map((s) => (
                  <Table.Tr key={`${s.direction}-${s.kind}`}>
                    <Table.Th scope="row" ps={0} fw={400}>
                      <Text size="sm">
                        {t(`direction.${s.direction}`)} · {t(`kind.${s.kind}`)}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Code>
                        <Ltr>{formatReference(parsed.data, { ...s, year, seq: 1 })}</Ltr>
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <Text size="xs" c="dimmed">
            {t('settings.previewExisting')}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('settings.previewInvalid')}
        </Text>
      )}
    </Stack>
  );
}
