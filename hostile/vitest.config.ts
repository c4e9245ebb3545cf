import { defineConfig } from 'vitest/config';

/**
 * The hostile suite: tables of inputs and faults an attacker, a broken server
 * or a crash would bring, each run against the real thing (the built browser
 * host as a process, the config writer on real files, the real keychain).
 * Its reporter closes with one line: passed, failed, crashes, leaks, lost.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['cases/**/*.hostile.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['dot', './support/hostile-reporter.ts'],
  },
});
