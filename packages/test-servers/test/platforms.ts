import { startLiteLLMServer, startOpenRouterServer } from '../src/index.js';
import type { ChatObservations, LiteLLMServerOptions, RunningServer } from '../src/index.js';
import { MASTER } from './support.js';

/** The options both servers share for chat answers. */
type ChatOptions = Pick<LiteLLMServerOptions, 'stream' | 'streamByModel' | 'replyTokens' | 'chatReply' | 'hangModels' | 'reasoningReply'>;

type ChatServer = RunningServer & ChatObservations;

/** A server under test and how to ask it for a chat completion. */
export interface Platform {
  name: string;
  start(options: ChatOptions): Promise<ChatServer>;
  /** A model that answers and does not reason. */
  model: string;
  /** A second such model. */
  otherModel: string;
  /** A model whose metadata says it reasons (on LiteLLM, through the deployment below). */
  reasoningModel: string;
  chat(server: RunningServer, body: Record<string, unknown>, signal?: AbortSignal): Promise<Response>;
}

const THINKER = { model_name: 'thinker', litellm_params: { model: 'openai/o3-mini' } };

export const PLATFORMS: Platform[] = [
  {
    name: 'LiteLLM',
    start: (options) => startLiteLLMServer({ ...options, deployments: [{ model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o' } }, { model_name: 'fake-up', litellm_params: { model: 'openai/fake-model' } }, THINKER] }),
    model: 'gpt-4o',
    otherModel: 'fake-up',
    reasoningModel: 'thinker',
    chat: (server, body, signal) =>
      fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { ...MASTER, 'content-type': 'application/json' }, body: JSON.stringify(body), ...(signal ? { signal } : {}) }),
  },
  {
    name: 'OpenRouter',
    start: (options) => startOpenRouterServer(options),
    model: 'openai/gpt-4o',
    otherModel: 'anthropic/claude-3.5-sonnet',
    reasoningModel: 'deepseek/deepseek-r1',
    chat: (server, body, signal) =>
      fetch(`${server.url}/api/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-or-v1-test', 'content-type': 'application/json' },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      }),
  },
];
