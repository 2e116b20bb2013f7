import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'tests/fixtures/**/*.js', 'test-results/**', 'scratch/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain core runs in Node, in a browser worker and in tests: no I/O, no UI, no Electron.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', 'fs', 'path', 'react', 'react-dom', 'dexie', 'zustand', 'ag-grid-*', 'chokidar', 'exceljs'], message: 'src/core is pure domain code: pass data in, do I/O in src/main, src/node or src/renderer.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/node/**', '**/cli/**'], message: 'Dependencies point inward to core, never outward.' },
          ],
        },
      ],
    },
  },
  {
    // DOCX/XLSX readers: bytes in, document out, so they also run in a browser worker.
    files: ['src/formats/**/*.ts'],
    ignores: ['src/formats/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', 'fs', 'path', 'react', 'react-dom', 'dexie', 'zustand', 'ag-grid-*', 'chokidar'], message: 'src/formats is pure byte-in/document-out code: do I/O in src/node or src/main.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/node/**', '**/cli/**'], message: 'Dependencies point inward, never outward.' },
          ],
        },
      ],
    },
  },
  {
    // The workbook builder runs in Node (CLI) and in the renderer: bytes out, no I/O.
    files: ['src/export/**/*.ts'],
    ignores: ['src/export/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', 'fs', 'path', 'react', 'react-dom', 'dexie', 'zustand', 'ag-grid-*', 'chokidar'], message: 'src/export builds bytes in Node and in the browser: do I/O in src/node, src/main or src/renderer.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/node/**', '**/cli/**'], message: 'Dependencies point inward, never outward.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'node:*', '**/main/**'], message: 'The renderer talks to main only through the preload API (src/shared/ipc-contract.ts).' }] },
      ],
    },
  },
);
