import { DirectionProvider, MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { ApiClient } from './api/client.ts';
import { ApiProvider } from './api/context.tsx';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif',
});

/** Everything a screen needs around it; tests wrap screens in the same, with a fake client. */
interface ProvidersProps {
  client: ApiClient;
  children: ReactNode;
  /** 'test' turns off Mantine's transitions and portals for component tests. */
  env?: 'default' | 'test';
}

export function Providers({ client, children, env = 'default' }: ProvidersProps) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // The register is local: no refetch on focus, and a refused call is not retried.
        defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } },
      }),
  );
  return (
    <DirectionProvider>
      <MantineProvider theme={theme} env={env}>
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={client}>{children}</ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
