import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const lastResort = fileURLToPath(new URL('../../src/browser-host/last-resort.ts', import.meta.url));
const SECRET = 'sk-last-resort-secret-4242';

describe('the browser host last resort', () => {
  it('logs an uncaught error and an unhandled rejection by name only, and the process keeps running', () => {
    // A real process: what is under test is that Node does not exit.
    const script = `
      const { keepServingOnUnexpectedErrors } = await import(${JSON.stringify(lastResort)});
      keepServingOnUnexpectedErrors((line) => console.error(line));
      setTimeout(() => { throw new RangeError('thrown with ${SECRET}'); }, 10);
      void Promise.reject(new TypeError('rejected with ${SECRET}'));
      setTimeout(() => console.log('still serving'), 200);
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000 });
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('still serving');
    expect(child.stderr).toContain('an unexpected error was not handled (RangeError); the host keeps running');
    expect(child.stderr).toContain('an unexpected rejection was not handled (TypeError); the host keeps running');
    expect(child.stderr + child.stdout).not.toContain(SECRET);
  });
});
