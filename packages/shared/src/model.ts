import { z } from 'zod';

/** What Switchboard knows about one model a proxy offers. Unknown is `null`, never 0. */
export const ModelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  provider: z.string().nullable(),
  contextLength: z.number().int().positive().nullable(),
  maxOutputTokens: z.number().int().positive().nullable(),
});
export type Model = z.infer<typeof ModelSchema>;

/** The minimum an OpenAI-compatible `/v1/models` entry carries. */
export interface RawModelEntry {
  id: string;
}

/** `openai/*` style routes are LiteLLM wildcards, not models anyone can call by that id. */
export function isWildcardId(id: string): boolean {
  return id.includes('*');
}

/** The provider is the id's `provider/` prefix; LiteLLM's `owned_by` is always "openai" and says nothing. */
export function providerFromId(id: string): string | null {
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash) : null;
}

/** The single mapper from a `/v1/models` entry to a {@link Model}. */
export function toModel(entry: RawModelEntry): Model {
  const provider = providerFromId(entry.id);
  return {
    id: entry.id,
    name: provider ? entry.id.slice(provider.length + 1) : entry.id,
    provider,
    contextLength: null,
    maxOutputTokens: null,
  };
}

/** Drops wildcard routes and repeated ids, keeping the proxy's order. */
export function toModelList(entries: readonly RawModelEntry[]): Model[] {
  const seen = new Set<string>();
  const models: Model[] = [];
  for (const entry of entries) {
    if (isWildcardId(entry.id) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    models.push(toModel(entry));
  }
  return models;
}
