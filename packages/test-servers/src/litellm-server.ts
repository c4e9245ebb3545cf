import { assertFailureUsable, serveFailure } from './failures.js';
import type { FailureContext } from './failures.js';
import { startHttpServer } from './http-server.js';
import type { Exchange, Lifecycle } from './http-server.js';
import { sendJson } from './respond.js';
import { createChatLog, withChatObservations } from './chat-watch.js';
import { assertChatOptionsUsable } from './chat-options.js';
import type { ChatObservations, RunningServer } from './types.js';
import { checkAuth } from './litellm/auth.js';
import { DEFAULT_MASTER_KEY } from './litellm/default-deployments.js';
import { internalServerError, methodNotAllowed, notFound, routeForbidden } from './litellm/errors.js';
import type { ErrorReply } from './litellm/errors.js';
import { PLAIN_ROUTES, PUBLIC_ROUTES, matchRoute } from './litellm/routes.js';
import type { LiteLLMRoute } from './litellm/routes.js';
import { serveRoute } from './litellm/serve-route.js';
import { hasDatabase, teamKeyOf } from './litellm/team-access.js';
import type { LiteLLMServerOptions } from './litellm/types.js';
import { versionFacts } from './litellm/versions.js';

export type LiteLLMServer = RunningServer & ChatObservations & { update(patch: Partial<LiteLLMServerOptions>): void };

export async function startLiteLLMServer(options: LiteLLMServerOptions = {}): Promise<LiteLLMServer> {
  assertOptionsUsable(options);
  let current: LiteLLMServerOptions = { ...options };
  const chats = createChatLog();

  const reply = (exchange: Exchange, error: ErrorReply): void => sendJson(exchange.res, error.status, error.body);

  async function handle(exchange: Exchange, lifecycle: Lifecycle): Promise<void> {
    await lifecycle.sleep(current.latencyMs ?? 0);
    const o = current;
    const facts = versionFacts(o.version);
    // Every 1.81.0 answer was recorded with uvicorn's server header.
    if (facts.litellmHeaders) exchange.res.setHeader('server', 'uvicorn');
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
    const match = matchRoute(exchange.pathname, facts.slashInModelId);
    if (!match || (o.metadata === false && !PLAIN_ROUTES.has(match.route))) return reply(exchange, notFound);
    if (exchange.method !== match.method) return reply(exchange, methodNotAllowed);
    const availability = availabilityOf(o, match.route);
    // A proxy without the route 404s before authentication even runs.
    if (availability === 'not-found') return reply(exchange, notFound);
    if (!PUBLIC_ROUTES.has(match.route)) {
      const denied = checkAuth(exchange.headers, {
        masterKey: o.masterKey === undefined ? DEFAULT_MASTER_KEY : o.masterKey,
        virtualKeys: [...(o.virtualKeys ?? []), ...Object.keys(o.teamKeys ?? {})],
        database: hasDatabase(o),
      });
      if (denied) return reply(exchange, denied);
    }
    if (availability === 'forbidden') return reply(exchange, routeForbidden(exchange.pathname));
    await serveRoute({ exchange, route: match.route, param: match.param, options: o, team: teamKeyOf(exchange.headers, o), chats, lifecycle });
  }

  const running = await startHttpServer(handle, { tls: options.tls ?? false, port: options.port ?? 0 });
  const server = Object.assign(running, {
    update(patch: Partial<LiteLLMServerOptions>): void {
      const next = { ...current, ...patch };
      assertOptionsUsable(next);
      current = next;
    },
  });
  return withChatObservations(server, chats);
}

function assertOptionsUsable(o: LiteLLMServerOptions): void {
  assertFailureUsable(o.failure, o.redirectTo);
  assertChatOptionsUsable(o, { deadUpstreamDelayMs: o.deadUpstreamDelayMs });
}

function availabilityOf(o: LiteLLMServerOptions, route: LiteLLMRoute): 'ok' | 'not-found' | 'forbidden' {
  if (route === 'model-info') return o.modelInfo ?? 'ok';
  if (route === 'model-group-info') return o.modelGroupInfo ?? 'ok';
  if (route === 'model-info-v2') return o.v2ModelInfo ?? 'ok';
  return 'ok';
}
