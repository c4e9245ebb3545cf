import { knobsFor } from '../chat-options.js';
import type { ChatLog } from '../chat-watch.js';
import { HTML_CONTENT_TYPE, swaggerPage } from '../html-page.js';
import { DEFAULT_REASONING_REPLY } from '../reply-plan.js';
import type { Exchange, Lifecycle } from '../http-server.js';
import { sendJson, sendRaw } from '../respond.js';
import { catalogOf, groupListJson, modelListJson, modelObject } from './catalog.js';
import { handleChatCompletion } from './chat.js';
import { COUNT_TOKENS_BODY, handleMessages } from './messages.js';
import type { AgentRouteSettings } from './messages.js';
import { handleResponses } from './responses.js';
import { DEFAULT_CHAT_REPLY, defaultDeployments } from './default-deployments.js';
import { dbNotConnected, keyInfoWithoutDatabase, modelDoesNotExist, modelIdNotFound, notFound } from './errors.js';
import type { ErrorReply } from './errors.js';
import { LIVELINESS_BODY, healthBody, readinessBody } from './health.js';
import { lookupModel } from './model-lookup.js';
import { ADMIN_UI_HEADERS, adminUiPage, openApiDocument, swaggerRootPage } from './recorded-pages.js';
import { ROUTE_METHODS } from './routes.js';
import type { LiteLLMRoute } from './routes.js';
import { supportedOpenAIParams } from './supported-params.js';
import { groupVisible, hasDatabase } from './team-access.js';
import type { LiteLLMServerOptions, TeamKey } from './types.js';
import { versionFacts } from './versions.js';

const JSON_TYPE = 'application/json';
const defaults = defaultDeployments();

export interface RouteRequest {
  exchange: Exchange;
  route: LiteLLMRoute;
  param: string | undefined;
  options: LiteLLMServerOptions;
  /** Set when the request carries one of options.teamKeys. */
  team: TeamKey | undefined;
  chats: ChatLog;
  lifecycle: Lifecycle;
}

export function serveRoute({ exchange, route, param, options: o, team, chats, lifecycle }: RouteRequest): void | Promise<void> {
  const { res, query } = exchange;
  const reply = (error: ErrorReply): void => sendJson(res, error.status, error.body);
  const facts = versionFacts(o.version);
  const catalog = catalogOf(o.deployments ?? defaults, o.version);
  const deployments = catalog.deployments;
  // A team sees only its models; undefined means everything.
  const visible = team?.models;
  const modelInfoOf = (list: Record<string, unknown>[]): Record<string, unknown>[] =>
    visible ? list.filter((entry) => visible.includes(entry['model_name'] as string)) : list;

  switch (route) {
    case 'root':
      return facts.recordedRoot
        ? sendRaw(res, 200, HTML_CONTENT_TYPE, swaggerRootPage())
        : sendRaw(res, 200, HTML_CONTENT_TYPE, swaggerPage('LiteLLM API'));
    case 'admin-ui':
      return sendRaw(res, 200, HTML_CONTENT_TYPE, adminUiPage(), ADMIN_UI_HEADERS);
    case 'admin-ui-bare':
      // Starlette's mount answers the bare path with a redirect to the slash.
      res.writeHead(307, { location: '/ui/', 'content-length': '0' });
      res.end();
      return;
    case 'openapi':
      return sendJson(res, 200, openApiDocument(ROUTE_METHODS));
    case 'liveliness':
      return sendJson(res, 200, LIVELINESS_BODY);
    case 'readiness':
      return sendJson(res, 200, readinessBody(facts.useAiohttpTransport));
    case 'health':
      return sendJson(res, 200, healthBody(deployments));
    case 'models':
      // A team key is answered with its sentinels only (all-team-models, ...), whatever the query.
      return sendRaw(res, 200, JSON_TYPE, team ? modelListJson(team.sentinels) : catalog.modelsJson);
    case 'model': {
      const id = param ?? '';
      if (!catalog.ids.includes(id) || (visible && !groupVisible(visible, id))) return reply(modelDoesNotExist(id));
      return sendJson(res, 200, modelObject(id));
    }
    case 'model-info': {
      const wantedId = query.get('litellm_model_id');
      const list = o.modelInfoEmpty ? [] : modelInfoOf(catalog.modelInfo);
      if (wantedId !== null) {
        const found = list.filter((entry) => (entry['model_info'] as Record<string, unknown>)['id'] === wantedId);
        return found.length > 0 ? sendJson(res, 200, { data: found }) : reply(modelIdNotFound(wantedId));
      }
      if (o.modelInfoEmpty) return sendJson(res, 200, { data: [] });
      return visible ? sendJson(res, 200, { data: list }) : sendRaw(res, 200, JSON_TYPE, catalog.modelInfoJson);
    }
    case 'model-info-v2':
      if (o.v2ModelInfo === undefined && !hasDatabase(o)) return reply(dbNotConnected());
      return visible ? sendJson(res, 200, { data: modelInfoOf(catalog.modelInfo) }) : sendRaw(res, 200, JSON_TYPE, catalog.modelInfoJson);
    case 'model-group-info': {
      const wanted = query.get('model_group');
      const { groups, json } = catalog.groups;
      if (wanted === null && !visible) return sendRaw(res, 200, JSON_TYPE, catalog.groupsJson);
      const kept = json.filter((_, index) => {
        const name = groups[index]?.['model_group'] as string;
        return (wanted === null || name === wanted) && (!visible || groupVisible(visible, name));
      });
      return sendRaw(res, 200, JSON_TYPE, groupListJson(kept));
    }
    case 'model-hub':
      // No group is marked public on these proxies, so the hub is empty for everyone.
      return sendJson(res, 200, []);
    case 'supported-params': {
      const model = query.get('model');
      if (model === null) {
        return sendJson(res, 422, { detail: [{ type: 'missing', loc: ['query', 'model'], msg: 'Field required', input: null }] });
      }
      const deployment = deployments.find((d) => d.model_name === model);
      const { provider, entry } = lookupModel(deployment?.litellm_params.model ?? model);
      const params = supportedOpenAIParams(provider, entry, facts.missingOpenAIParams);
      // Asked for directly, LiteLLM adds "user", which its model-info listing leaves out for OpenAI.
      if (!params.includes('user')) params.push('user');
      return sendJson(res, 200, { supported_openai_params: params });
    }
    case 'key-info':
      // Only the proxy without a database is recorded; key details with one are not simulated.
      return reply(hasDatabase(o) ? notFound : keyInfoWithoutDatabase());
    case 'chat':
      return handleChatCompletion(res, exchange.body, {
        deployments,
        reply: o.chatReply ?? DEFAULT_CHAT_REPLY,
        replyTokens: o.replyTokens,
        reasoningReply: o.reasoningReply ?? DEFAULT_REASONING_REPLY,
        facts,
        midstream: o.upstreamDiesMidstream ?? null,
        allowedModels: visible,
        knobs: (model) => knobsFor(o, model),
        hangModels: o.hangModels ?? [],
        deadUpstreamDelayMs: o.deadUpstreamDelayMs ?? 0,
        watch: (model, stream) => chats.watch(res, lifecycle, model, stream),
      });
    case 'messages':
    case 'responses': {
      const settings: AgentRouteSettings = {
        deployments,
        reply: o.chatReply ?? DEFAULT_CHAT_REPLY,
        allowedModels: visible,
        knobs: (model) => knobsFor(o, model),
        deadUpstreamDelayMs: o.deadUpstreamDelayMs ?? 0,
        upstreamDies: (o.upstreamDiesMidstream ?? null) !== null,
        omitsLogprobs: o.responsesUpstreamOmitsLogprobs ?? false,
        litellmHeaders: facts.litellmHeaders,
        watch: (model, stream) => chats.watch(res, lifecycle, model, stream),
      };
      return route === 'messages' ? handleMessages(res, exchange.body, settings) : handleResponses(res, exchange.body, settings);
    }
    case 'count-tokens':
      // Counted by the proxy itself: no deployment is needed, an unknown model is counted too.
      return sendJson(res, 200, COUNT_TOKENS_BODY);
  }
}
