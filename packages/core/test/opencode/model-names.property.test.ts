import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseName, uniqueModelNames } from '../../src/opencode/model-names.js';
import { buildProviderEntry } from '../../src/opencode/provider-entry.js';
import { model } from './support/models.js';

// Few distinct pieces, so generated lists collide often: ids, names and providers that echo each other, in any case.
const piece = fc.constantFrom('gpt-4o', 'GPT-4o', 'openai', 'azure', 'Foo', 'foo (openai)', 'gpt-4o (openai)', 'gpt-4o (openai/gpt-4o)', ' ', '');
const generatedModel = fc
  .record({ provider: fc.option(fc.constantFrom('openai', 'azure', 'Foo')), rest: piece, name: fc.oneof(piece, fc.constant(null)) })
  .map(({ provider, rest, name }) => {
    const id = provider ? `${provider}/${rest || 'x'}` : rest.trim() || 'x';
    // null: the name LiteLLM's listing gives, the id without its provider.
    return model(id, { provider, name: name ?? (provider ? id.slice(provider.length + 1) : id) });
  });
const modelLists = fc.uniqueArray(generatedModel, { selector: (entry) => entry.id, maxLength: 12 });

const folded = (name: string) => name.toLowerCase();

describe('names in one provider entry', () => {
  it('are unique, even ignoring case, for any list of models', () => {
    fc.assert(
      fc.property(modelLists, (models) => {
        const names = uniqueModelNames(models);
        expect(names.size).toBe(models.length);
        expect(new Set([...names.values()].map(folded)).size).toBe(models.length);
      }),
    );
  });

  it('leave a name that collides with no other exactly as it is', () => {
    fc.assert(
      fc.property(modelLists, (models) => {
        const names = uniqueModelNames(models);
        for (const entry of models) {
          const twins = models.filter((other) => folded(baseName(other)) === folded(baseName(entry)));
          if (twins.length === 1) expect(names.get(entry.id)).toBe(baseName(entry));
        }
      }),
    );
  });

  it('say which is which where names collide: only the model called by that very name keeps it; the others show their id', () => {
    fc.assert(
      fc.property(modelLists, (models) => {
        const names = uniqueModelNames(models);
        for (const entry of models) {
          const twins = models.filter((other) => folded(baseName(other)) === folded(baseName(entry)));
          const name = names.get(entry.id) ?? '';
          if (twins.length === 1) continue;
          if (name === baseName(entry)) expect(entry.id).toBe(baseName(entry));
          else expect(name === entry.id || name.startsWith(`${baseName(entry)} (${entry.id})`)).toBe(true);
        }
      }),
    );
  });
});

describe('the alias and the wildcard expansion of one model', () => {
  // The catalog gives the alias its deployment's provider too.
  const alias = model('gpt-4o', { name: 'gpt-4o', provider: 'openai', mode: 'chat' });
  const expansion = model('openai/gpt-4o', { name: 'gpt-4o', provider: 'openai', mode: 'chat' });
  const azure = model('azure/gpt-4o', { name: 'gpt-4o', provider: 'azure', mode: 'chat' });

  it('are written as "gpt-4o" and "openai/gpt-4o", not as twins', () => {
    const entry = buildProviderEntry({ displayName: 'LiteLLM', baseURL: 'http://l/v1', models: [expansion, alias, azure], apiKey: { kind: 'none' } });
    expect(Object.fromEntries(Object.entries(entry.models).map(([id, written]) => [id, written.name]))).toEqual({
      'openai/gpt-4o': 'openai/gpt-4o',
      'gpt-4o': 'gpt-4o',
      'azure/gpt-4o': 'azure/gpt-4o',
    });
  });

  it('OpenRouter-style names without an id of their own name the id', () => {
    const names = uniqueModelNames([model('a/foo', { name: 'Foo', provider: null }), model('b/foo', { name: 'Foo', provider: null })]);
    expect([...names.values()]).toEqual(['Foo (a/foo)', 'Foo (b/foo)']);
  });

  it('only models that are written count: a left-out twin does not rename the one written', () => {
    const responsesTwin = model('openai/gpt-4o', { name: 'gpt-4o', provider: 'openai', mode: 'responses' });
    const entry = buildProviderEntry({ displayName: 'LiteLLM', baseURL: 'http://l/v1', models: [alias, responsesTwin], apiKey: { kind: 'none' } });
    expect(entry.models['gpt-4o']?.name).toBe('gpt-4o');
  });
});
