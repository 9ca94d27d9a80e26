import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../../contract/requests.ts';
import { useApi } from '../../../api/context.tsx';
import { chooseTarget, deliver } from '../../../api/files.ts';
import { errorText } from '../../../components/error-text.ts';
import { languageOf } from '../../../i18n/format.ts';
import { LettersDialog } from './LettersDialog.tsx';

/**
 * The request screen's letters and the one-click case summary: "Letters…" opens the letters
 * of the request; "Case summary (PDF)" writes the whole request on paper, in the screen's
 * language, to a file the person chooses.
 */
export function RequestLetterActions({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const summary = async () => {
    const target = await chooseTarget({
      title: t('letters.caseSummaryTitle'),
      defaultName: t('letters.caseSummaryFile', { reference: request.reference }),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!target) return;
    setBusy(true);
    try {
      const written = await api.call('letters.caseSummary', {
        requestId: request.id,
        language: languageOf(i18n.language),
        target,
      });
      await deliver(written);
      notifications.show({ color: 'green', message: t('letters.caseSummaryDone', { name: written.name }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="xs">
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('letters.open')}
      </Button>
      <Button
        variant="default"
        loading={busy}
        onClick={() =>
          void summary().catch((e: unknown) => notifications.show({ color: 'red', message: errorText(t, e) }))
        }
      >
        {t('letters.caseSummary')}
      </Button>
      {open && <LettersDialog request={request} onClose={() => setOpen(false)} />}
    </Group>
  );
}
