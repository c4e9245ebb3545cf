import { fail, type Result } from '@switchboard/shared';
import { HttpFailure } from '../http/index.js';
import { KeychainUnavailableError } from '../store/secret-store.js';

/**
 * Runs one API call and turns expected failures into error values. Anything
 * else is a bug and is rethrown, so it is seen rather than shown as a sentence.
 */
export async function guard<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof HttpFailure) return fail(error.kind, error.message);
    if (error instanceof KeychainUnavailableError) return fail('keychain', error.message);
    throw error;
  }
}

/** {@link guard} for work that already answers with a Result. */
export async function guardResult<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  const outer = await guard(work);
  return outer.ok ? outer.value : outer;
}
