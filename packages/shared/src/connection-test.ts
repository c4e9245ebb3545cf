import { z } from 'zod';

/**
 * A listing answers with ids only: at 10,000 models the full records are ten
 * times the bytes, and the person is waiting. `toModel` turns each id into a
 * model; `fetch-metadata` brings the rest.
 */
// One check over the whole list, not one per id: a per-element check made the renderer's validation of
// 10,000 ids several times slower, on the path to the first row.
export const ModelIdsSchema = z.array(z.string()).refine((ids) => ids.every((id) => id.length > 0), 'A model id is empty.');

export const ConnectionTestSchema = z.object({
  url: z.string(),
  modelIds: ModelIdsSchema,
  latencyMs: z.number().nonnegative(),
  /** Something accepted but worth a look, e.g. an OpenRouter key that does not start with sk-or-. */
  warning: z.string().nullable(),
  /** Set when the key's access decides what is listed (a LiteLLM team key): the sentence the panel shows. */
  accessNote: z.string().optional(),
});

