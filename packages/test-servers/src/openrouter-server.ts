import { assertFailureUsable, serveFailure } from './failures.js';
import { startHttpServer } from './http-server.js';
import type { Exchange, Lifecycle } from './http-server.js';
import { sendJson, sendRaw } from './respond.js';
import { createChatLog, withChatObservations } from './chat-watch.js';
import { DEFAULT_REASONING_REPLY } from './reply-plan.js';
import { assertChatOptionsUsable, knobsFor } from './chat-options.js';
import type { ChatAnswerOptions, ChatObservations, FailureMode, RunningServer } from './types.js';
import { handleOpenRouterChat, openRouterError } from './openrouter/chat.js';
import { defaultOpenRouterModels } from './openrouter/models.js';
import type { OpenRouterModel } from './openrouter/models.js';

export interface OpenRouterServerOptions extends ChatAnswerOptions {
  /** Default: twelve-odd realistic models (defaultOpenRouterModels()). */
  models?: OpenRouterModel[];
  /** Default ["sk-or-v1-test"]. */
  validKeys?: string[];
  latencyMs?: number;
  failure?: FailureMode | null;
  redirectTo?: string;
  /** While a stream waits for its next token (a stall, a token delay), a ": OPENROUTER PROCESSING" comment this often, as OpenRouter does. Default 0: only the two at the start. */
  keepAliveMs?: number;
  /** Listed model ids no provider serves now: chat gets 404 "No endpoints found for <id>.". */
  unavailableModels?: string[];
  /** 0 (default) lets the OS choose. Ignored by update(). */
  port?: number;
}

export type OpenRouterServer = RunningServer & ChatObservations & { update(patch: Partial<OpenRouterServerOptions>): void };

const DEFAULT_KEYS = ['sk-or-v1-test'];

/** The label OpenRouter shows for a key: its start and end, never the whole secret. */
function keyLabel(key: string): string {
  return `${key.slice(0, 12)}...${key.slice(-3)}`;
}

export async function startOpenRouterServer(options: OpenRouterServerOptions = {}): Promise<OpenRouterServer> {
  assertOptionsUsable(options);
  let current: OpenRouterServerOptions = { ...options };
  const chats = createChatLog();
  const defaults = defaultOpenRouterModels();
  const modelsJson = new WeakMap<OpenRouterModel[], string>();
  let chatCount = 0;

  /** undefined when the key is good, otherwise the 401 body. */
  function authError(exchange: Exchange, validKeys: string[]): unknown {
    const header = exchange.headers['authorization'];
    const key = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!key) return openRouterError(401, 'No auth credentials found');
    if (!validKeys.includes(key)) return openRouterError(401, 'User not found.');
    return undefined;
  }

  async function handle(exchange: Exchange, lifecycle: Lifecycle): Promise<void> {
    await lifecycle.sleep(current.latencyMs ?? 0);
    const o = current;
    const { res, method, pathname } = exchange;
    if (o.failure) {
      await serveFailure(o.failure, exchange, lifecycle, {
        redirectTo: o.redirectTo,
        notFoundBody: openRouterError(404, 'Not Found'),
        serverErrorBody: openRouterError(500, 'Internal Server Error'),
        pageTitle: 'OpenRouter',
      });
      return;
    }
    const models = o.models ?? defaults;
    const validKeys = o.validKeys ?? DEFAULT_KEYS;
    if (method === 'GET' && pathname === '/api/v1/models') {
      // Public on OpenRouter: no key needed, so a key cannot be validated here.
      const wanted = exchange.query.get('supported_parameters')?.split(',').filter(Boolean) ?? [];
      if (wanted.length > 0) {
        const data = models.filter((m) => wanted.every((p) => m.supported_parameters.includes(p)));
        return sendJson(res, 200, { data });
      }
      let json = modelsJson.get(models);
      if (json === undefined) modelsJson.set(models, (json = JSON.stringify({ data: models })));
      return sendRaw(res, 200, 'application/json', json);
    }
    if (method === 'GET' && (pathname === '/api/v1/key' || pathname === '/api/v1/auth/key')) {
      const denied = authError(exchange, validKeys);
      if (denied) return sendJson(res, 401, denied);
      const key = (exchange.headers['authorization'] ?? '').slice('Bearer '.length).trim();
      return sendJson(res, 200, {
        data: {
          label: keyLabel(key),
          limit: null,
          usage: 0,
          is_free_tier: false,
          limit_remaining: null,
          is_provisioning_key: false,
          rate_limit: { requests: -1, interval: '10s' },
        },
      });
    }
    if (method === 'POST' && pathname === '/api/v1/chat/completions') {
      const denied = authError(exchange, validKeys);
      if (denied) return sendJson(res, 401, denied);
      chatCount += 1;
      return handleOpenRouterChat(res, exchange.body, {
        models,
        reply: o.chatReply ?? 'Hi from upstream',
        replyTokens: o.replyTokens,
        reasoningReply: o.reasoningReply ?? DEFAULT_REASONING_REPLY,
        sequence: chatCount,
        knobs: (model) => knobsFor(o, model),
        hangModels: o.hangModels ?? [],
        unavailableModels: o.unavailableModels ?? [],
        keepAliveMs: o.keepAliveMs ?? 0,
        watch: (model, stream) => chats.watch(res, lifecycle, model, stream),
      });
    }
    sendJson(res, 404, openRouterError(404, 'Not Found'));
  }

  const running = await startHttpServer(handle, { port: options.port ?? 0 });
  const server = Object.assign(running, {
    update(patch: Partial<OpenRouterServerOptions>): void {
      const next = { ...current, ...patch };
      assertOptionsUsable(next);
      current = next;
    },
  });
  return withChatObservations(server, chats);
}

function assertOptionsUsable(o: OpenRouterServerOptions): void {
  assertFailureUsable(o.failure, o.redirectTo);
  assertChatOptionsUsable(o, { keepAliveMs: o.keepAliveMs });
}
