import type { KeyInput } from '@switchboard/shared';

/**
 * A secret typed in a network setting (the proxy's password, a secret
 * header's value): like the API key, the stored one never comes back, the
 * field only knows whether there is one.
 */
export interface SecretFieldState {
  typed: string;
  stored: boolean;
  forgotten: boolean;
}

export const secretField = (stored: boolean): SecretFieldState => ({ typed: '', stored, forgotten: false });

/** Typed wins; otherwise keep the stored one unless forgotten; otherwise none. */
export function secretInputFor(field: SecretFieldState): KeyInput {
  if (field.typed !== '') return { mode: 'provided', value: field.typed };
  return field.stored && !field.forgotten ? { mode: 'stored' } : { mode: 'none' };
}

export function secretPlaceholder(field: SecretFieldState): string {
  return field.stored && !field.forgotten ? 'Stored in keychain' : '';
}
