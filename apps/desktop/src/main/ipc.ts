import type { IpcMain } from 'electron';
import { channels, parseInput, unexpectedFailureLine, type Channel, type SwitchboardApi } from '@switchboard/shared';
import { senderUrl, type SenderEvent } from './trusted-sender.js';

export type SenderCheck = (event: SenderEvent) => boolean;
/** Where refused senders and unexpected failures are logged: by channel and sender, never with the input. */
export type RefusalLog = (message: string) => void;

function callApi(api: SwitchboardApi, channel: Channel, input: unknown): Promise<unknown> {
  // parseInput has just checked `input` against this very channel's schema.
  const handler = api[channel] as (input: unknown) => Promise<unknown>;
  return handler(input);
}

/**
 * What the window is told when a channel fails in a way the API did not
 * turn into a Result: a sentence, never the error itself (its message or
 * stack could carry a key or a URL from the input). The log gets the channel
 * and the error's name only.
 */
async function answer(api: SwitchboardApi, channel: Channel, input: unknown, log: RefusalLog): Promise<unknown> {
  const parsed = parseInput(channel, input);
  try {
    return await callApi(api, channel, parsed);
  } catch (error) {
    log(unexpectedFailureLine(channel, error));
    // The cause stays behind on purpose: whatever it carries must not cross to the window.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`Switchboard hit an internal error while answering ${channel}. Try again; if it keeps happening, restart Switchboard.`);
  }
}

/**
 * Answers every contract channel: refuse a foreign sender, validate the
 * input (a refusal is a ContractInputError with a short sentence), call the
 * API. Inputs and outputs are never logged: they carry API keys and proxy URLs.
 */
export function registerContractHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: SwitchboardApi,
  isTrustedSender: SenderCheck,
  logRefusal: RefusalLog = (message) => console.warn(message),
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        logRefusal(`Switchboard refused ${channel} from ${senderUrl(event)}: not the app's own window.`);
        throw new Error(`Switchboard refused the ${channel} request: it did not come from Switchboard's own window.`);
      }
      return answer(api, channel, input, logRefusal);
    });
  }
}
