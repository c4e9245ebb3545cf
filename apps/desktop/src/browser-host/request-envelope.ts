/** The `input` of an API call, or the sentence to refuse its body with. */
export type EnvelopeRead = { ok: true; input: unknown } | { ok: false; error: string };

/** Keys that name what every object inherits; no channel takes them, and a merge could follow them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses an API call's body: a JSON object whose `input` field is the
 * channel's input (absent for channels that take none; an empty body is `{}`).
 */
export function readEnvelope(text: string): EnvelopeRead {
  let forbidden: string | null = null;
  let envelope: unknown;
  try {
    envelope = JSON.parse(text === '' ? '{}' : text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: 'The request body is nested too deeply.' };
    return { ok: false, error: 'The request body is not JSON.' };
  }
  if (forbidden !== null) return { ok: false, error: `The request body has a key named "${forbidden}", which no channel takes.` };
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    return { ok: false, error: 'The request body must be a JSON object such as {"input": …}.' };
  }
  return { ok: true, input: (envelope as { input?: unknown }).input };
}
