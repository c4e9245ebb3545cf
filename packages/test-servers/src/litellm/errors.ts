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
