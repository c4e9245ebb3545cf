import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/parse-args.js';

describe('switchboard arguments', () => {
  it('runs the command after run, with or without --', () => {
    expect(parseArgs(['run', '--', 'opencode', 'run', '-m', 'litellm/x'])).toEqual({ kind: 'run', command: 'opencode', args: ['run', '-m', 'litellm/x'], override: false });
    expect(parseArgs(['run', 'opencode', '--help'])).toEqual({ kind: 'run', command: 'opencode', args: ['--help'], override: false });
  });

  it('takes --override before the command only; after it, the word is the command\'s', () => {
    expect(parseArgs(['run', '--override', '--', 'qwen'])).toEqual({ kind: 'run', command: 'qwen', args: [], override: true });
    expect(parseArgs(['run', '--override', 'qwen', '-p', 'hi'])).toEqual({ kind: 'run', command: 'qwen', args: ['-p', 'hi'], override: true });
    expect(parseArgs(['run', '--', 'env', '--override'])).toEqual({ kind: 'run', command: 'env', args: ['--override'], override: false });
    expect(parseArgs(['run', '--', '--override', 'x'])).toEqual({ kind: 'run', command: '--override', args: ['x'], override: false });
  });

  it('passes a later -- on to the command', () => {
    expect(parseArgs(['run', '--', 'env', '--', 'x'])).toEqual({ kind: 'run', command: 'env', args: ['--', 'x'], override: false });
  });

  it('shows help for --help, -h, help, and no arguments, also after key', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['key', '--help'], ['key', '-h']]) expect(parseArgs(argv)).toEqual({ kind: 'help' });
  });

  it('takes exactly one word after key, and never quotes a second one back', () => {
    expect(parseArgs(['key', 'custom:my-vllm'])).toEqual({ kind: 'key', instanceId: 'custom:my-vllm' });
    expect(parseArgs(['key'])).toEqual({ kind: 'usage-error', message: 'key needs an instance id, e.g. switchboard key litellm' });
    expect(parseArgs(['key', ''])).toMatchObject({ kind: 'usage-error' });
    expect(parseArgs(['key', 'litellm', 'sk-pasted-key'])).toEqual({ kind: 'usage-error', message: 'key takes one instance id and nothing after it' });
  });

  it('refuses run without a command, and unknown commands', () => {
    expect(parseArgs(['run'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/needs a command/) });
    expect(parseArgs(['run', '--'])).toMatchObject({ kind: 'usage-error' });
    expect(parseArgs(['launch'])).toEqual({ kind: 'usage-error', message: 'unknown command "launch"' });
  });
});
