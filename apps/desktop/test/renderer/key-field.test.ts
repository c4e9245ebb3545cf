import { describe, expect, test } from 'vitest';
import { keyFieldFromView, keyHelpText, keyInputFor, keyPlaceholder, type KeyFieldState } from '../../src/renderer/lib/key-field';

const stored: KeyFieldState = keyFieldFromView({ keyStored: true, keyHint: '••••1234' });
const none: KeyFieldState = keyFieldFromView({ keyStored: false, keyHint: null });

describe('key modes', () => {
  test('a stored key, untouched, is sent as "stored" and never as a value', () => {
    expect(keyInputFor(stored)).toEqual({ mode: 'stored' });
    expect(keyPlaceholder(stored)).toBe('Stored in keychain (••••1234)');
    expect(keyHelpText(stored)).toBe('A key is stored in the system keychain. Leave this empty to keep using it.');
  });

  test('a stored key without a hint still says it is stored', () => {
    expect(keyPlaceholder({ ...stored, hint: null })).toBe('Stored in keychain');
  });

  test('typing provides the typed key (trimmed), with or without a stored one', () => {
    expect(keyInputFor({ ...stored, typed: '  sk-new ' })).toEqual({ mode: 'provided', value: 'sk-new' });
    expect(keyInputFor({ ...none, typed: 'sk-1' })).toEqual({ mode: 'provided', value: 'sk-1' });
  });

  test('clearing what was typed goes back to the stored key', () => {
    expect(keyInputFor({ ...stored, typed: '   ' })).toEqual({ mode: 'stored' });
  });

  test('no stored key and nothing typed is "none"', () => {
    expect(keyInputFor(none)).toEqual({ mode: 'none' });
    expect(keyPlaceholder(none)).not.toMatch(/keychain/);
  });

  test('forgetting the stored key is "none" until something is typed', () => {
    const forgotten = { ...stored, forgotten: true };
    expect(keyInputFor(forgotten)).toEqual({ mode: 'none' });
    expect(keyPlaceholder(forgotten)).not.toMatch(/Stored/);
    expect(keyHelpText(forgotten)).toMatch(/removed from the keychain when you save/);
    expect(keyInputFor({ ...forgotten, typed: 'sk-2' })).toEqual({ mode: 'provided', value: 'sk-2' });
  });
});
