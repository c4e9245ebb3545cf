import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/parse-args.js';

describe('switchboard arguments', () => {
  it('runs the command after run, with or without --', () => {
    expect(parseArgs(['run', '--', 'opencode', 'run', '-m', 'litellm/x'])).toEqual({ kind: 'run', command: 'opencode', args: ['run', '-m', 'litellm/x'] });
    expect(parseArgs(['run', 'opencode', '--help'])).toEqual({ kind: 'run', command: 'opencode', args: ['--help'] });
  });

  it('passes a later -- on to the command', () => {
    expect(parseArgs(['run', '--', 'env', '--', 'x'])).toEqual({ kind: 'run', command: 'env', args: ['--', 'x'] });
  });

  it('shows help for --help, -h, help, and no arguments', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) expect(parseArgs(argv)).toEqual({ kind: 'help' });
  });

  it('refuses run without a command, and unknown commands', () => {
    expect(parseArgs(['run'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/needs a command/) });
    expect(parseArgs(['run', '--'])).toMatchObject({ kind: 'usage-error' });
    expect(parseArgs(['launch'])).toEqual({ kind: 'usage-error', message: 'unknown command "launch"' });
  });
});
