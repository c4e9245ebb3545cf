import { toModel, type Model } from '@switchboard/shared';

/** A complete {@link Model} built by the shared mapper, with what the test cares about on top. */
export function model(id: string, overrides: Partial<Model> = {}): Model {
  return { ...toModel({ id }), ...overrides };
}

/** The four models of the recorded LiteLLM proxy (shared/fixtures), with some metadata. */
export const FOUR_MODELS: Model[] = [
  model('gpt-4o', { provider: 'openai', mode: 'chat', contextLength: 128000, maxOutputTokens: 16384, supportsVision: true, supportsTools: true }),
  model('claude-3-5-sonnet', { provider: 'anthropic', contextLength: 200000, inputCostPerMillion: 3, outputCostPerMillion: 15 }),
  model('fake-up', { provider: 'openai' }),
  model('local-llama'),
];

/** `count` models spread over a few providers, some without one. */
export function manyModels(count: number): Model[] {
  const providers = ['openai', 'anthropic', 'mistral', 'google', null];
  return Array.from({ length: count }, (_, index) => {
    const provider = providers[index % providers.length] ?? null;
    const name = `model-${String(index).padStart(5, '0')}`;
    return model(provider ? `${provider}/${name}` : name, { name, provider });
  });
}
