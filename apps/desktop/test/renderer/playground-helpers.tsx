import { act } from 'react';
import { afterEach, beforeEach } from 'vitest';
import { App } from '../../src/renderer/App';
import { fakeLayout, getByTestId, mount, settle, type Mounted } from './dom';
import { mainHarness } from './main-process/main-harness';
import type { LoopbackServers } from './main-process/loopback-servers';
import type { MainProcess } from './main-process/main-process';
import { installModalDialog } from './modal-dialog';

export const PROXY = 'http://proxy.internal:4000';

export interface RestartableApp {
  readonly main: MainProcess;
  readonly servers: LoopbackServers;
  start(): Promise<void>;
  /** The app closed and opened again on the same main: what main keeps comes back, what the page held does not. */
  restart(): Promise<void>;
}

/** The whole app against the real main, which a test may close and open again (for what is kept across a restart). */
export function restartableApp(): RestartableApp {
  const { main, servers } = mainHarness();
  let view: Mounted | null = null;
  let undo: Array<() => void> = [];
  beforeEach(() => {
    undo = [fakeLayout(), installModalDialog()];
  });
  afterEach(async () => {
    await view?.unmount();
    view = null;
    undo.forEach((restore) => restore());
  });
  const start = async () => {
    view ??= await mount(<App />);
  };
  return {
    main,
    servers,
    start,
    async restart() {
      await view?.unmount();
      view = null;
      await start();
    },
  };
}

export const byId = (testId: string) => getByTestId(document.body, testId);

/** Types into a React-controlled textarea or input, as a person would. */
export async function fill(element: Element | null, value: string): Promise<void> {
  if (!(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) throw new Error('Not a text field.');
  await act(async () => {
    const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function choose(select: Element | null, value: string): Promise<void> {
  if (!(select instanceof HTMLSelectElement)) throw new Error('Not a select.');
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** Waits, letting React render, until `ready` holds: streams answer on their own time, not as calls main is answering. */
export async function until(ready: () => boolean, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
  await settle();
}
