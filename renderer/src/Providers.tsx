import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from './api/client.ts';
import { ApiProvider } from './api/context.tsx';
import { LanguageDirection, useTextDirection } from './i18n/LanguageDirection.tsx';
import { cssVariablesResolver, themeFor } from './theme.ts';

/** Everything a screen needs around it; tests wrap screens in the same, with a fake client. */
interface ProvidersProps {
  client: ApiClient;
  children: ReactNode;
  /** 'test' turns off Mantine's transitions and portals for component tests. */
  env?: 'default' | 'test';
}

export function Providers({ client, children, env = 'default' }: ProvidersProps) {
  const { t } = useTranslation();
  const theme = useMemo(() => themeFor(t), [t]);
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // The register is local: no refetch on focus, and a refused call is not retried.
        defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } },
      }),
  );
  const direction = useTextDirection();
  return (
    <DirectionProvider initialDirection={direction}>
      <LanguageDirection />
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env={env}>
        <Notifications position={direction === 'rtl' ? 'bottom-left' : 'bottom-right'} />
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={client}>{children}</ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
