import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Container, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { createDefaultClient } from '../../../renderer/src/api/client.ts';
import { useApi } from '../../../renderer/src/api/context.tsx';
import '../../../renderer/src/i18n/index.ts';
import { Providers } from '../../../renderer/src/Providers.tsx';
import { CorrespondenceTab } from '../../../renderer/src/screens/request/CorrespondenceTab.tsx';
import { DocumentsTab } from '../../../renderer/src/screens/request/DocumentsTab.tsx';

// A page that mounts the two tabs on their own, for the end-to-end test in real Chromium
// (same CSP, same web server) until the request screen mounts them itself.
function Story({ id }: { id: number }) {
  const api = useApi();
  const request = useQuery({ queryKey: ['requests.get', id], queryFn: () => api.call('requests.get', { id }) });
  if (!request.data) return null;
  return (
    <Container size="xl" py="md">
      <Stack gap="xl">
        <Title order={2}>{request.data.reference}</Title>
        <DocumentsTab request={request.data} />
        <CorrespondenceTab request={request.data} />
      </Stack>
    </Container>
  );
}

const id = Number(new URLSearchParams(window.location.search).get('request') ?? '1');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <Providers client={createDefaultClient()}>
      <Story id={id} />
    </Providers>,
  );
}
