import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedSecretStore, keychainAvailable, NO_KEYCHAIN_REASON } from '../../core/test/support/keychain.js';
import { BIN, REPO_ROOT, run, start, switchboard, waitUntil } from './support/spawn-cli.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A keychain service of the test's own, holding one LiteLLM key, and an environment that points switchboard at it. */
async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
  folders.push(dir);
  const { secrets, service } = isolatedSecretStore();
  const key = `sk-cli-${service.slice(-12)}`;
  await secrets.set('litellm', key);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'],
    SWITCHBOARD_KEYCHAIN_SERVICE: service,
    SWITCHBOARD_USER_DATA: dir,
  };
  return { dir, key, env, cleanup: () => secrets.delete('litellm') };
}

const PRINT_KEY = "process.stdout.write(process.env.LITELLM_API_KEY ?? 'unset')";

describe.skipIf(!keychainAvailable)(`switchboard run with the real keychain${keychainAvailable ? '' : ` (${NO_KEYCHAIN_REASON})`}`, () => {
  it('hands the stored key to the command through bin/switchboard.mjs, and never prints it itself', async () => {
    const { key, env, cleanup } = await setup();
    const result = await switchboard(['run', '--', process.execPath, '-e', PRINT_KEY], { env });
    await cleanup();
    expect(result).toMatchObject({ code: 0, stdout: key, stderr: '' });
  });

  it('reads the service named by SWITCHBOARD_KEYCHAIN_SERVICE only', async () => {
    const { env, cleanup } = await setup();
    const other = await switchboard(['run', '--', process.execPath, '-e', PRINT_KEY], { env: { ...env, SWITCHBOARD_KEYCHAIN_SERVICE: `${env['SWITCHBOARD_KEYCHAIN_SERVICE']}-other` } });
    await cleanup();
    expect(other).toMatchObject({ code: 0, stdout: 'unset' });
  });

  it('works as `pnpm switchboard run -- <command>` from the repository root, in the folder it was started from', async () => {
    const { dir, key, env, cleanup } = await setup();
    const script = `${PRINT_KEY}; process.stdout.write(' ' + process.cwd())`;
    // pnpm sets INIT_CWD to where it was started; here that is the test's folder, as if the user were there.
    const result = await run('pnpm', ['--silent', '--dir', REPO_ROOT, 'switchboard', 'run', '--', process.execPath, '-e', script], { env, cwd: dir });
    await cleanup();
    expect(result).toMatchObject({ code: 0, stdout: `${key} ${dir}` });
  });

  it('passes a signal sent to switchboard on to the command, and the command\'s status back', async () => {
    const { dir, env, cleanup } = await setup();
    const marker = join(dir, 'got-signal');
    const script = `process.on('SIGTERM', () => { require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'SIGTERM'); process.exit(7); }); process.stdout.write('ready'); setInterval(() => {}, 1000);`;
    const started = start(process.execPath, [BIN, 'run', '--', process.execPath, '-e', script], { env });
    // Only once the command is up (its "ready" arrives on our pipe) is there anyone to pass the signal to.
    await waitUntil(() => started.stdout().includes('ready'));
    process.kill(started.pid, 'SIGTERM');
    const result = await started.finished;
    await cleanup();
    expect(await readFile(marker, 'utf8')).toBe('SIGTERM');
    expect(result.code).toBe(7);
  });

  it('dies of the signal that killed the command', async () => {
    const { env, cleanup } = await setup();
    const result = await switchboard(['run', '--', process.execPath, '-e', "process.kill(process.pid, 'SIGKILL')"], { env });
    await cleanup();
    expect(result).toMatchObject({ code: null, signal: 'SIGKILL' });
  });
});
