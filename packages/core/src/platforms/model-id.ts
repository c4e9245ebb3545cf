import { MAX_MODEL_ID_LENGTH } from '@switchboard/shared';

/**
 * An id a person can pick, save and have written into an agent's config:
 * text, not empty, not absurdly long, without control characters (which
 * would also break the config file's line-based diff).
 */
export function isModelId(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_MODEL_ID_LENGTH) return false;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}
