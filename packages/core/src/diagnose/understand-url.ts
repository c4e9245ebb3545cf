import { HttpFailure } from '../http/index.js';
import type { Platform, PlatformContext } from '../platforms/platform.js';
import { failed, ok, type StepOutcome } from './step-outcome.js';

export type UnderstoodUrl = { ok: true; baseUrl: string; outcome: StepOutcome } | { ok: false; outcome: StepOutcome };

/** What normalising changed, in the words of a person reading the URL they typed. */
function changes(typed: string, baseUrl: string): string[] {
  const said: string[] = [];
  const trimmed = typed.trim();
  if (trimmed !== typed) said.push('spaces around it removed');
  let rest = trimmed;
  if (/\/+$/.test(rest)) {
    said.push('the trailing / removed');
    rest = rest.replace(/\/+$/, '');
  }
  if (/\/v1$/i.test(rest) && !/\/v1$/i.test(baseUrl)) said.push('/v1 removed (Switchboard adds it to each request)');
  return said;
}

/**
 * The `url` step: the platform's own normalisation (the same that
 * test-connection and saving use), what it changed, and `/v1/v1`, which
 * normalising leaves half-mended and every request then misses.
 */
export function understandUrl(platform: Platform, typed: string | undefined, context: PlatformContext, keepsVersionPath: boolean): UnderstoodUrl {
  let baseUrl: string;
  try {
    baseUrl = platform.baseUrl(typed, context);
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error;
    const extra = error.suggestedUrl === undefined ? {} : { suggestedUrl: error.suggestedUrl };
    return { ok: false, outcome: failed(error.kind, error.message, 'Correct the URL and test again.', extra) };
  }
  if (!keepsVersionPath && /\/v1$/i.test(baseUrl)) {
    const suggestedUrl = baseUrl.replace(/\/v1$/i, '');
    return {
      ok: false,
      outcome: failed('invalid-url', `The URL gives /v1 twice (${baseUrl}/v1/…): Switchboard adds /v1 to each request itself.`, `Use ${suggestedUrl}.`, { suggestedUrl }),
    };
  }
  if (typed === undefined || keepsVersionPath) return { ok: true, baseUrl, outcome: ok(`${baseUrl}`) };
  const said = changes(typed, baseUrl);
  return { ok: true, baseUrl, outcome: ok(said.length === 0 ? baseUrl : `${baseUrl} (${said.join('; ')})`) };
}
