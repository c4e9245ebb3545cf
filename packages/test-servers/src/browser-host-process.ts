import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built browser host's entry point (`pnpm build` makes it). */
const browserHostEntry = fileURLToPath(new URL('../../../apps/desktop/out/browser-host/main.js', import.meta.url));

export interface BrowserHostProcess {
  /** The address it printed, with its per-launch token. */
  url: string;
  /** Everything it printed so far, and later. */
  output: string[];
  stop(): Promise<void>;
}

/**
 * Runs the built browser host as a person would (`node main.js --port 0`) and
 * waits for its `Switchboard UI:` line. For e2e tests and benchmarks, which
 * give it a user-data folder of its own through `env`.
 */
export async function startBrowserHostProcess(env: NodeJS.ProcessEnv): Promise<BrowserHostProcess> {
  const child = spawn(process.execPath, [browserHostEntry, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The browser host did not start:\n${output.join('')}`)), 15_000);
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const match = /Switchboard UI: (\S+)/.exec(output.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => reject(new Error(`The browser host exited with ${code}:\n${output.join('')}`)));
  });
  return {
    url,
    output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
