export type LiteLLMRoute =
  | 'root'
  | 'liveliness'
  | 'readiness'
  | 'health'
  | 'models'
  | 'model'
  | 'model-info'
  | 'model-group-info'
  | 'chat';

export interface RouteMatch {
  route: LiteLLMRoute;
  method: 'GET' | 'POST';
  /** The id of /v1/models/{id}; it may contain slashes ("openai/gpt-4o"). */
  param?: string;
}

const EXACT: Record<string, Omit<RouteMatch, 'param'>> = {
  '/': { route: 'root', method: 'GET' },
  '/health/liveliness': { route: 'liveliness', method: 'GET' },
  '/health/liveness': { route: 'liveliness', method: 'GET' },
  '/health/readiness': { route: 'readiness', method: 'GET' },
  '/health': { route: 'health', method: 'GET' },
  '/v1/models': { route: 'models', method: 'GET' },
  '/models': { route: 'models', method: 'GET' },
  '/model/info': { route: 'model-info', method: 'GET' },
  '/v1/model/info': { route: 'model-info', method: 'GET' },
  '/model_group/info': { route: 'model-group-info', method: 'GET' },
  '/v1/chat/completions': { route: 'chat', method: 'POST' },
  '/chat/completions': { route: 'chat', method: 'POST' },
};

/** Routes that answer without a key, as on a real proxy. */
export const PUBLIC_ROUTES: ReadonlySet<LiteLLMRoute> = new Set(['root', 'liveliness', 'readiness']);

/** Routes a plain OpenAI-compatible server (metadata: false) still has. */
export const PLAIN_ROUTES: ReadonlySet<LiteLLMRoute> = new Set(['models', 'chat']);

export function matchRoute(pathname: string): RouteMatch | undefined {
  const exact = EXACT[pathname];
  if (exact) return exact;
  const one = /^\/(?:v1\/)?models\/(.+)$/.exec(pathname);
  if (one?.[1]) return { route: 'model', method: 'GET', param: safeDecode(one[1]) };
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
