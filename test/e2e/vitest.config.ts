import { defineConfig } from 'vitest/config';

// End-to-end: the real UI in Debian's Chromium against `npm run web`. Run after `npm run build`.
export default defineConfig({
  test: {
    name: 'e2e',
    root: `${import.meta.dirname}/../..`,
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
});
