import type { Duplex } from 'node:stream';
import {
  customInstanceId,
  type AgentApi,
  type DiagnoseInput,
  type DiagnosisEvent,
  type DiagnosisResult,
  type DiagnosisStep,
  type DiagnosisStepEvent,
  type InstanceId,
  type SwitchboardStreams,
} from '@switchboard/shared';
import type { PlatformRegistry } from '../api/platform-registry.js';
import type { PlatformService } from '../api/platform-service.js';
import type { RoutedServices } from '../api/services.js';
import type { PlatformRoute } from '../network/network-route.js';
import { routedFetch } from '../network/routed-fetch.js';
import { apiKeyEnvVariable, headerEnvVariable } from '../opencode/api-key-env.js';
import { customPlatform } from '../platforms/custom/custom-platform.js';
import { litellmPlatform } from '../platforms/litellm/litellm-platform.js';
import { openrouterPlatform } from '../platforms/openrouter/openrouter-platform.js';
import type { Platform, PlatformContext } from '../platforms/platform.js';
import { diagnosisReport, type ReportSetting } from './diagnosis-report.js';
import { checkAlive, checkApis, checkMetadata, explainListingFailure, type HttpSteps } from './http-steps.js';
import type { ProbeRequest } from './probe.js';
import { recordFoundApis } from './record-apis.js';
import { resolveName } from './resolve-name.js';
import { failed, ok, skip, targetOf, type StepOutcome, type Target } from './step-outcome.js';
import { checkTls, speaksTls } from './tls-step.js';
import { openTunnel } from './open-tunnel.js';
import { understandUrl } from './understand-url.js';
import { untilAborted } from '../until-aborted.js';

export interface DiagnoseParts {
  /** Its `routes` are how every request of the diagnosis leaves the machine, as the platform's own requests do. */
  services: RoutedServices;
  registry: PlatformRegistry;
  /** The service a custom endpoint without an id yet is tested on: the one `custom:test-connection` uses too. */
  unsavedCustom: () => PlatformService;
}

const PLATFORMS: Record<DiagnoseInput['platform'], Platform> = { litellm: litellmPlatform, openrouter: openrouterPlatform, custom: customPlatform };

/** The work of one step, in order; each reads what the steps before it left in the run. */
type Plan = ReadonlyArray<[DiagnosisStep, () => Promise<StepOutcome>]>;

function stepEvent(step: DiagnosisStep, outcome: StepOutcome, ms: number | null): DiagnosisStepEvent {
  const event: DiagnosisStepEvent = { type: 'step', step, state: outcome.state, ms, detail: outcome.detail, fix: outcome.state === 'skip' ? null : (outcome.fix ?? null) };
  if (outcome.state === 'fail' && outcome.certificate !== undefined) event.certificate = outcome.certificate;
  return event;
}

/**
 * Test Connection step by step (`connection:diagnose`). The `models` step is
 * the platform service's own test-connection, so the listing it records is
 * the one fetch-metadata and set-config use afterwards, and `done.result` is
 * its answer plus the agent APIs found. No tokens are spent.
 */
export function createDiagnoseStream(parts: DiagnoseParts): SwitchboardStreams['connection:diagnose'] {
  const { services, registry } = parts;
  const { routes } = services;
  const { unsavedCustom } = parts;
  return async function* (input, signal): AsyncGenerator<DiagnosisEvent> {
    const started = services.monotonic();
    const totalMs = () => Math.round(services.monotonic() - started);
    const platform = PLATFORMS[input.platform];
    const instanceId: InstanceId | null = input.platform === 'custom' ? (input.endpointId === undefined ? null : customInstanceId(input.endpointId)) : input.platform;
    const service = instanceId === null ? unsavedCustom() : (registry(instanceId)?.service ?? null);
    if (service === null) {
      const message = `There is no custom endpoint "${input.endpointId ?? ''}". It may have been removed.`;
      yield { type: 'error', error: { kind: 'not-configured', message }, report: message, totalMs: 0 };
      return;
    }
    const context: PlatformContext = { client: { fetch: routedFetch(routes, instanceId), timeoutMs: services.timeoutMs, maxBytes: services.maxBytes }, publicModelMap: services.publicModelMap, env: services.env };
    // The platform's own network settings, kept whether or not its connection is saved yet.
    const ownNetwork = instanceId === null ? undefined : services.settings.read().network.platforms[instanceId];
    const timeoutMs = services.timeoutMs;
    const abortAll = new AbortController();
    const stop = AbortSignal.any([signal, abortAll.signal]);
    const deadline = () => AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]);

    // What the steps leave for the ones after them.
    let baseUrl: string | null = null;
    let target: Target | null = null;
    let route: PlatformRoute | null = null;
    let proxy: { url: string; authorization: string | null } | null = null;
    let socket: Duplex | null = null;
    let key: string | null = null;
    let listing: DiagnosisResult | null = null;
    let apis: AgentApi[] = [];
    let lastRequest: ProbeRequest | null = null;

    const http = (): HttpSteps => ({
      fetch: (route as PlatformRoute).fetch,
      baseUrl: baseUrl as string,
      openAIBaseUrl: platform.openAIBaseUrl(baseUrl as string),
      target: target as Target,
      product: platform.wording.product,
      key,
      timeoutMs,
      signal: stop,
      speaksTls: () => speaksTls(target as Target, proxy, deadline()),
      sent: (request) => (lastRequest = request),
    });
    const firstModel = () => listing?.modelIds[0] ?? null;

    const plan: Plan = [
      [
        'url',
        async () => {
          const understood = understandUrl(platform, input.url, context, input.platform === 'openrouter');
          if (!understood.ok) return understood.outcome;
          baseUrl = understood.baseUrl;
          target = targetOf(new URL(understood.baseUrl));
          const routed = await routes.routeFor(instanceId);
          if (!routed.ok) return failed(routed.error.kind, routed.error.message, "Correct this platform's network settings, then test again.");
          route = routed.value;
          const proxyUrl = route.proxyFor(baseUrl);
          if (proxyUrl !== null) proxy = { url: proxyUrl, authorization: route.proxyAuthorizationFor(baseUrl) };
          key = input.key.mode === 'provided' ? input.key.value : input.key.mode === 'stored' && instanceId !== null ? await services.secrets.get(instanceId) : null;
          return understood.outcome;
        },
      ],
      ['dns', async () => resolveName(proxy === null ? (target as Target).host : new URL(proxy.url).hostname, { proxy: proxy?.url ?? null, serverHost: (target as Target).host }, deadline())],
      [
        'tcp',
        async () => {
          const tunnel = await openTunnel(target as Target, proxy, deadline());
          if (!tunnel.ok) return tunnel.outcome;
          socket = tunnel.socket;
          return ok(tunnel.detail);
        },
      ],
      [
        'tls',
        async () => {
          const open = socket as Duplex;
          socket = null;
          if (!(target as Target).secure) {
            open.destroy();
            return skip('The URL is http://, so there is no TLS; requests and the key travel unencrypted.');
          }
          return checkTls(open, target as Target, baseUrl as string, proxy, (route as PlatformRoute).extraCa, deadline, services.now());
        },
      ],
      ['alive', async () => (input.platform === 'litellm' ? checkAlive(http()) : skip(`Only LiteLLM has /health/liveliness; the next step asks ${platform.displayName} for its models.`))],
      [
        'models',
        async () => {
          const steps = http();
          // The listing's request as the report reproduces it: only whether a key goes with it matters there, never its value.
          lastRequest = { method: 'GET', url: `${steps.openAIBaseUrl}/models`, headers: key === null ? {} : { authorization: 'Bearer $KEY' } };
          const tested = await service.testConnection({ url: input.url, key: input.key });
          if (!tested.ok) {
            const explained = await explainListingFailure(steps);
            if (explained) return explained;
            const extra = tested.error.suggestedUrl === undefined ? {} : { suggestedUrl: tested.error.suggestedUrl };
            const fix =
              tested.error.kind === 'unauthorized'
                ? "Enter the key again (a stored key may be an old one), or ask the proxy's admin for a valid one."
                : 'Check the URL and that the server is running, then test again.';
            return failed(tested.error.kind, tested.error.message, fix, extra);
          }
          listing = { ...tested.value, apis: [] };
          const { modelIds, accessNote, warning } = tested.value;
          const note = accessNote === undefined ? '' : ` ${accessNote}`;
          if (modelIds.length === 0) {
            return ok(`The key was accepted, but it sees no models.${note}`, "Ask the proxy's admin to give the key (or its team) access to models.");
          }
          const shown = modelIds.slice(0, 3).join(', ');
          return ok(`The key was accepted; ${modelIds.length} model${modelIds.length === 1 ? '' : 's'} listed (${shown}${modelIds.length > 3 ? ', …' : ''}).${note}`, warning);
        },
      ],
      [
        'metadata',
        async () => {
          if (input.platform === 'openrouter') return skip("OpenRouter's model list carries the models' metadata; there is nothing more to ask.");
          if (input.platform === 'custom') return skip('An OpenAI-compatible server lists ids only; limits come from what you type for each model.');
          return checkMetadata(http(), firstModel());
        },
      ],
      [
        'apis',
        async () => {
          const found = await checkApis(http(), firstModel());
          apis = found.apis;
          recordFoundApis(services.settings, instanceId, baseUrl as string, apis);
          return found.outcome;
        },
      ],
    ];

    const finals: DiagnosisStepEvent[] = [];
    let failure: Extract<StepOutcome, { state: 'fail' }> | null = null;
    try {
      for (const [step, work] of plan) {
        if (failure !== null) {
          const skipped = stepEvent(step, skip('Not run: an earlier step failed.'), null);
          finals.push(skipped);
          yield skipped;
          continue;
        }
        yield { type: 'step', step, state: 'running', ms: null, detail: '', fix: null };
        const stepStarted = services.monotonic();
        const outcome = await untilAborted(work(), signal);
        if (outcome === null) return;
        const event = stepEvent(step, outcome, Math.round(services.monotonic() - stepStarted));
        finals.push(event);
        yield event;
        if (outcome.state === 'fail') failure = outcome;
      }
    } finally {
      // Cancelled or ended: whatever is still connecting or open is closed now.
      abortAll.abort();
      (socket as Duplex | null)?.destroy();
    }

    const headers: ReportSetting['headers'] = (ownNetwork?.headers ?? []).map((header) =>
      header.secret || instanceId === null ? { name: header.name, variable: headerEnvVariable(instanceId ?? 'custom', header.name) } : { name: header.name, value: header.value ?? '' },
    );
    // Set inside the steps' closures, which the compiler does not follow.
    const usedProxy = proxy as { url: string } | null;
    const setting: ReportSetting = { keyVariable: apiKeyEnvVariable(instanceId ?? 'custom'), proxy: usedProxy?.url ?? null, caFile: ownNetwork?.caFile ?? null, headers };
    const report = diagnosisReport(`Test Connection: ${platform.displayName} at ${(baseUrl as string | null) ?? input.url ?? '(no URL)'}`, finals, lastRequest, setting);
    if (failure !== null) {
      const error = { kind: failure.kind, message: failure.detail.includes(failure.fix) ? failure.detail : `${failure.detail} ${failure.fix}`, ...(failure.suggestedUrl === undefined ? {} : { suggestedUrl: failure.suggestedUrl }) };
      yield { type: 'error', error, report, totalMs: totalMs() };
      return;
    }
    const result = listing as DiagnosisResult | null;
    if (result === null) throw new Error('the models step ended without a listing');
    yield { type: 'done', result: { ...result, apis }, report, totalMs: totalMs() };
  };
}
