import type { KeyInput, LiteLLMConfigView } from '@switchboard/shared';

/**
 * What the API key field knows. `typed` lives only here (React state); the
 * stored key itself never reaches the renderer, only whether there is one.
 */
export interface KeyFieldState {
  typed: string;
  stored: boolean;
  hint: string | null;
  forgotten: boolean;
}

export const emptyKeyField: KeyFieldState = { typed: '', stored: false, hint: null, forgotten: false };

export function keyFieldFromView(view: Pick<LiteLLMConfigView, 'keyStored' | 'keyHint'>): KeyFieldState {
  return { typed: '', stored: view.keyStored, hint: view.keyHint, forgotten: false };
}

/** Typed wins; otherwise keep the stored key unless the user forgot it; otherwise no key. */
export function keyInputFor(field: KeyFieldState): KeyInput {
  const value = field.typed.trim();
  if (value !== '') return { mode: 'provided', value };
  if (field.stored && !field.forgotten) return { mode: 'stored' };
  return { mode: 'none' };
}

export function keyPlaceholder(field: KeyFieldState): string {
  if (field.stored && !field.forgotten) {
    return field.hint ? `Stored in keychain (${field.hint})` : 'Stored in keychain';
  }
  return 'Leave empty if not needed';
}

/** The sentence under the key field, by mode. */
export function keyHelpText(field: KeyFieldState): string {
  const mode = keyInputFor(field).mode;
  if (mode === 'provided') {
    return field.stored ? 'The key you typed replaces the stored one when you save.' : 'The key is saved to the system keychain, never to a file.';
  }
  if (mode === 'stored') return 'A key is stored in the system keychain. Leave this empty to keep using it.';
  if (field.stored) return 'The stored key will be removed from the keychain when you save.';
  return 'No key will be sent.';
}
