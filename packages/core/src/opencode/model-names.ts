import type { Model } from '@switchboard/shared';

type Named = Pick<Model, 'id' | 'name'>;

/** What a model is called when nothing collides: its own name, or its id when it has none. */
export const baseName = (model: Named): string => model.name.trim() || model.id;

// opencode's picker matches without regard to case, so "GPT-4o" beside "gpt-4o" would read as twins too.
const sameName = (name: string): string => name.toLowerCase();

/**
 * The name each model gets in one provider entry of opencode's config, by id.
 *
 * opencode's picker shows only the name, so two entries called "gpt-4o" (the
 * alias `gpt-4o` and the wildcard expansion `openai/gpt-4o`) are twins nobody
 * can tell apart. A name that collides with no other is left exactly as it
 * is. Where names collide, each says which it is with the id it is called by:
 * the model whose id is that very name keeps it (`gpt-4o`); one whose name is
 * the tail of its id is shown as the whole id (`openai/gpt-4o`), which is what
 * the person would type against the proxy; any other gets the id in brackets
 * (`Foo (a/foo)`); if even that is taken (names can be anything), a number.
 * Not "gpt-4o (openai)": LiteLLM gives the alias the provider `openai` too, so
 * the provider alone would not say which is which. Pure.
 */
export function uniqueModelNames(models: readonly Named[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const model of models) {
    const key = sameName(baseName(model));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const collides = (model: Named) => (counts.get(sameName(baseName(model))) ?? 0) > 1;

  const names = new Map<string, string>();
  // Names that collide with nothing are settled first, so no qualified name below can take one of them.
  const taken = new Set<string>();
  for (const model of models) {
    if (collides(model)) continue;
    names.set(model.id, baseName(model));
    taken.add(sameName(baseName(model)));
  }
  for (const model of models) {
    if (!collides(model)) continue;
    const base = baseName(model);
    const withId = `${base} (${model.id})`;
    const choices = [...(model.id === base ? [base] : []), ...(model.id.endsWith(`/${base}`) ? [model.id] : []), withId];
    let name = choices.find((choice) => !taken.has(sameName(choice)));
    for (let n = 2; name === undefined; n += 1) if (!taken.has(sameName(`${withId} ${n}`))) name = `${withId} ${n}`;
    taken.add(sameName(name));
    names.set(model.id, name);
  }
  return names;
}
