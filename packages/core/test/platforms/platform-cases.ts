import {
  startLiteLLMServer,
  startOpenRouterServer,
  type FailureMode,
  type RunningServer,
} from '@switchboard/test-servers';
import { customPlatform } from '../../src/platforms/custom/custom-platform.js';
import { litellmPlatform } from '../../src/platforms/litellm/litellm-platform.js';
import { openrouterPlatform } from '../../src/platforms/openrouter/openrouter-platform.js';
import type { Platform } from '../../src/platforms/platform.js';

export interface ServerKnobs {
  failure?: FailureMode | null;
  redirectTo?: string;
}

/** One platform as the conformance suite sees it: the implementation, and how to stand up a server it talks to. */
export interface PlatformCase {
  name: string;
  platform: Platform;
  goodKey: string;
  start(knobs?: ServerKnobs): Promise<{ server: RunningServer; urlInput: string | undefined; env: NodeJS.ProcessEnv }>;
}

/** Add a platform here and it runs the whole conformance suite. */
export const platformCases: PlatformCase[] = [
  {
    name: 'LiteLLM',
    platform: litellmPlatform,
    goodKey: 'sk-master-1234',
    async start(knobs = {}) {
      const server = await startLiteLLMServer(knobs);
      return { server, urlInput: `${server.url}/v1/`, env: {} };
    },
  },
  {
    name: 'OpenRouter',
    platform: openrouterPlatform,
    goodKey: 'sk-or-v1-test',
    async start(knobs = {}) {
      const server = await startOpenRouterServer(knobs);
      return { server, urlInput: undefined, env: { SWITCHBOARD_OPENROUTER_BASE_URL: `${server.url}/api/v1` } };
    },
  },
  {
    name: 'custom OpenAI-compatible endpoint',
    platform: customPlatform,
    goodKey: 'sk-master-1234',
    async start(knobs = {}) {
      // LiteLLM's server without its extra routes is a plain OpenAI-compatible server.
      const server = await startLiteLLMServer({ ...knobs, metadata: false });
      return { server, urlInput: server.url, env: {} };
    },
  },
];
