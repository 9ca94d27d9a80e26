import {
  ActionIcon,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord, Verification } from '../../../../../contract/documents.ts';
import { previewKind } from '../../../api/documents.ts';
import { Isolate, Ltr } from '../../../i18n/Bidi.tsx';
import { formatDate, languageOf } from '../../../i18n/format.ts';
import { formatMoment, formatSize } from './format.ts';
import { PREVIEW_LIMIT_BYTES } from './PreviewModal.tsx';
import { usePersonName } from '../../../api/person-names.ts';

export type CheckState = 'checking' | Verification | { failed: string };

export interface DocumentActions {
  check(doc: DocumentRecord): void;
  preview(doc: DocumentRecord): void;
  open(doc: DocumentRecord): void;
  saveCopy(doc: DocumentRecord): void;
}

/** The SHA-256 in monospace: its start, the whole on hover or when expanded, and a copy button. */
function Hash({ doc }: { doc: DocumentRecord }) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const name = doc.originalName;
  const shown = full ? doc.sha256 : `${doc.sha256.slice(0, 12)}…`;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      {/* Named by what it shows, then what it does (WCAG 2.5.3: the name holds the visible text). */}
      <UnstyledButton
        onClick={() => setFull((f) => !f)}
        aria-expanded={full}
        aria-label={`${shown} ${full ? t('documents.hideHash', { name }) : t('documents.showHash', { name })}`}
        title={doc.sha256}
      >
        <Code
          style={{
            display: 'inline-block',
            wordBreak: 'break-all',
            whiteSpace: 'normal',
            maxWidth: full ? '17rem' : undefined,
          }}
        >
          <Ltr>{shown}</Ltr>
        </Code>
      </UnstyledButton>
      <CopyButton value={doc.sha256}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('documents.copied') : t('documents.copyHash', { name })} withArrow>
            <ActionIcon
              variant="subtle"
              size="sm"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={t('documents.copyHash', { name })}
            >
              {/* Two sheets, drawn inline: no icon package for one glyph. */}
              <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor">
                <rect x="8" y="8" width="12" height="12" rx="2" strokeWidth="2" />
                <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" strokeWidth="2" />
              </svg>
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

function Integrity({ doc, state, onCheck }: { doc: DocumentRecord; state: CheckState | undefined; onCheck(): void }) {
  const { t, i18n } = useTranslation();
  if (state === 'checking')
    return <Loader size="xs" aria-label={t('documents.checkLabel', { name: doc.originalName })} />;
  if (state === undefined || 'failed' in state) {
    return (
      <Tooltip label={state?.failed ?? t('documents.checkLabel', { name: doc.originalName })} withArrow>
        <Button
          size="compact-xs"
          variant="default"
          onClick={onCheck}
          aria-label={t('documents.checkLabel', { name: doc.originalName })}
        >
          {t('documents.check')}
        </Button>
      </Tooltip>
    );
  }
  const checked = t('documents.checkedAt', { at: formatMoment(state.checkedAt, i18n.language) });
  const detail = state.intact
    ? checked
    : `${state.missing ? t('documents.missingDetail') : t('documents.alteredDetail', { sha256: state.actualSha256 })} ${checked}`;
  const label = state.intact ? t('documents.intact') : state.missing ? t('documents.missing') : t('documents.altered');
  return (
    <Tooltip label={detail} multiline w={280} withArrow>
      <Badge
        color={state.intact ? 'teal' : 'red'}
        variant={state.intact ? 'light' : 'filled'}
        tabIndex={0}
        style={{ overflow: 'visible' }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}

interface Props {
  reference: string;
  documents: DocumentRecord[];
  checks: Record<number, CheckState>;
  actions: DocumentActions;
}

export function DocumentsTable({ reference, documents, checks, actions }: Props) {
  const { t, i18n } = useTranslation();
  const nameOf = usePersonName();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table aria-label={t('documents.table', { reference })} verticalSpacing="xs" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('documents.date')}</Table.Th>
            <Table.Th>{t('documents.file')}</Table.Th>
            <Table.Th>{t('documents.type')}</Table.Th>
            <Table.Th>{t('documents.direction')}</Table.Th>
            <Table.Th ta="end">{t('documents.size')}</Table.Th>
            <Table.Th>{t('documents.sha256')}</Table.Th>
            <Table.Th>{t('documents.added')}</Table.Th>
            <Table.Th>{t('documents.integrity')}</Table.Th>
            <Table.Th>{t('documents.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((doc) => {
            const name = doc.originalName;
            const canPreview = previewKind(doc.mediaType) !== null && doc.size <= PREVIEW_LIMIT_BYTES;
            return (
              <Table.Tr key={doc.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(doc.documentDate, languageOf(i18n.language))}
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    <Isolate>{name}</Isolate>
                  </Text>
                  {doc.note && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      <Isolate>{doc.note}</Isolate>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`documentType.${doc.type}`)}</Table.Td>
                <Table.Td>{t(`documentDirection.${doc.direction}`)}</Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                  {formatSize(doc.size, i18n.language)}
                </Table.Td>
                <Table.Td>
                  <Hash doc={doc} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <Isolate>{nameOf(doc.addedBy)}</Isolate>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatMoment(doc.addedAt, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td miw={100}>
                  <Integrity doc={doc} state={checks[doc.id]} onCheck={() => actions.check(doc)} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {canPreview && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => actions.preview(doc)}
                        aria-label={t('documents.previewLabel', { name })}
                      >
                        {t('documents.preview')}
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => actions.open(doc)}
                      aria-label={t('documents.openLabel', { name })}
                    >
                      {t('documents.open')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => actions.saveCopy(doc)}
                      aria-label={t('documents.saveCopyLabel', { name })}
                    >
                      {t('documents.saveCopy')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
