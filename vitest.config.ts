import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    // Servers on loopback and a real keychain: no test should take long, but a hung socket must not hang CI.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
