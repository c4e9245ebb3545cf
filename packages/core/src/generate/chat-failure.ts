import { errorDetail, HttpFailure, quoteServerText, type HttpResponse } from '../http/index.js';
import { failureForStatus, type PlatformWording } from '../platforms/proxy-client.js';

// How LiteLLM ("Invalid model name", "no healthy deployments"), OpenRouter ("is not a valid model ID") and
// OpenAI-style servers ("model … does not exist") say they do not offer a model.
const UNKNOWN_MODEL = /invalid model|no healthy deployments|not a valid model|unknown model|model\b[^.]{0,120}\b(not found|does not exist)/i;

/** The server's own words, as the tail of a sentence; empty when it said nothing readable. */
function said(response: HttpResponse): string {
  const message = errorDetail(response.text).message;
  return message ? `; it said ${quoteServerText(message)}` : '';
}

/**
 * One sentence for a chat completion that did not answer 200: an unknown
 * model, a refused key, an upstream that is down behind the proxy, a
 * parameter the model refuses; the rest as any call to the platform.
 */
export function chatFailure(response: HttpResponse, url: string, modelId: string, key: string | null, wording: PlatformWording): HttpFailure {
  const origin = new URL(url).origin;
  const model = quoteServerText(modelId);
  const detail = errorDetail(response.text);
  // A key that is good but may not call this model (a LiteLLM team's list): not a wrong key.
  if ((response.status === 401 || response.status === 403) && /model_access_denied|not allowed to access model/i.test(`${detail.type ?? ''} ${detail.message ?? ''}`)) {
    return new HttpFailure(
      'unauthorized',
      `${wording.product} at ${origin} does not let this key use ${model} (HTTP ${response.status})${said(response)}. Pick a model the key may use, or ask the proxy's admin for access.`,
    );
  }
  const generic = failureForStatus(response, url, key, wording);
  if (generic.kind === 'unauthorized' || generic.kind === 'rate-limited') return generic;
  const { status } = response;
  if ((status === 400 || status === 404) && UNKNOWN_MODEL.test(detail.message ?? '')) {
    return new HttpFailure(
      'not-found',
      `${wording.product} at ${origin} does not offer the model ${model} (HTTP ${status})${said(response)}. Refresh the model list and pick a model it offers.`,
    );
  }
  // A route that does not exist says only "Not Found"; a 404 that says more is about the model (OpenRouter's "No endpoints found for …").
  const message = detail.message ?? '';
  if (status === 404 && message !== '' && !/^not found\.?$/i.test(message.trim())) {
    return new HttpFailure(
      'not-found',
      `${wording.product} at ${origin} cannot serve ${model} now (HTTP 404)${said(response)}. Try again later, or pick another model.`,
    );
  }
  if (status >= 500) {
    return new HttpFailure(
      'server-error',
      `${wording.product} at ${origin} could not get an answer from ${model} (HTTP ${status})${said(response)}. The model's provider may be down; check the proxy's logs or try another model.`,
    );
  }
  if (status === 400 || status === 422) {
    return new HttpFailure(
      'bad-response',
      `${wording.product} at ${origin} refused the request to ${model} (HTTP ${status})${said(response)}. Check the parameters set for this model.`,
    );
  }
  return generic;
}

/** An error the server streamed in place of the answer (`data: {"error": …}`): the upstream failed part-way. */
export function midstreamFailure(url: string, message: string, wording: PlatformWording): HttpFailure {
  return new HttpFailure(
    'server-error',
    `${wording.product} at ${new URL(url).origin} stopped the answer with an error: ${quoteServerText(message)}. What came before is shown; try again, or another model.`,
  );
}
