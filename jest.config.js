/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true, diagnostics: false }],
  },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEND_LIVE === '1' ? [] : ['\\.live\\.test\\.ts$']),
  ],
  setupFiles: ['<rootDir>/test/support/block-network.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
