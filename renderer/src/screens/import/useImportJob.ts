import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../contract/channels.ts';
import type { ImportJob } from '../../../../contract/channels/interchange.ts';
import { useApi } from '../../api/context.tsx';
import { errorText, messageText } from '../../components/error-text.ts';

const POLL_MS = 250;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs an import (or a dry run) and follows it: the call only starts the job, which the
 * register works through in the background; this asks how far it got until it is done.
 */
export function useImportJob() {
  const { t } = useTranslation();
  const api = useApi();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: ChannelInput<'interchange.import'>): Promise<ImportJob | null> => {
      setRunning(true);
      setJob(null);
      setError(null);
      try {
        const { jobId } = await api.call('interchange.import', input);
        for (;;) {
          const state = await api.call('interchange.progress', { jobId });
          if (!mounted.current) return null;
          setJob(state);
          if (state.state === 'failed') setError(state.failure ? messageText(t, state.failure) : state.error);
          if (state.state !== 'running') return state;
          await pause(POLL_MS);
        }
      } catch (e) {
        if (mounted.current) setError(errorText(t, e));
        return null;
      } finally {
        if (mounted.current) setRunning(false);
      }
    },
    [api, t],
  );

  const reset = useCallback(() => {
    setJob(null);
    setError(null);
  }, []);

  return { job, error, running, run, reset };
}
