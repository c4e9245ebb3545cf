import type { SwitchboardStreams } from '@switchboard/shared';

/** Test Connection step by step (issue #14). Placeholder while the diagnosis is built. */
export function createDiagnoseStream(): SwitchboardStreams['connection:diagnose'] {
  return async function* () {
    yield { type: 'error', error: { kind: 'not-configured', message: 'Test Connection step by step is not available in this build yet.' }, report: '', totalMs: 0 };
  };
}
