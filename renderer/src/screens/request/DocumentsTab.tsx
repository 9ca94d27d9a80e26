import { Alert, Box, Button, Group, Loader, Overlay, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '../../../../contract/documents.ts';
import type { RequestDetail } from '../../../../contract/requests.ts';
import { useApi } from '../../api/context.tsx';
import { defaultCopyName, openDocument } from '../../api/documents.ts';
import { chooseFiles, chooseTarget, deliver, sourceOf } from '../../api/files.ts';
import { useCan } from '../../session/SessionContext.tsx';
import { AttachDialog, type PendingFile } from './documents/AttachDialog.tsx';
import { type CheckState, type DocumentActions, DocumentsTable } from './documents/DocumentsTable.tsx';
import { PreviewModal } from './documents/PreviewModal.tsx';
import { errorText } from '../../components/error-text.ts';

const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

/**
 * The request's documents: each with its SHA-256 and an integrity check; attached with the
 * button or by dropping files on the tab; previewed (PDF, pictures), opened outside as a copy,
 * or saved as a copy.
 */
export function DocumentsTab({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const [pending, setPending] = useState<PendingFile[] | null>(null);
  const [preview, setPreview] = useState<DocumentRecord | null>(null);
  const [dragging, setDragging] = useState(false);
  const mayAttach = useCan()('documents.attach');
  const [checks, setChecks] = useState<Record<number, CheckState>>({});
  const list = useQuery({
    queryKey: ['documents.list', request.id],
    queryFn: () => api.call('documents.list', { requestId: request.id }),
  });
  const documents = list.data ?? [];

  const fail = (doc: DocumentRecord, e: unknown) =>
    notifications.show({
      color: 'red',
      message: t('documents.actionFailed', { name: doc.originalName, message: errorText(t, e) }),
    });

  const check = async (doc: DocumentRecord) => {
    setChecks((c) => ({ ...c, [doc.id]: 'checking' }));
    try {
      const result = await api.call('documents.verify', { id: doc.id });
      setChecks((c) => ({ ...c, [doc.id]: result }));
    } catch (e) {
      setChecks((c) => ({ ...c, [doc.id]: { failed: errorText(t, e) } }));
    }
  };

  const actions: DocumentActions = {
    check: (doc) => void check(doc),
    preview: setPreview,
    open: (doc) => void openDocument(api, doc).catch((e: unknown) => fail(doc, e)),
    saveCopy: (doc) =>
      void (async () => {
        const name = doc.originalName;
        const target = await chooseTarget({
          title: t('documents.saveCopyTitle', { name }),
          defaultName: defaultCopyName(name),
        });
        if (!target) return;
        const written = await api.call('documents.saveCopy', { id: doc.id, target });
        await deliver(written);
        if (written.path)
          notifications.show({ color: 'green', message: t('documents.savedTo', { name, path: written.path }) });
      })().catch((e: unknown) => fail(doc, e)),
  };

  const attach = async () => {
    const picked = await chooseFiles({ title: t('documents.attachTitle'), multiple: true });
    if (picked.length > 0)
      setPending(picked.map((p) => ({ name: p.name, size: p.size, source: async () => p.source })));
  };

  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e) || !mayAttach) return;
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length === 0) return;
    setPending(files.map((f) => ({ name: f.name, size: f.size, source: async () => (await sourceOf(f)).source })));
  };

  return (
    <Box
      component="section"
      aria-label={t('documents.region', { reference: request.reference })}
      pos="relative"
      mih={200}
      onDragOver={(e: DragEvent) => {
        if (!hasFiles(e) || !mayAttach) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e: DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('documents.title')}
          </Title>
          <Group gap="xs">
            {documents.length > 0 && (
              <Button variant="default" size="xs" onClick={() => documents.forEach((d) => void check(d))}>
                {t('documents.checkAll')}
              </Button>
            )}
            {mayAttach && (
              <>
                <Text size="sm" c="dimmed">
                  {t('documents.dropHint')}
                </Text>
                <Button
                  size="xs"
                  onClick={() =>
                    void attach().catch((e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }))
                  }
                >
                  {t('documents.attach')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {list.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {list.isError && (
          <Alert color="red" role="alert">
            {t('documents.loadFailed', { message: errorText(t, list.error) })}
          </Alert>
        )}
        {list.isSuccess && documents.length === 0 && <Text c="dimmed">{t('documents.none')}</Text>}
        {documents.length > 0 && (
          <DocumentsTable reference={request.reference} documents={documents} checks={checks} actions={actions} />
        )}
      </Stack>
      {dragging && (
        <Overlay
          color="#eef2ff"
          backgroundOpacity={0.92}
          radius="sm"
          center
          style={{ border: '2px dashed var(--mantine-color-indigo-5)' }}
        >
          <Text fw={600} c="indigo.8" style={{ pointerEvents: 'none' }}>
            {t('documents.dropHere', { reference: request.reference })}
          </Text>
        </Overlay>
      )}
      {pending && (
        <AttachDialog
          request={request}
          files={pending}
          defaultType={documents.length === 0 ? 'request' : 'supplementary_information'}
          onClose={() => setPending(null)}
        />
      )}
      {preview && <PreviewModal document={preview} onClose={() => setPreview(null)} />}
    </Box>
  );
}
