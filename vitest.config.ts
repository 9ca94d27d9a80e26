import os from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit and component tests. The end-to-end tests (real Chromium) have their own config.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine,
    // with the main process mostly idle. Two workers there take the suite from 9 to 6 minutes.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{contract,db,api,cli,electron,web,build,crash,i18n}/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          css: false,
          // A screen test types whole forms through user-event; on a loaded 2-core machine that
          // alone can take several seconds, which says nothing about the screen.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
