import { Alert, Box, Group, Image, Loader, Modal, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '../../../../../contract/documents.ts';
import { fetchDocument, previewKind } from '../../../api/documents.ts';
import type { PdfPreview } from './pdf.ts';
import { useReturnFocus } from '../../../components/useReturnFocus.ts';
import { errorText } from '../../../components/error-text.ts';

/** Larger files are opened outside: a preview holds the whole file in the page's memory. */
export const PREVIEW_LIMIT_BYTES = 100 * 1024 * 1024;

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'image'; url: string }
  | { status: 'pdf'; pages: number; shown: number };

/**
 * Shows a PDF (pages drawn by pdf.js on canvases) or a picture (<img> from a blob: URL) from
 * the stored bytes. Nothing in the file runs: no iframe, no object, no script.
 */
export function PreviewModal({ document: doc, onClose }: { document: DocumentRecord; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const [state, setState] = useState<State>({ status: 'loading' });
  const pagesRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    let pdf: PdfPreview | null = null;
    const kind = previewKind(doc.mediaType);
    void (async () => {
      if (doc.size > PREVIEW_LIMIT_BYTES || kind === null) throw new Error(t('documents.previewTooLarge'));
      const blob = await fetchDocument(doc.id);
      if (cancelled) return;
      if (kind === 'image') {
        // The type is set here, from the allow-list, whatever the response said.
        url = URL.createObjectURL(new Blob([blob], { type: doc.mediaType }));
        setState({ status: 'image', url });
        return;
      }
      const { loadPdf, MAX_PREVIEW_PAGES } = await import('./pdf.ts');
      pdf = await loadPdf(await blob.arrayBuffer());
      if (cancelled) return pdf.destroy();
      setState({ status: 'pdf', pages: pdf.pages, shown: Math.min(pdf.pages, MAX_PREVIEW_PAGES) });
      const container = pagesRef.current;
      if (!container) return;
      container.replaceChildren();
      const width = Math.max(320, Math.min(container.clientWidth || 900, 1100));
      await pdf.render(container, width, (page) => t('documents.page', { page, pages: pdf?.pages ?? 0 }));
    })().catch((e: unknown) => {
      if (!cancelled) setState({ status: 'failed', message: errorText(t, e) });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
      pdf?.destroy();
    };
  }, [doc, t]);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('documents.previewTitle', { name: doc.originalName })}
      size="min(72rem, calc(100vw - 4rem))"
      closeButtonProps={{ 'aria-label': t('documents.close') }}
    >
      {state.status === 'loading' && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('documents.previewLoading')}</Text>
        </Group>
      )}
      {state.status === 'failed' && (
        <Alert color="red" role="alert">
          {t('documents.previewFailed', { message: state.message })}
        </Alert>
      )}
      {state.status === 'image' && (
        // Natural size, never enlarged: a blown-up scan suggests detail that is not there.
        <Image src={state.url} alt={doc.originalName} fit="contain" w="auto" maw="100%" mah="75vh" mx="auto" />
      )}
      {state.status === 'pdf' && state.shown < state.pages && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('documents.pagesShown', { shown: state.shown, pages: state.pages })}
        </Text>
      )}
      {/* pdf.js draws into this box; it stays mounted so the effect can find it. */}
      <Box ref={pagesRef} data-testid="pdf-pages" bg="gray.1" p={state.status === 'pdf' ? 'sm' : 0} />
    </Modal>
  );
}
