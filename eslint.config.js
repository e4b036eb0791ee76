// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Node built-ins that do I/O or read the clock: core must stay pure (no files, sockets, processes).
const ioModules = ['fs', 'fs/promises', 'net', 'http', 'https', 'child_process', 'os', 'dgram', 'dns', 'tls', 'worker_threads', 'cluster', 'readline', 'process'];
const ioPatterns = ioModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '**/testdata/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Import boundary: core imports nothing of ours and does no I/O (tests may read fixtures).
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@patchloop/*'], message: 'core imports nothing of ours: it is the innermost layer.' }],
        paths: ioPatterns.map((name) => ({ name, message: 'core is pure: no I/O, no clock. Pass data or a Clock in.' })),
      }],
    },
  },
  {
    // store, inventory and feeds import core only, never the server or the CLI.
    files: ['packages/{store,inventory,feeds}/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@patchloop/server', '@patchloop/cli', '@patchloop/server/*', '@patchloop/cli/*'], message: 'store/inventory/feeds import core only.' }],
      }],
    },
  },
  {
    // The agent runs on every host: core and inventory only (no database drivers, no server).
    files: ['packages/agent/src/**/*.ts'],
    ignores: ['packages/agent/src/**/*.test.ts', 'packages/agent/src/**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@patchloop/store', '@patchloop/store/*', '@patchloop/server', '@patchloop/server/*', '@patchloop/cli', '@patchloop/feeds', 'better-sqlite3', 'pg', 'kysely'], message: 'the agent imports core and inventory only.' }],
      }],
    },
  },
  {
    // The server is wired by the CLI, never the reverse.
    files: ['packages/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@patchloop/cli', '@patchloop/cli/*'], message: 'server must not import the CLI.' }] }],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
