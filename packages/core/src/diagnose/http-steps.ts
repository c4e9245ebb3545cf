import type { AgentApi } from '@switchboard/shared';
import type { FetchLike } from '../http/index.js';
import { explainAnswer, mayBeTlsPort, tlsPortOutcome } from './explain-answer.js';
import { probe, type ProbeAnswer, type ProbeRequest } from './probe.js';
import { failed, ok, skip, type StepOutcome, type Target } from './step-outcome.js';

/** What the HTTP steps share: the route's fetch, where, with which key, and a record of each request for the report's `curl`. */
export interface HttpSteps {
  fetch: FetchLike;
  baseUrl: string;
  /** The OpenAI-compatible base (`<base>/v1`, or OpenRouter's own). */
  openAIBaseUrl: string;
  target: Target;
  product: string;
  key: string | null;
  timeoutMs: number;
  signal: AbortSignal;
  /** Whether the target's port completes a TLS handshake (for http:// sent to an https port). */
  speaksTls(): Promise<boolean>;
  sent(request: ProbeRequest): void;
}

const bearer = (key: string | null): Record<string, string> => (key === null ? {} : { authorization: `Bearer ${key}` });

async function send(steps: HttpSteps, request: ProbeRequest): Promise<ProbeAnswer> {
  steps.sent(request);
  return probe(steps.fetch, request, AbortSignal.any([steps.signal, AbortSignal.timeout(steps.timeoutMs)]), steps.timeoutMs);
}

/** A request that did not get an answer: http:// to a TLS port has its own sentence; the rest keep test-connection's. */
async function unanswered(steps: HttpSteps, answer: Extract<ProbeAnswer, { ok: false }>): Promise<StepOutcome> {
  if (!steps.target.secure && mayBeTlsPort(answer) && (await steps.speaksTls())) return tlsPortOutcome(steps.baseUrl, steps.target);
  const kind = answer.kind === 'timeout' || answer.kind === 'tls' ? answer.kind : 'unreachable';
  return failed(kind, answer.message, 'Check the URL, and that the server is running; on a company network, check the proxy settings.');
}

/** The `alive` step: LiteLLM's `/health/liveliness`, which needs no key. */
export async function checkAlive(steps: HttpSteps): Promise<StepOutcome> {
  const answer = await send(steps, { method: 'GET', url: `${steps.baseUrl}/health/liveliness`, headers: { accept: 'application/json' } });
  if (!answer.ok) return unanswered(steps, answer);
  const explained = explainAnswer(answer, steps.baseUrl, steps.product);
  if (explained) return explained;
  // A page is never LiteLLM's answer, whatever its status: a catch-all front answers 200 to every address.
  if (/html/i.test(answer.contentType) || /^\s*</.test(answer.text)) {
    return failed('not-a-proxy', `${steps.baseUrl}/health/liveliness answered with a web page (HTTP ${answer.status}) instead of LiteLLM's answer.`, "Use the address at which LiteLLM's API answers, not a web page's.");
  }
  if (answer.status === 200) return ok(`LiteLLM is alive (${answer.text.trim().slice(0, 40) || 'HTTP 200'}).`);
  // Not conclusive: a front may route only /v1 to LiteLLM, and a URL with a path (an admin page's) is better named
  // by what the model list answers, which says what was found there and offers the address to use instead.
  if (answer.status === 404) return skip(`${steps.baseUrl}/health/liveliness was not found (HTTP 404), so liveness could not be checked; the model list decides.`);
  return failed(answer.status >= 500 ? 'server-error' : 'bad-response', `LiteLLM at ${steps.baseUrl} answered /health/liveliness with HTTP ${answer.status}.`, "Check the proxy's logs; it may be starting or failing to start.");
}

/**
 * After a failed listing: the same address asked without the key, to name
 * what answered (a gateway's sign-in, Open WebUI, a TLS port) when the
 * listing's own sentence could not. Null when nothing more is known.
 */
export async function explainListingFailure(steps: HttpSteps): Promise<StepOutcome | null> {
  // Not the request to reproduce: the report's `curl` stays the listing that failed.
  const answer = await send({ ...steps, sent: () => undefined }, { method: 'GET', url: `${steps.openAIBaseUrl}/models`, headers: { accept: 'application/json' } });
  if (!answer.ok) return !steps.target.secure && mayBeTlsPort(answer) && (await steps.speaksTls()) ? tlsPortOutcome(steps.baseUrl, steps.target) : null;
  return explainAnswer(answer, steps.baseUrl, steps.product);
}

/**
 * The `metadata` step on LiteLLM: the first model's own group
 * (`/model_group/info?model_group=`), a small answer. A failure here leaves
 * the connection usable (the models work, only their prices and limits are
 * missing), so it is `ok` with a warning, and the run goes on to `done`.
 */
export async function checkMetadata(steps: HttpSteps, firstModel: string | null): Promise<StepOutcome> {
  if (firstModel === null) return skip('There is no model to describe.');
  const url = `${steps.baseUrl}/model_group/info?model_group=${encodeURIComponent(firstModel)}`;
  const answer = await send(steps, { method: 'GET', url, headers: { accept: 'application/json', ...bearer(steps.key) } });
  const missing = 'The models work, but their prices, context sizes and limits will be missing';
  if (!answer.ok) return ok(`${missing}: /model_group/info did not answer (${answer.message})`, "Check the proxy's logs; the models can be used meanwhile.");
  if (answer.status !== 200) return ok(`${missing}: /model_group/info answered HTTP ${answer.status}.`, "Check that the key may read /model_group/info, or the proxy's logs; the models can be used meanwhile.");
  try {
    const data = (JSON.parse(answer.text) as { data?: unknown }).data;
    if (Array.isArray(data)) return ok(`/model_group/info describes ${firstModel}.`);
  } catch {
    // Not JSON: said below.
  }
  return ok(`${missing}: /model_group/info did not answer with a list.`, "Check the proxy's logs; the models can be used meanwhile.");
}

type ApiFinding = 'answers' | 'absent' | 'unknown';

function finding(answer: ProbeAnswer): { found: ApiFinding; said: string } {
  if (!answer.ok) return { found: 'unknown', said: 'no answer' };
  const json = /json/i.test(answer.contentType) || /^\s*[{[]/.test(answer.text);
  if (answer.status === 404 || answer.status === 405 || answer.status === 501) return { found: 'absent', said: `not there (HTTP ${answer.status})` };
  if (!json) return { found: 'absent', said: `answered with a page, not the API (HTTP ${answer.status})` };
  // A 400 or 422 is the route itself turning down a request that lacks a field: it exists.
  if ((answer.status >= 200 && answer.status < 300) || answer.status === 400 || answer.status === 422) return { found: 'answers', said: `answers (HTTP ${answer.status})` };
  return { found: 'unknown', said: `unclear (HTTP ${answer.status})` };
}

/**
 * The `apis` step: one request each to `/v1/messages/count_tokens` (counted
 * by the server, no tokens) and `/v1/responses` without a model (turned
 * down before anything is generated). A 404/405 means the route is not there.
 */
export async function checkApis(steps: HttpSteps, firstModel: string | null): Promise<{ outcome: StepOutcome; apis: AgentApi[] }> {
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...bearer(steps.key) };
  const messages = await send(steps, {
    method: 'POST',
    url: `${steps.openAIBaseUrl}/messages/count_tokens`,
    headers,
    body: { model: firstModel ?? 'switchboard-test', messages: [{ role: 'user', content: 'hi' }] },
  });
  const responses = await send(steps, { method: 'POST', url: `${steps.openAIBaseUrl}/responses`, headers, body: { input: '' } });
  const said = [
    { api: 'anthropic-messages' as const, name: 'Anthropic Messages (/v1/messages)', ...finding(messages) },
    { api: 'responses' as const, name: 'the Responses API (/v1/responses)', ...finding(responses) },
  ];
  const apis = said.filter((entry) => entry.found === 'answers').map((entry) => entry.api);
  return { outcome: ok(`${said.map((entry) => `${entry.name}: ${entry.said}`).join('; ')}.`), apis };
}
