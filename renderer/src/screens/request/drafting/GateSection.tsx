import { Alert, Button, List, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompletenessItem } from '../../../../../contract/completeness.ts';
import { autoDir } from '../../../i18n/Bidi.tsx';

interface Props {
  /** The essential elements the request lacks (contract/completeness.ts). */
  missing: readonly CompletenessItem[];
  reason: string;
  onReasonChange(reason: string): void;
  error?: string | undefined;
  /** Leaves the move to complete the request first (absent when the person cannot edit it). */
  onCompleteFirst?: (() => void) | undefined;
}

/**
 * In the dialog of a move that takes an outgoing request out of drafting: what the request lacks,
 * and the reason the officer moves it on anyway (the register records it with the move).
 */
export function GateSection({ missing, reason, onReasonChange, error, onCompleteFirst }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="orange" role="alert" title={t('drafting.gate.lacks')}>
        <List size="sm" aria-label={t('drafting.gate.lacks')}>
          {missing.map((item) => (
            <List.Item key={item.code} data-code={item.code}>
              {t(`drafting.element.${item.code}`)}
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="xs">
          {t('drafting.gate.recordedReason')}
        </Text>
        {onCompleteFirst && (
          <Button variant="default" size="xs" mt="xs" onClick={onCompleteFirst}>
            {t('drafting.gate.completeFirst')}
          </Button>
        )}
      </Alert>
      <Textarea
        label={t('drafting.gate.overrideReason')}
        value={reason}
        dir={autoDir(reason)}
        onChange={(e) => onReasonChange(e.currentTarget.value)}
        error={error}
        required
        autosize
        minRows={2}
      />
    </Stack>
  );
}
