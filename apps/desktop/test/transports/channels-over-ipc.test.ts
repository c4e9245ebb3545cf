import type { IpcMainInvokeEvent } from 'electron';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract, ContractInputError } from '@switchboard/shared';
import { registerContractHandlers } from '../../src/main/ipc.js';
import { FakeIpcMain } from '../main/fake-electron.js';
import { expectContractOutput, expectSentence } from './answer-checks.js';
import { inputsFor, keyIn } from './channel-inputs.js';
import { startContractFixture, within, type ContractFixture } from './contract-fixture.js';

const NUM_RUNS = Number(process.env.SWITCHBOARD_PROPERTY_RUNS ?? 40);
let fixture: ContractFixture;
const ipc = new FakeIpcMain();
const logged: string[] = [];
const appWindow = {} as IpcMainInvokeEvent;

beforeAll(async () => {
  fixture = await startContractFixture();
  // The sender check has tests of its own (ipc.test.ts); here every message is from the app's window.
  registerContractHandlers(ipc, fixture.api, () => true, (line) => logged.push(line));
});
afterAll(() => fixture?.close());

/** What crosses Electron's IPC is a structured clone; what cannot be cloned never reaches main. */
function cloned(input: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: structuredClone(input) };
  } catch {
    return { ok: false };
  }
}

describe('every channel over Electron IPC', () => {
  it.each(channels)('%s answers any input with its contract or a ContractInputError sentence, never another error or a hang', async (channel) => {
    await fc.assert(
      fc.asyncProperty(inputsFor(contract[channel].input, fixture.vocabulary), async (input) => {
        const message = cloned(input);
        fc.pre(message.ok);
        const key = keyIn(input);
        const answer = await within(
          5_000,
          channel,
          ipc.invoke(channel, appWindow, message.ok ? message.value : undefined).then(
            (output) => ({ ok: true as const, output }),
            (error: unknown) => ({ ok: false as const, error }),
          ),
        );
        if (answer.ok) expectContractOutput(channel, answer.output, key);
        else {
          expect(answer.error).toBeInstanceOf(ContractInputError);
          expectSentence((answer.error as Error).message, key);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(logged).toEqual([]);
  });
});
