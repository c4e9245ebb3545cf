import { malformedApiKey, noApiKey, noDbConnection, tokenNotFound } from './errors.js';
import type { ErrorReply } from './errors.js';

export interface AuthSettings {
  masterKey: string | null;
  virtualKeys: string[];
  database: boolean;
}

/**
 * The key a request carries: x-litellm-api-key wins over Authorization, which wins over Anthropic's
 * x-api-key (what Claude Code and an Anthropic SDK send); 'malformed' when Authorization lacks Bearer.
 */
export function presentedKey(headers: Record<string, string | undefined>): string | 'malformed' | undefined {
  let key: string | undefined;
  const litellmHeader = headers['x-litellm-api-key'];
  const authorization = headers['authorization'];
  if (litellmHeader !== undefined) {
    key = litellmHeader.startsWith('Bearer ') ? litellmHeader.slice('Bearer '.length) : litellmHeader;
  } else if (authorization !== undefined) {
    if (!authorization.startsWith('Bearer ')) return 'malformed';
    key = authorization.slice('Bearer '.length);
  } else {
    key = headers['x-api-key'];
  }
  key = key?.trim();
  return key ? key : undefined;
}

/** null when the request may proceed, otherwise the error LiteLLM would answer with. */
export function checkAuth(headers: Record<string, string | undefined>, settings: AuthSettings): ErrorReply | null {
  // Without a master key LiteLLM runs open: keys are neither required nor checked.
  if (settings.masterKey === null) return null;
  const key = presentedKey(headers);
  if (key === 'malformed') return malformedApiKey();
  if (key === undefined) return noApiKey();
  if (key === settings.masterKey || settings.virtualKeys.includes(key)) return null;
  return settings.database ? tokenNotFound(key) : noDbConnection();
}
