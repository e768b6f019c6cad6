// Lint rules, with the layer boundaries enforced here rather than by discipline: shared/ imports
// nothing from Node or the DOM, the renderer never reaches Node, SQLite or Electron, and only the
// Electron shell files import 'electron'.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'http',
  'crypto',
  'child_process',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['electron/**', 'bench/**', 'scripts/**', 'test/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeModules, 'electron', 'better-sqlite3', 'react', 'react-dom', 'antd'],
              message: 'shared/ is pure TypeScript: no Node, DOM, UI or database imports.',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ must not depend on either side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hook rules; the compiler-oriented ones flag plain fetch-in-effect loading.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeModules, 'electron', 'better-sqlite3'],
              message: 'The renderer runs in a browser sandbox: reach the core through api.call.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the core only through the API client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/print.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                "Only main.ts, preload.ts and print.ts may import 'electron'; the core runs under plain Node.",
            },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'The core does not import the renderer.' },
          ],
        },
      ],
    },
  },
);
