export type { ChatObservations, FailureMode, RunningServer, StreamKnobs } from './types.js';
export type { LiteLLMDeployment, LiteLLMServerOptions, LiteLLMVersion } from './litellm/types.js';
export type { LiteLLMServer } from './litellm-server.js';
export type { OpenRouterServer, OpenRouterServerOptions } from './openrouter-server.js';
export type { OpenRouterModel } from './openrouter/models.js';
export type { StaticRoute } from './static-server.js';

export { startLiteLLMServer } from './litellm-server.js';
export { startOpenRouterServer } from './openrouter-server.js';
export { startStaticServer } from './static-server.js';
export { generateDeployments } from './litellm/generate-deployments.js';
export { defaultDeployments, DEFAULT_MASTER_KEY } from './litellm/default-deployments.js';
export { defaultOpenRouterModels, generateOpenRouterModels } from './openrouter/models.js';
export { fixturesDir, loadPublicModelMap } from './fixtures.js';
export { HUGE_BODY_BYTES } from './failures.js';
export { DEFAULT_REASONING_REPLY, fillerReply } from './reply-plan.js';
export { startBrowserHostProcess, type BrowserHostProcess } from './browser-host-process.js';
