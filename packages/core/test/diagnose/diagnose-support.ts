import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIAGNOSIS_STEPS, type DiagnoseInput, type DiagnosisEvent, type DiagnosisStepEvent } from '@switchboard/shared';
import { afterEach, expect } from 'vitest';
import { createBackend, type Backend } from '../../src/api/create-api.js';
import { memorySecretStore } from '../support/memory-secret-store.js';
import { useTempDirs } from '../support/temp-dir.js';
import { DEFAULT_MASTER_KEY, startLiteLLMServer } from '@switchboard/test-servers';

/** Everything a test started, closed after it. */
export function useClosers(): (close: () => Promise<void>) => void {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  return (close) => void closers.push(close);
}

/** A LiteLLM test server closed after the test, with the key every diagnosis test sends. */
export const KEY = { mode: 'provided' as const, value: DEFAULT_MASTER_KEY };
export function useLiteLLM(closer: (close: () => Promise<void>) => void) {
  return async (options: Parameters<typeof startLiteLLMServer>[0] = {}) => {
    const server = await startLiteLLMServer(options);
    closer(() => server.close());
    return server;
  };
}

export interface Diagnosing {
  backend: Backend;
  dir: string;
  run(input: DiagnoseInput, signal?: AbortSignal): Promise<DiagnosisEvent[]>;
  /** A file in the test's folder, e.g. a CA certificate to trust. */
  file(name: string, text: string): Promise<string>;
}

/** The real backend (settings in a temp folder, real routes) whose `connection:diagnose` the tests run. */
export function useDiagnosis(closer: (close: () => Promise<void>) => void): (env?: NodeJS.ProcessEnv) => Promise<Diagnosing> {
  const tempDir = useTempDirs();
  return async (env = {}) => {
    const dir = await tempDir();
    // No public map: nothing may reach outside the machine.
    const backend = createBackend({ userDataDir: dir, secrets: memorySecretStore(), env: { SWITCHBOARD_PUBLIC_MODEL_MAP_URL: 'http://127.0.0.1:9/no-map', ...env } });
    closer(() => backend.routes.close());
    const run = async (input: DiagnoseInput, signal = new AbortController().signal) => {
      const events: DiagnosisEvent[] = [];
      for await (const event of backend.streams['connection:diagnose'](input, signal)) events.push(event);
      return events;
    };
    const file = async (name: string, text: string) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    };
    return { backend, dir, run, file };
  };
}

export const finals = (events: DiagnosisEvent[]): DiagnosisStepEvent[] => events.filter((event): event is DiagnosisStepEvent => event.type === 'step' && event.state !== 'running');

export function stepOf(events: DiagnosisEvent[], step: DiagnosisStepEvent['step']): DiagnosisStepEvent {
  const found = finals(events).find((event) => event.step === step);
  if (!found) throw new Error(`no final event for ${step}`);
  return found;
}

/**
 * The contract of the stream: the steps in order, each once `running` and
 * once final (or only `skip` after a failure), the steps after a failure
 * skipped, and one `done` or `error` last.
 */
export function expectWellFormed(events: DiagnosisEvent[]): void {
  const last = events.at(-1);
  expect(last?.type === 'done' || last?.type === 'error').toBe(true);
  const steps = events.slice(0, -1) as DiagnosisStepEvent[];
  let failed = false;
  let index = 0;
  for (const step of DIAGNOSIS_STEPS) {
    if (failed) {
      expect(steps[index]).toMatchObject({ step, state: 'skip' });
      index += 1;
      continue;
    }
    expect(steps[index]).toMatchObject({ step, state: 'running' });
    expect(steps[index + 1]?.step).toBe(step);
    expect(['ok', 'fail', 'skip']).toContain(steps[index + 1]?.state);
    failed = steps[index + 1]?.state === 'fail';
    index += 2;
  }
  expect(index).toBe(steps.length);
  expect(last?.type).toBe(failed ? 'error' : 'done');
}
