import type { Model, ModelLimits } from '@switchboard/shared';

/** What the user typed for a model wins over what a server says: they typed it because they know better. */
export function applyUserLimits(models: readonly Model[], limits: Readonly<Record<string, ModelLimits>>): Model[] {
  return models.map((model) => {
    // Own keys only: a model named "constructor" or "__proto__" must not find what every object inherits.
    const typed = Object.hasOwn(limits, model.id) ? limits[model.id] : undefined;
    if (!typed) return model;
    const next: Model = { ...model, sources: { ...model.sources } };
    if (typed.contextLength !== null) {
      next.contextLength = typed.contextLength;
      next.sources.contextLength = 'user';
    }
    if (typed.maxOutputTokens !== null) {
      next.maxOutputTokens = typed.maxOutputTokens;
      next.sources.maxOutputTokens = 'user';
    }
    return next;
  });
}
