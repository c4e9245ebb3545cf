import { assertFailureUsable, serveFailure } from './failures.js';
import type { FailureContext } from './failures.js';
import { HTML_CONTENT_TYPE, swaggerPage } from './html-page.js';
import { startHttpServer } from './http-server.js';
import type { Exchange, Lifecycle } from './http-server.js';
import { sendJson, sendRaw } from './respond.js';
import type { RunningServer } from './types.js';
import { checkAuth } from './litellm/auth.js';
import { handleChatCompletion } from './litellm/chat.js';
import { DEFAULT_CHAT_REPLY, DEFAULT_MASTER_KEY, defaultDeployments } from './litellm/default-deployments.js';
import { internalServerError, methodNotAllowed, modelDoesNotExist, notFound, routeForbidden } from './litellm/errors.js';
import type { ErrorReply } from './litellm/errors.js';
import { LIVELINESS_BODY, READINESS_BODY, healthBody } from './litellm/health.js';
import { modelGroupEntries } from './litellm/model-groups.js';
import { modelInfoEntry } from './litellm/model-info.js';
import { modelIds } from './litellm/model-list.js';
import { PLAIN_ROUTES, PUBLIC_ROUTES, matchRoute } from './litellm/routes.js';
import type { LiteLLMRoute } from './litellm/routes.js';
import type { LiteLLMDeployment, LiteLLMServerOptions } from './litellm/types.js';

export type LiteLLMServer = RunningServer & { update(patch: Partial<LiteLLMServerOptions>): void };

// A 10,000-model /model/info is tens of MB; build each body once per deployment list, not per request.
interface Catalog {
  ids?: string[];
  modelsJson?: string;
  modelInfo?: Record<string, unknown>[];
  modelInfoJson?: string;
  groups?: Record<string, unknown>[];
  groupsJson?: string;
}
const catalogs = new WeakMap<LiteLLMDeployment[], Catalog>();
function catalogOf(deployments: LiteLLMDeployment[]): Catalog {
  let catalog = catalogs.get(deployments);
  if (!catalog) catalogs.set(deployments, (catalog = {}));
  return catalog;
}

function modelObject(id: string): Record<string, unknown> {
  return { id, object: 'model', created: 1677610602, owned_by: 'openai' };
}

const JSON_TYPE = 'application/json';

export async function startLiteLLMServer(options: LiteLLMServerOptions = {}): Promise<LiteLLMServer> {
  assertFailureUsable(options.failure, options.redirectTo);
  let current: LiteLLMServerOptions = { ...options };
  const defaults = defaultDeployments();

  const reply = (exchange: Exchange, error: ErrorReply): void => sendJson(exchange.res, error.status, error.body);

  async function handle(exchange: Exchange, lifecycle: Lifecycle): Promise<void> {
    await lifecycle.sleep(current.latencyMs ?? 0);
    const o = current;
    if (o.failure) {
      const context: FailureContext = {
        redirectTo: o.redirectTo,
        notFoundBody: notFound.body,
        serverErrorBody: internalServerError().body,
        pageTitle: 'LiteLLM API',
      };
      await serveFailure(o.failure, exchange, lifecycle, context);
      return;
    }
    const match = matchRoute(exchange.pathname);
    if (!match || (o.metadata === false && !PLAIN_ROUTES.has(match.route))) return reply(exchange, notFound);
    if (exchange.method !== match.method) return reply(exchange, methodNotAllowed);
    const availability = availabilityOf(o, match.route);
    // A proxy without the route 404s before authentication even runs.
    if (availability === 'not-found') return reply(exchange, notFound);
    if (!PUBLIC_ROUTES.has(match.route)) {
      const denied = checkAuth(exchange.headers, {
        masterKey: o.masterKey === undefined ? DEFAULT_MASTER_KEY : o.masterKey,
        virtualKeys: o.virtualKeys ?? [],
        database: o.database ?? false,
      });
      if (denied) return reply(exchange, denied);
    }
    if (availability === 'forbidden') return reply(exchange, routeForbidden(exchange.pathname));
    serveRoute(exchange, match.route, match.param, o);
  }

  function serveRoute(exchange: Exchange, route: LiteLLMRoute, param: string | undefined, o: LiteLLMServerOptions): void {
    const { res } = exchange;
    const deployments = o.deployments ?? defaults;
    const catalog = catalogOf(deployments);
    switch (route) {
      case 'root':
        return sendRaw(res, 200, HTML_CONTENT_TYPE, swaggerPage('LiteLLM API'));
      case 'liveliness':
        return sendJson(res, 200, LIVELINESS_BODY);
      case 'readiness':
        return sendJson(res, 200, READINESS_BODY);
      case 'health':
        return sendJson(res, 200, healthBody(deployments));
      case 'models': {
        catalog.ids ??= modelIds(deployments);
        catalog.modelsJson ??= JSON.stringify({ data: catalog.ids.map(modelObject), object: 'list' });
        return sendRaw(res, 200, JSON_TYPE, catalog.modelsJson);
      }
      case 'model': {
        catalog.ids ??= modelIds(deployments);
        const id = param ?? '';
        if (!catalog.ids.includes(id)) return reply(exchange, modelDoesNotExist(id));
        return sendJson(res, 200, modelObject(id));
      }
      case 'model-info': {
        catalog.modelInfo ??= deployments.map(modelInfoEntry);
        catalog.modelInfoJson ??= JSON.stringify({ data: catalog.modelInfo });
        return sendRaw(res, 200, JSON_TYPE, catalog.modelInfoJson);
      }
      case 'model-group-info': {
        catalog.groups ??= modelGroupEntries(deployments);
        const wanted = exchange.query.get('model_group');
        if (wanted !== null) {
          return sendJson(res, 200, { data: catalog.groups.filter((group) => group['model_group'] === wanted) });
        }
        catalog.groupsJson ??= JSON.stringify({ data: catalog.groups });
        return sendRaw(res, 200, JSON_TYPE, catalog.groupsJson);
      }
      case 'chat':
        return handleChatCompletion(res, exchange.body, deployments, o.chatReply ?? DEFAULT_CHAT_REPLY);
    }
  }

  const running = await startHttpServer(handle, { tls: options.tls ?? false, port: options.port ?? 0 });
  return Object.assign(running, {
    update(patch: Partial<LiteLLMServerOptions>): void {
      const next = { ...current, ...patch };
      assertFailureUsable(next.failure, next.redirectTo);
      current = next;
    },
  });
}

function availabilityOf(o: LiteLLMServerOptions, route: LiteLLMRoute): 'ok' | 'not-found' | 'forbidden' {
  if (route === 'model-info') return o.modelInfo ?? 'ok';
  if (route === 'model-group-info') return o.modelGroupInfo ?? 'ok';
  return 'ok';
}
