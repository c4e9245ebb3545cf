import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';

export const desktopDir = fileURLToPath(new URL('../../apps/desktop/', import.meta.url));

/** One running copy of Switchboard, in whichever host, with everything it printed. */
export interface RunningApp {
  page: Page;
  output: string[];
  stop(): Promise<void>;
}

export async function startBrowserHostApp(browser: Browser, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, ['out/browser-host/main.js', '--port', '0'], {
    cwd: desktopDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`The browser host exited with ${code}:\n${output.join('')}`)));
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return {
    page,
    output,
    stop: async () => {
      await context.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export async function startElectronApp(executablePath: string, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const app: ElectronApplication = await _electron.launch({ executablePath, args: [desktopDir], env: env as Record<string, string> });
  const output: string[] = [];
  app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  return { page: await app.firstWindow(), output, stop: () => app.close() };
}
