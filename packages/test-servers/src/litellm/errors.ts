import { createHash } from 'node:crypto';

// LiteLLM's two error shapes: ProxyException {"error":{message,type,param,code}} with code as a
// string and param often the string "None", and FastAPI's {"detail": ...}.

export interface ErrorReply {
  status: number;
  body: unknown;
}

function proxyError(status: number, message: string, type: string | null, param: string | null): ErrorReply {
  return { status, body: { error: { message, type, param, code: String(status) } } };
}

export const notFound: ErrorReply = { status: 404, body: { detail: 'Not Found' } };
export const methodNotAllowed: ErrorReply = { status: 405, body: { detail: 'Method Not Allowed' } };

export const noApiKey = (): ErrorReply =>
  proxyError(401, 'Authentication Error, No api key passed in.', 'auth_error', 'None');

export const malformedApiKey = (): ErrorReply =>
  proxyError(401, 'Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix.', 'auth_error', 'None');

/** A proxy without a database cannot look virtual keys up, so any unknown key is a 400. */
export const noDbConnection = (): ErrorReply => proxyError(400, 'No connected db.', 'no_db_connection', null);

export function tokenNotFound(key: string): ErrorReply {
  const abbreviated = key.length > 8 ? `${key.slice(0, 3)}...${key.slice(-4)}` : key;
  const hash = createHash('sha256').update(key).digest('hex');
  return proxyError(
    401,
    `Authentication Error, Invalid proxy server token passed. Received API Key = ${abbreviated}, Key Hash (Token) =${hash}. Unable to find token in cache or \`LiteLLM_VerificationTokenTable\``,
    'token_not_found_in_db',
    'None',
  );
}

export const routeForbidden = (route: string): ErrorReply =>
  proxyError(403, `Authentication Error - user not allowed to access this route. Route=${route}`, 'auth_error', 'None');

export const internalServerError = (): ErrorReply =>
  proxyError(500, 'Internal Server Error', 'internal_server_error', 'None');

export const modelDoesNotExist = (id: string): ErrorReply => ({
  status: 404,
  body: { detail: `The model \`${id}\` does not exist or is not accessible` },
});

export const invalidModel = (model: string): ErrorReply =>
  proxyError(
    400,
    `{'error': '/chat/completions: Invalid model name passed in model=${model}. Call \`/v1/models\` to view available models for your key.'}`,
    'None',
    'None',
  );

export const upstreamUnreachable = (modelGroup: string): ErrorReply =>
  proxyError(
    500,
    `litellm.InternalServerError: InternalServerError: OpenAIException - Connection error.. Received Model Group=${modelGroup}\nAvailable Model Group Fallbacks=None`,
    null,
    null,
  );

/** 1.81.0 once a wildcard route exists: the router, not the proxy, refuses the name. */
export const noHealthyDeployments = (model: string): ErrorReply =>
  proxyError(400, `litellm.BadRequestError: You passed in model=${model}. There are no healthy deployments for this model`, null, null);

/** Not recorded: how LiteLLM refuses a team key a model outside its team's list. */
export const teamModelAccessDenied = (model: string, allowed: string[]): ErrorReply =>
  proxyError(
    401,
    `team not allowed to access model. This team can only access models=${JSON.stringify(allowed)}. Tried to access ${model}`,
    'team_model_access_denied',
    'model',
  );

/** FastAPI's HTTPException(detail={"error": ...}), used by the model-management routes. */
const detailError = (status: number, error: string): ErrorReply => ({ status, body: { detail: { error } } });

export const dbNotConnected = (): ErrorReply =>
  detailError(500, 'DB not connected. See https://docs.litellm.ai/docs/proxy/virtual_keys');

export const modelIdNotFound = (id: string): ErrorReply => detailError(400, `Model id = ${id} not found on litellm proxy`);

export const keyInfoWithoutDatabase = (): ErrorReply =>
  proxyError(
    500,
    'Internal Server Error, Database not connected. Connect a database to your proxy - https://docs.litellm.ai/docs/simple_proxy#managing-auth---virtual-keys',
    'internal_server_error',
    'None',
  );

/** The event httpx's transport sends when the upstream drops mid-stream; Python's json.dumps spacing. */
export function midstreamErrorEvent(modelGroup: string): string {
  const message = `litellm.ServiceUnavailableError: litellm.MidStreamFallbackError: litellm.APIConnectionError: APIConnectionError: OpenAIException - peer closed connection without sending complete message body (incomplete chunked read). Received Model Group=${modelGroup}\nAvailable Model Group Fallbacks=None`;
  return `data: {"error": {"message": ${JSON.stringify(message)}, "type": null, "param": null, "code": "503"}}\n\n`;
}

/** The router's refusal on /v1/messages and /v1/responses: the same 400 whether or not a wildcard route exists. */
export const agentRouteUnknownModel = (model: string): ErrorReply =>
  proxyError(
    400,
    `litellm.BadRequestError: You passed in model=${model}. There are no healthy deployments for this model. Received Model Group=${model}\nAvailable Model Group Fallbacks=None`,
    null,
    null,
  );

/** /v1/messages without max_tokens: the Python TypeError, after the router's retries. */
export const messagesWithoutMaxTokens = (): ErrorReply =>
  proxyError(500, "anthropic_messages() missing 1 required positional argument: 'max_tokens'", 'None', 'None');

/** /v1/responses to a dead upstream: aiohttp's wording, with the host and port it tried. */
export function responsesCannotConnect(modelGroup: string, apiBase: string | undefined): ErrorReply {
  const url = new URL(apiBase ?? 'http://127.0.0.1:9');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return proxyError(
    500,
    `litellm.InternalServerError: InternalServerError: OpenAIException - Cannot connect to host ${url.hostname}:${port} ssl:default [Connect call failed ('${url.hostname}', ${port})]. Received Model Group=${modelGroup}\nAvailable Model Group Fallbacks=None`,
    null,
    null,
  );
}
