import type { Reporter, TestModule } from 'vitest/node';
import type { HostileMeta } from './damage.js';

/** Closes the hostile suite with its one line: `hostile: P passed, F failed | crashes C | leaks L | lost S`. */
export default class HostileReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const totals = { passed: 0, failed: 0, crashes: 0, leaks: 0, lost: 0 };
    for (const module of testModules) {
      for (const testCase of module.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') totals.passed += 1;
        if (state === 'failed') totals.failed += 1;
        const damage = (testCase.meta() as HostileMeta).hostile;
        totals.crashes += damage?.crashes ?? 0;
        totals.leaks += damage?.leaks ?? 0;
        totals.lost += damage?.lost ?? 0;
      }
      // A file that failed to load ran no case: count it, so it cannot pass unseen.
      if (module.state() === 'failed' && module.children.size === 0) totals.failed += 1;
    }
    process.stdout.write(
      `\nhostile: ${totals.passed} passed, ${totals.failed} failed | crashes ${totals.crashes} | leaks ${totals.leaks} | lost ${totals.lost}\n`,
    );
  }
}
