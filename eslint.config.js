import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tend-output/', 'test/fixtures/', '.bench/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // src/core is shared: it never reaches into an action folder.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/doc-drift/**',
                '**/dep-health/**',
                '**/review-miner/**',
                '**/weekly-reflection/**',
                '**/cli/**',
              ],
              message: 'src/core must not import an action folder or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    // Analysis code never touches the runner toolkit: only main.ts and index.ts may.
    files: [
      'src/doc-drift/**/*.ts',
      'src/dep-health/**/*.ts',
      'src/review-miner/**/*.ts',
      'src/weekly-reflection/**/*.ts',
    ],
    ignores: ['src/*/index.ts', 'src/*/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*'],
              message: 'Analysis code takes effects through the RunContext, not @actions/*.',
            },
          ],
        },
      ],
    },
  },
);
