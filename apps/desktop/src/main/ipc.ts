import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, parseInput, type Channel, type SwitchboardApi } from '@switchboard/shared';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;
export type RefusalLog = (message: string) => void;

function senderUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? 'an unknown frame';
  } catch {
    return 'a frame that is gone';
  }
}

function callApi(api: SwitchboardApi, channel: Channel, input: unknown): Promise<unknown> {
  // parseInput has just checked `input` against this very channel's schema.
  const handler = api[channel] as (input: unknown) => Promise<unknown>;
  return handler(input);
}

/**
 * Answers every contract channel: refuse a foreign sender, validate the
 * input, call the API. Inputs and outputs are never logged: they carry API
 * keys and proxy URLs.
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
      return callApi(api, channel, parseInput(channel, input));
    });
  }
}
