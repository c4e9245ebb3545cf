import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliContext } from '../src/cli.js';
import { KeychainUnavailableError, type SecretStore } from '@switchboard/core';

const execFileAsync = promisify(execFile);
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
  folders.push(dir);
  return dir;
}

function memoryStore(keys: Record<string, string>): SecretStore {
  return {
    get: async (account) => keys[account] ?? null,
    set: async () => undefined,
    delete: async () => undefined,
  };
}

const VARIABLES = ['LITELLM_API_KEY', 'OPENROUTER_API_KEY', 'SWITCHBOARD_MY_VLLM_API_KEY'];
// A child that writes the key variables it sees into a file: its stdout is the test runner's.
const REPORT_ENV = `require('node:fs').writeFileSync(process.argv[1], JSON.stringify(Object.fromEntries(${JSON.stringify(VARIABLES)}.map((n) => [n, process.env[n] ?? null]))))`;

async function setup(keys: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  const dir = await tempDir();
  const output: string[] = [];
  const errors: string[] = [];
  const context: CliContext = {
    env: { PATH: process.env['PATH'], SWITCHBOARD_USER_DATA: dir, ...env },
    cwd: dir,
    print: (text) => output.push(text),
    reportError: (line) => errors.push(line),
    secrets: memoryStore(keys),
  };
  const seen = async () => JSON.parse(await readFile(join(dir, 'env.json'), 'utf8')) as Record<string, string | null>;
  const runNode = (script: string, ...args: string[]) => runCli(['run', '--', process.execPath, '-e', script, ...args], context);
  return { dir, context, output, errors, seen, runNode };
}

describe('switchboard run', () => {
  it('sets the variable of each platform with a stored key, and no other', async () => {
    const { dir, runNode, seen, errors } = await setup({ litellm: 'sk-lite-1' });
    expect(await runNode(REPORT_ENV, join(dir, 'env.json'))).toEqual({ exitCode: 0 });
    expect(await seen()).toEqual({ LITELLM_API_KEY: 'sk-lite-1', OPENROUTER_API_KEY: null, SWITCHBOARD_MY_VLLM_API_KEY: null });
    expect(errors).toEqual([]);
  });

  it('finds custom endpoints in the settings of SWITCHBOARD_USER_DATA', async () => {
    const { dir, runNode, seen } = await setup({ openrouter: 'sk-or-2', 'custom:my-vllm': 'vllm-3' });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ platforms: { 'custom:my-vllm': { url: 'http://gpu:8000', selectedModel: null } } }));
    await runNode(REPORT_ENV, join(dir, 'env.json'));
    expect(await seen()).toEqual({ LITELLM_API_KEY: null, OPENROUTER_API_KEY: 'sk-or-2', SWITCHBOARD_MY_VLLM_API_KEY: 'vllm-3' });
  });

  it('keeps a variable the person set, names it (never its value) on standard error, and sets the rest', async () => {
    const { dir, runNode, seen, errors } = await setup({ litellm: 'sk-stored', openrouter: 'sk-or-stored' }, { LITELLM_API_KEY: 'sk-shell' });
    expect(await runNode(REPORT_ENV, join(dir, 'env.json'))).toEqual({ exitCode: 0 });
    expect(await seen()).toMatchObject({ LITELLM_API_KEY: 'sk-shell', OPENROUTER_API_KEY: 'sk-or-stored' });
    expect(errors).toEqual(["switchboard: kept LITELLM_API_KEY as already set in the environment; run with --override to use Switchboard's instead."]);
  });

  it('with --override, sets the stored key over the one already set', async () => {
    const { dir, context, seen, errors } = await setup({ litellm: 'sk-stored' }, { LITELLM_API_KEY: 'sk-shell' });
    await runCli(['run', '--override', '--', process.execPath, '-e', REPORT_ENV, join(dir, 'env.json')], context);
    expect((await seen())['LITELLM_API_KEY']).toBe('sk-stored');
    expect(errors).toEqual([]);
  });

  it('says nothing about a variable that already holds the stored key (a nested switchboard run), and fills an empty one', async () => {
    const { dir, runNode, seen, errors } = await setup({ litellm: 'sk-stored', openrouter: 'sk-or-stored' }, { LITELLM_API_KEY: 'sk-stored', OPENROUTER_API_KEY: '' });
    await runNode(REPORT_ENV, join(dir, 'env.json'));
    expect(await seen()).toMatchObject({ LITELLM_API_KEY: 'sk-stored', OPENROUTER_API_KEY: 'sk-or-stored' });
    expect(errors).toEqual([]);
  });

  it("sets each secret custom header's variable from the keychain, for the platform that has it, and neither a plain header nor one without a stored value", async () => {
    const { dir, runNode, errors } = await setup({ 'litellm#header:x-team-token': 'tok-team-9', 'custom:my-vllm#header:cf-access-client-secret': 'cf-secret-4' });
    const saved = { url: 'http://gpu:8000', selectedModel: null };
    const headers = (entries: unknown[]) => ({ caFile: null, headers: entries });
    // The headers sit beside the connections (settings v5's network.platforms), by the same instance id.
    const network = {
      platforms: {
        litellm: headers([{ name: 'X-Team-Token', secret: true }, { name: 'X-Team', secret: false, value: 'blue' }, { name: 'X-Unset', secret: true }]),
        'custom:my-vllm': headers([{ name: 'CF-Access-Client-Secret', secret: true }]),
      },
    };
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ platforms: { litellm: saved, 'custom:my-vllm': saved }, network }));
    const names = ['SWITCHBOARD_LITELLM_HEADER_X_TEAM_TOKEN', 'SWITCHBOARD_MY_VLLM_HEADER_CF_ACCESS_CLIENT_SECRET', 'SWITCHBOARD_LITELLM_HEADER_X_TEAM', 'SWITCHBOARD_LITELLM_HEADER_X_UNSET'];
    const report = `require('node:fs').writeFileSync(process.argv[1], JSON.stringify(Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, process.env[n] ?? null]))))`;
    expect(await runNode(report, join(dir, 'env.json'))).toEqual({ exitCode: 0 });
    expect(JSON.parse(await readFile(join(dir, 'env.json'), 'utf8'))).toEqual({
      SWITCHBOARD_LITELLM_HEADER_X_TEAM_TOKEN: 'tok-team-9',
      SWITCHBOARD_MY_VLLM_HEADER_CF_ACCESS_CLIENT_SECRET: 'cf-secret-4',
      SWITCHBOARD_LITELLM_HEADER_X_TEAM: null,
      SWITCHBOARD_LITELLM_HEADER_X_UNSET: null,
    });
    expect(errors).toEqual([]);
  });

  it('ignores a settings file it cannot read', async () => {
    const { dir, runNode, seen } = await setup({ litellm: 'k' });
    await writeFile(join(dir, 'settings.json'), '{ not json');
    expect(await runNode(REPORT_ENV, join(dir, 'env.json'))).toEqual({ exitCode: 0 });
    expect((await seen())['LITELLM_API_KEY']).toBe('k');
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('{ not json');
  });

  it('neither waits on a named pipe nor follows a link where the settings file should be', async () => {
    const { dir, runNode, seen } = await setup({ litellm: 'k', 'custom:my-vllm': 'other' });
    await execFileAsync('mkfifo', [join(dir, 'settings.json')]);
    expect(await runNode(REPORT_ENV, join(dir, 'env.json'))).toEqual({ exitCode: 0 });
    expect((await seen())['LITELLM_API_KEY']).toBe('k');
    await rm(join(dir, 'settings.json'));
    const elsewhere = join(dir, 'elsewhere.json');
    await writeFile(elsewhere, JSON.stringify({ platforms: { 'custom:my-vllm': { url: 'http://gpu:8000', selectedModel: null } } }));
    await symlink(elsewhere, join(dir, 'settings.json'));
    expect(await runNode(REPORT_ENV, join(dir, 'env.json'))).toEqual({ exitCode: 0 });
    // Followed, the link would have named the endpoint and its key would be set.
    expect((await seen())['SWITCHBOARD_MY_VLLM_API_KEY']).toBeNull();
  });

  it('passes the command\'s exit status on, and how it died', async () => {
    const { runNode } = await setup({});
    expect(await runNode('process.exit(3)')).toEqual({ exitCode: 3 });
    expect(await runNode("process.kill(process.pid, 'SIGTERM')")).toEqual({ signal: 'SIGTERM' });
  });

  it('says so in one line and exits 127 when the command does not exist', async () => {
    const { context, errors } = await setup({ litellm: 'sk-never-printed' });
    expect(await runCli(['run', '--', 'switchboard-no-such-command'], context)).toEqual({ exitCode: 127 });
    expect(errors).toEqual(['switchboard: switchboard-no-such-command: command not found']);
  });

  it('exits 125 with a sentence, and runs nothing, when the keychain cannot be read', async () => {
    const { dir, context, errors } = await setup({});
    context.secrets = { ...memoryStore({}), get: async () => Promise.reject(new KeychainUnavailableError(new Error('no D-Bus'))) };
    const marker = join(dir, 'ran');
    expect(await runCli(['run', '--', process.execPath, '-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, '')`], context)).toEqual({ exitCode: 125 });
    expect(errors).toEqual([expect.stringMatching(/^switchboard: could not read API keys from the system keychain\./)]);
    await expect(readFile(marker)).rejects.toThrow(/ENOENT/);
  });

  it('runs the command where the user was when started through `pnpm switchboard`', async () => {
    const { dir, context } = await setup({});
    const elsewhere = await tempDir();
    context.env = { ...context.env, npm_lifecycle_event: 'switchboard', INIT_CWD: elsewhere };
    await runCli(['run', '--', process.execPath, '-e', "require('node:fs').writeFileSync('cwd.txt', process.cwd())"], context);
    expect(await readFile(join(elsewhere, 'cwd.txt'), 'utf8')).toBe(elsewhere);
    await expect(readFile(join(dir, 'cwd.txt'))).rejects.toThrow(/ENOENT/);
  });
});

describe('switchboard help', () => {
  it('prints the usage for --help and exits 0; a usage error exits 2', async () => {
    const { context, output, errors } = await setup({});
    expect(await runCli(['--help'], context)).toEqual({ exitCode: 0 });
    expect(output.join('')).toMatch(/^Usage: switchboard key <instance-id>\n\s+switchboard run \[--override\] \[--\] <command>/);
    expect(output.join('')).toMatch(/SWITCHBOARD_KEYCHAIN_SERVICE\s+For tests only/);
    expect(await runCli(['run'], context)).toEqual({ exitCode: 2 });
    expect(errors[0]).toMatch(/^switchboard: run needs a command/);
  });
});
