import type { ProxyErrorKind } from '@switchboard/shared';

/**
 * A failure the UI can show: either a proxy error from main (kind + sentence),
 * or a `transport` failure, when the call itself was refused or never answered.
 */
export interface UiError {
  kind: ProxyErrorKind | 'transport';
  message: string;
  /** An address that would likely work instead (the base of a pasted admin page): offered in one click. */
  suggestedUrl?: string;
}

// Electron wraps errors thrown in a handler: "Error invoking remote method 'x': ContractInputError: ...".
const ELECTRON_PREFIX = /^Error invoking remote method '[^']*':\s*/;
const ERROR_NAME_PREFIX = /^(?:[A-Z][A-Za-z]*Error|Error):\s*/;

function detailOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return raw.replace(ELECTRON_PREFIX, '').replace(ERROR_NAME_PREFIX, '').trim();
}

/** Turns a rejected call into a sentence a person can read. Never includes anything but the error's message. */
export function transportError(error: unknown): UiError {
  const detail = detailOf(error);
  const sentence = detail === '' ? 'no reason was given' : detail.replace(/[.\s]+$/, '');
  return {
    kind: 'transport',
    message: `Switchboard could not complete the request: ${sentence}. Check the values and try again.`,
  };
}

export const malformedAnswer: UiError = {
  kind: 'transport',
  message: 'Switchboard received an answer it did not understand from its background service. Try again.',
};

export const bridgeMissing: UiError = {
  kind: 'transport',
  message: 'This window is not connected to Switchboard. Start it with the Switchboard app or "pnpm start:browser".',
};
