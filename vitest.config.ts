import { defineConfig } from 'vitest/config';

// One project per layer. Integration and e2e need a keychain, so `npm test` runs them inside
// scripts/with-keyring; unit tests need nothing but Node.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          // Component tests: React pieces with logic, rendered by Testing Library in a DOM (jsdom).
          name: 'component',
          include: ['test/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Each file starts its own server on port 0; two at a time suits 2 cores and argon2's memory.
          maxWorkers: 2,
        },
      },
      {
        test: {
          // What ships: the dependency split and the packed app.asar (electron-builder with a stand-in Electron).
          // Needs `electron-vite build` first; scripts/test-all.mjs builds before this layer.
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The real Electron app (packaged where `npm run dist` made one) against the reference server and the
          // OS keychain. Needs an Electron binary; where there is none it reports one skipped test.
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
