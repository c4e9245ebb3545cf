import { STREAM_LIMITS, type InstanceId, type ModelCapabilities, type SwitchboardStreams } from '@switchboard/shared';
import { generate, type GenerateDeps, type GenerateLimits, type GenerateTarget } from '../generate/index.js';
import { checkModels, CHECK_CONCURRENCY } from '../health/check-models.js';
import { checkOne, minimalRequest, type Generation } from '../health/check-one.js';
import { apiKeyEnvVariable } from '../opencode/index.js';
import type { Redactor } from '../redact.js';
import type { ModelCapabilitiesSource } from './capabilities-source.js';
import type { PlatformRegistry } from './platform-registry.js';
import type { PlatformService } from './platform-service.js';
import { savedConnection, type SavedConnection } from './saved-connection.js';
import { routedFetch } from '../network/routed-fetch.js';
import type { RoutedServices } from './services.js';
import { createDiagnoseStream } from '../diagnose/diagnose-stream.js';
import { untilAborted } from '../until-aborted.js';

/** What tests set smaller than the defaults. */
export interface StreamTuning {
  /** Generation's deadlines and caps; shared's STREAM_LIMITS when absent. */
  generateLimits?: GenerateLimits;
  /** How long one model of a check may take before it counts as timed out. */
  checkDeadlineMs?: number;
  checkConcurrency?: number;
}

/** Long enough for LiteLLM's own retries of a dead upstream (about 5 s) and a slow first token; short enough to finish a list. */
const CHECK_DEADLINE_MS = 30_000;

// Nobody says: the request sends only what every OpenAI-compatible server takes.
const UNKNOWN_CAPABILITIES: ModelCapabilities = { supportedParams: null, supportsResponseSchema: null, supportsReasoning: null, maxTokensParam: 'max_tokens' };

interface StreamParts {
  services: RoutedServices;
  registry: PlatformRegistry;
  capabilities: ModelCapabilitiesSource;
  /** The API's own: a result is masked before it is written to disk, where no key may ever go. */
  redactor: Redactor;
  tuning?: StreamTuning | undefined;
  /** The service a custom endpoint without an id yet is tested on: the same one `custom:test-connection` uses. */
  unsavedCustom: () => PlatformService;
}

/**
 * The stream channels: generation and the model check, each run on the saved
 * connection (URL from settings, key from the keychain, within its deadline).
 * A connection that cannot be used ends the stream with one `error` event
 * whose sentence says why.
 */
export function createStreams(parts: StreamParts): SwitchboardStreams {
  const { services, registry, tuning } = parts;
  // Read per generation: a deadline changed in the settings file counts from the next Send.
  const depsNow = (instanceId: InstanceId): GenerateDeps => {
    const { firstByteTimeoutMs, stallTimeoutMs } = services.settings.read().playground;
    return { fetch: routedFetch(services.routes, instanceId), monotonic: services.monotonic, limits: { ...STREAM_LIMITS, firstByteTimeoutMs, stallTimeoutMs, ...tuning?.generateLimits } };
  };

  /** A generation on a resolved connection: what the playground and each model of a check run. */
  const generationOn =
    (connection: SavedConnection): Generation =>
    async function* (input, signal) {
      // Stop (or a check's deadline) while the metadata is asked for goes straight to generation, which ends at once as stopped.
      const capabilities = await untilAborted(parts.capabilities.on(connection, input.modelId), signal);
      const target: GenerateTarget = {
        openAIBaseUrl: connection.openAIBaseUrl,
        key: connection.key,
        keyVariable: apiKeyEnvVariable(connection.instanceId),
        wording: connection.platform.wording,
        capabilities: capabilities ?? UNKNOWN_CAPABILITIES,
      };
      yield* generate(depsNow(connection.instanceId), target, input, signal);
    };

  return {
    'connection:diagnose': createDiagnoseStream({ services, registry, unsavedCustom: parts.unsavedCustom }),
    'playground:generate': async function* (input, signal) {
      const connection = await savedConnection(registry, services.secrets, input.instanceId);
      if (!connection.ok) {
        yield { type: 'error', error: connection.error, totalMs: 0 };
        return;
      }
      yield* generationOn(connection.value)(input, signal);
    },

    'models:check': async function* ({ instanceId, modelIds }, signal) {
      const connection = await savedConnection(registry, services.secrets, instanceId);
      if (!connection.ok) {
        yield { type: 'error', error: connection.error, totalMs: 0 };
        return;
      }
      const generation = generationOn(connection.value);
      const deadlineMs = tuning?.checkDeadlineMs ?? CHECK_DEADLINE_MS;
      const clock = { now: services.now, monotonic: services.monotonic };
      try {
        yield* checkModels(
          modelIds,
          {
            checkOne: (modelId, checkSignal) => checkOne(generation, minimalRequest(instanceId, modelId), deadlineMs, clock, checkSignal),
            keep: (modelId, health) => {
              const message = health.message === null ? null : parts.redactor.redact(health.message);
              services.modelHealth.keep(instanceId, connection.value.baseUrl, modelId, { ...health, message });
            },
            concurrency: tuning?.checkConcurrency ?? CHECK_CONCURRENCY,
          },
          signal,
        );
      } finally {
        // Ended, cancelled or failed: what was checked is on disk before anyone can ask again after a restart.
        services.modelHealth.flush();
      }
    },
  };
}
