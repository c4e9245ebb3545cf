import { fileURLToPath } from 'node:url';
import { _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { startBrowserHostProcess } from '@switchboard/test-servers';

const desktopDir = fileURLToPath(new URL('../../apps/desktop/', import.meta.url));

/** One running copy of Switchboard, in whichever host, with everything it printed. */
export interface RunningApp {
  page: Page;
  output: string[];
  stop(): Promise<void>;
}

export async function startBrowserHostApp(browser: Browser, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const host = await startBrowserHostProcess(env);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    output: host.output,
    stop: async () => {
      await context.close();
      await host.stop();
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
