import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './focus.css';
import './i18n/fonts.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultClient } from './api/client.ts';
import { App } from './App.tsx';
import { Providers } from './Providers.tsx';
import { SessionGate } from './session/SessionGate.tsx';
import './i18n/index.ts';

const client = createDefaultClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <Providers client={client}>
      <SessionGate>
        <App />
      </SessionGate>
    </Providers>
  </StrictMode>,
);
