export type LiteLLMRoute =
  | 'root'
  | 'admin-ui'
  | 'admin-ui-bare'
  | 'openapi'
  | 'liveliness'
  | 'readiness'
  | 'health'
  | 'models'
  | 'model'
  | 'model-info'
  | 'model-info-v2'
  | 'model-group-info'
  | 'model-hub'
  | 'supported-params'
  | 'key-info'
  | 'chat'
  | 'messages'
  | 'count-tokens'
  | 'responses';

export interface RouteMatch {
  route: LiteLLMRoute;
  method: 'GET' | 'POST';
  /** The id of /v1/models/{id}; on 1.81.12 it may contain slashes ("openai/gpt-4o"). */
  param?: string;
}

const EXACT: Record<string, Omit<RouteMatch, 'param'>> = {
  '/': { route: 'root', method: 'GET' },
  '/ui/': { route: 'admin-ui', method: 'GET' },
  '/ui': { route: 'admin-ui-bare', method: 'GET' },
  '/openapi.json': { route: 'openapi', method: 'GET' },
  '/health/liveliness': { route: 'liveliness', method: 'GET' },
  '/health/liveness': { route: 'liveliness', method: 'GET' },
  '/health/readiness': { route: 'readiness', method: 'GET' },
  '/health': { route: 'health', method: 'GET' },
  '/v1/models': { route: 'models', method: 'GET' },
  '/models': { route: 'models', method: 'GET' },
  '/model/info': { route: 'model-info', method: 'GET' },
  '/v1/model/info': { route: 'model-info', method: 'GET' },
  '/v2/model/info': { route: 'model-info-v2', method: 'GET' },
  '/model_group/info': { route: 'model-group-info', method: 'GET' },
  '/public/model_hub': { route: 'model-hub', method: 'GET' },
  '/utils/supported_openai_params': { route: 'supported-params', method: 'GET' },
  '/key/info': { route: 'key-info', method: 'GET' },
  '/v1/chat/completions': { route: 'chat', method: 'POST' },
  '/chat/completions': { route: 'chat', method: 'POST' },
  // Claude Code posts to /v1/messages?beta=true; the query changes nothing.
  '/v1/messages': { route: 'messages', method: 'POST' },
  '/v1/messages/count_tokens': { route: 'count-tokens', method: 'POST' },
  // Codex; LiteLLM also serves the path without /v1.
  '/v1/responses': { route: 'responses', method: 'POST' },
  '/responses': { route: 'responses', method: 'POST' },
};

/** Every exact path and its method, for /openapi.json. */
export const ROUTE_METHODS: Record<string, string> = Object.fromEntries(
  Object.entries(EXACT).map(([path, match]) => [path, match.method]),
);

/** Routes that answer without a key, as on a real proxy. */
export const PUBLIC_ROUTES: ReadonlySet<LiteLLMRoute> = new Set([
  'root',
  'admin-ui',
  'admin-ui-bare',
  'openapi',
  'liveliness',
  'readiness',
  'model-hub',
]);

/** Routes a plain OpenAI-compatible server (metadata: false) still has. */
export const PLAIN_ROUTES: ReadonlySet<LiteLLMRoute> = new Set(['models', 'chat']);

/**
 * `slashInId`: 1.81.12 is answered as before, routing "/v1/models/openai/gpt-4o" to that id; on 1.81.0
 * the path parameter stops at "/" (an encoded %2F included, Starlette decodes first), so such a path is
 * no route at all.
 */
export function matchRoute(pathname: string, slashInId = true): RouteMatch | undefined {
  const exact = EXACT[pathname];
  if (exact) return exact;
  const one = /^\/(?:v1\/)?models\/(.+)$/.exec(pathname);
  if (!one?.[1]) return undefined;
  const id = safeDecode(one[1]);
  if (!slashInId && id.includes('/')) return undefined;
  return { route: 'model', method: 'GET', param: id };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
