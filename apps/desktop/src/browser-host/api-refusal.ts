import type { IncomingMessage } from 'node:http';
import { originAllowed, tokenMatches } from './request-guard.js';

/** Why an API request is refused before its body is read: the status and the sentence. */
export interface Refusal {
  status: number;
  error: string;
}

/**
 * The checks every API request passes before its body is read, the stream
 * endpoint's included: POST, our own origin, the per-launch token, JSON.
 */
export function apiRefusal(request: IncomingMessage, port: number, token: string): Refusal | null {
  if (request.method !== 'POST') return { status: 405, error: 'Use POST for API calls.' };
  if (!originAllowed(request, port)) return { status: 403, error: 'Requests from other sites are refused.' };
  if (!tokenMatches(request, token)) {
    return { status: 401, error: 'Missing or wrong access token. Open the address printed by "pnpm start:browser".' };
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return { status: 415, error: 'Send the API call as JSON (content-type: application/json).' };
  }
  return null;
}
