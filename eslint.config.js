import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'native/**',
      'node_modules/**',
      'test-results/**',
      'migrations/**',
      '.data/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['*.config.*', 'test/e2e/vitest.config.ts', 'renderer/vite.config.ts', 'db/drizzle.config.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The renderer reaches the register only through the typed client: never the db or Electron code.
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/api/**', '**/electron/**', '**/cli/**', '**/web/**'],
              message: 'The renderer talks to the register through renderer/src/api/client.ts only.',
            },
            {
              group: ['node:*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'electron'],
              message: 'No Node or database modules in the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared with the renderer: pure TypeScript, zod and data packages only.
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/api/**', '**/electron/**', 'node:*', 'better-sqlite3', 'electron'],
              message: 'contract/ must stay free of Node and storage code.',
            },
          ],
        },
      ],
    },
  },
  {
    // SQL stays in db/: the handlers and shells use the Register interface.
    files: ['api/**/*.ts', 'electron/**/*.ts', 'web/**/*.ts', 'cli/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '**/db/schema*'],
              message: 'SQL and the schema stay inside db/.',
            },
          ],
        },
      ],
    },
  },
);
