// Manual use: node --import tsx packages/test-servers/src/cli.ts litellm --port 4000 [--models N] [--no-master-key]
import { parseArgs } from 'node:util';
import { defaultDeployments } from './litellm/default-deployments.js';
import { generateDeployments } from './litellm/generate-deployments.js';
import type { LiteLLMServerOptions } from './litellm/types.js';
import { startLiteLLMServer } from './litellm-server.js';
import { generateOpenRouterModels } from './openrouter/models.js';
import { startOpenRouterServer } from './openrouter-server.js';
import type { FailureMode, RunningServer } from './types.js';

const USAGE = `usage: cli.ts <litellm|openrouter> [--port N] [--models N] [--latency MS] [--failure MODE]
                      [--no-master-key] [--database] [--tls] [--no-metadata] [--redirect-to URL]
                      [--litellm-version 1.81.12|1.81.0] [--team-key KEY] [--wildcard]
                      [--token-delay MS] [--reply-tokens N] [--dead-upstream-delay MS (litellm)]`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '0' },
      models: { type: 'string' },
      latency: { type: 'string' },
      failure: { type: 'string' },
      'redirect-to': { type: 'string' },
      'no-master-key': { type: 'boolean', default: false },
      database: { type: 'boolean', default: false },
      tls: { type: 'boolean', default: false },
      'no-metadata': { type: 'boolean', default: false },
      'litellm-version': { type: 'string' },
      'team-key': { type: 'string' },
      wildcard: { type: 'boolean', default: false },
      'token-delay': { type: 'string' },
      'reply-tokens': { type: 'string' },
      'dead-upstream-delay': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const kind = positionals[0];
  if (values.help || (kind !== 'litellm' && kind !== 'openrouter')) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const port = Number(values.port);
  const count = values.models === undefined ? undefined : Number(values.models);
  const latencyMs = values.latency === undefined ? undefined : Number(values.latency);
  const failure = (values.failure as FailureMode | undefined) ?? null;
  const redirectTo = values['redirect-to'];
  // A playground to try by hand: a long reply at a visible pace.
  const chat = {
    ...(values['token-delay'] !== undefined ? { stream: { tokenDelayMs: Number(values['token-delay']) } } : {}),
    ...(values['reply-tokens'] !== undefined ? { replyTokens: Number(values['reply-tokens']) } : {}),
  };

  let server: RunningServer;
  if (kind === 'litellm') {
    const options: LiteLLMServerOptions = { port, failure, tls: values.tls, database: values.database, ...chat };
    if (values['dead-upstream-delay'] !== undefined) options.deadUpstreamDelayMs = Number(values['dead-upstream-delay']);
    if (count !== undefined) options.deployments = generateDeployments(count);
    if (values.wildcard) options.deployments = [...(options.deployments ?? defaultDeployments()), { model_name: 'openai/*', litellm_params: { model: 'openai/*' } }];
    const version = values['litellm-version'];
    if (version !== undefined) {
      if (version !== '1.81.12' && version !== '1.81.0') throw new Error(`--litellm-version must be 1.81.12 or 1.81.0, not ${version}`);
      options.version = version;
    }
    // A team key that sees every model, as a key of a team without a model list does.
    const teamKey = values['team-key'];
    if (teamKey !== undefined) options.teamKeys = { [teamKey]: { sentinels: ['all-team-models'] } };
    if (values['no-master-key']) options.masterKey = null;
    if (values['no-metadata']) options.metadata = false;
    if (latencyMs !== undefined) options.latencyMs = latencyMs;
    if (redirectTo !== undefined) options.redirectTo = redirectTo;
    server = await startLiteLLMServer(options);
  } else {
    server = await startOpenRouterServer({
      port,
      failure,
      ...chat,
      ...(count !== undefined ? { models: generateOpenRouterModels(count) } : {}),
      ...(latencyMs !== undefined ? { latencyMs } : {}),
      ...(redirectTo !== undefined ? { redirectTo } : {}),
    });
  }
  console.log(server.url);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
