import { keyProblem, type KeyInput, type PlatformConfigView } from '@switchboard/shared';

/**
 * What the API key field knows. `typed` lives only here (React state); the
 * stored key itself never reaches the renderer, only whether there is one.
 */
export interface KeyFieldState {
  typed: string;
  stored: boolean;
  hint: string | null;
  forgotten: boolean;
  /** Why the keychain could not be read (locked, not available, …): whether a key is stored is then unknown. */
  keychainProblem: string | null;
}

export const emptyKeyField: KeyFieldState = { typed: '', stored: false, hint: null, forgotten: false, keychainProblem: null };

export function keyFieldFromView(view: Pick<PlatformConfigView, 'keyStored' | 'keyHint' | 'keychainError'>): KeyFieldState {
  const keychainProblem = view.keychainError?.message ?? null;
  // An unreadable keychain may well hold a key: keep asking for "the stored one", so that main says why it
  // cannot read it instead of the proxy being called with no key at all.
  return { typed: '', stored: view.keyStored || keychainProblem !== null, hint: view.keyHint, forgotten: false, keychainProblem };
}

/** Typed wins; otherwise keep the stored key unless the user forgot it; otherwise no key. */
export function keyInputFor(field: KeyFieldState): KeyInput {
  const value = field.typed.trim();
  if (value !== '') return { mode: 'provided', value };
  if (field.stored && !field.forgotten) return { mode: 'stored' };
  return { mode: 'none' };
}

/** Why the typed key cannot be sent (the same rule main applies), or null: said before anything is sent or stored. */
export function typedKeyProblem(field: KeyFieldState): string | null {
  const value = field.typed.trim();
  return value === '' ? null : keyProblem(value);
}

/** `empty`: what the field says while no key is stored (each platform has its own). */
export function keyPlaceholder(field: KeyFieldState, empty = 'Leave empty if not needed'): string {
  if (field.keychainProblem !== null && !field.forgotten) return 'The keychain could not be read';
  if (field.stored && !field.forgotten) {
    return field.hint ? `Stored in keychain (${field.hint})` : 'Stored in keychain';
  }
  return empty;
}

/** The sentence under the key field, by mode. `required`: the platform refuses to work without a key. */
export function keyHelpText(field: KeyFieldState, required = false): string {
  const mode = keyInputFor(field).mode;
  if (mode === 'provided') {
    return field.stored ? 'The key you typed replaces the stored one when you save.' : 'The key is saved to the system keychain, never to a file.';
  }
  if (mode === 'stored' && field.keychainProblem !== null) return field.keychainProblem;
  if (mode === 'stored') return 'A key is stored in the system keychain. Leave this empty to keep using it.';
  if (required) return 'A key is required: enter one to test the connection.';
  if (field.stored) return 'The stored key will be removed from the keychain when you save.';
  return 'No key will be sent.';
}
