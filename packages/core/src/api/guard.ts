import { fail, type Result } from '@switchboard/shared';
import { HttpFailure } from '../http/index.js';
import { KeychainError } from '../store/keychain-errors.js';

/**
 * Runs one API call and turns expected failures into error values. Anything
 * else is a bug and is rethrown, so it is seen rather than shown as a sentence.
 */
export async function guard<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    // The whole error, so a suggested URL (a LiteLLM page's origin) reaches the UI's one-click offer.
    if (error instanceof HttpFailure) return { ok: false, error: error.toProxyError() };
    // Not available, locked, denied, timed out: each its own kind, so the UI can say what to do.
    if (error instanceof KeychainError) return fail(error.kind, error.message);
    throw error;
  }
}

/** {@link guard} for work that already answers with a Result. */
export async function guardResult<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  const outer = await guard(work);
  return outer.ok ? outer.value : outer;
}
