import { toModel, type Model } from '@switchboard/shared';

/** A model with everything unknown, then whatever the test says. */
export function model(id: string, known: Partial<Model> = {}): Model {
  return { ...toModel({ id }), name: id, provider: null, ...known };
}

/** What a LiteLLM proxy with metadata typically lists: a full chat model, a sparse one, a Responses-only one, non-chat ones. */
export function liteLLMModels(): Model[] {
  return [
    model('gpt-4o', {
      mode: 'chat',
      contextLength: 128_000,
      maxOutputTokens: 16_384,
      inputCostPerMillion: 2.5,
      outputCostPerMillion: 10,
      supportsVision: true,
      supportsTools: true,
      supportsReasoning: false,
    }),
    model('o3-mini', { mode: 'chat', contextLength: 200_000, maxOutputTokens: 100_000, supportsReasoning: true, supportsVision: false }),
    // LiteLLM's map says mode "responses": only /v1/responses can call it.
    model('o1-pro', {
      mode: 'responses',
      contextLength: 200_000,
      maxOutputTokens: 100_000,
      inputCostPerMillion: 150,
      outputCostPerMillion: 600,
      supportsReasoning: true,
      supportsVision: true,
      supportsPdf: true,
    }),
    model('fake-up', { contextLength: 8_192 }),
    model('text-embedding-3-small', { mode: 'embedding', contextLength: 8_191, maxOutputTokens: 8_191 }),
    model('dall-e-3', { mode: 'image_generation' }),
  ];
}
