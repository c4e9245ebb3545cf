import type { Model } from './model.js';
import { isChatModel, isResponsesOnlyModel, isWildcardId } from './model-mapper.js';

// Kept apart from the opencode channels' schemas so the renderer's first screen can use it without loading zod.

/**
 * How opencode would call a model: `chat` through the OpenAI-compatible
 * provider (`/v1/chat/completions`), `responses` through `@ai-sdk/openai`
 * (`/v1/responses`, only when the user asks for such models), or `null`: not
 * written at all. One rule for the written entry, the chosen model and the
 * small-model select, so they cannot disagree.
 */
export function opencodeRoute(model: Pick<Model, 'id' | 'mode'>, writeResponsesOnly: boolean): 'chat' | 'responses' | null {
  if (isWildcardId(model.id)) return null;
  if (isChatModel(model)) return 'chat';
  return writeResponsesOnly && isResponsesOnlyModel(model) ? 'responses' : null;
}
