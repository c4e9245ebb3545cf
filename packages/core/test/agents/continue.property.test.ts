import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { InstanceId } from '@switchboard/shared';
import { continueTarget } from '../../src/agents/targets/continue.js';
import { continueEntry } from './continue-entry.js';
import { agentHeadersArbitrary } from './support/agent-headers.js';

/**
 * Random config.yaml files as people write them (comments above, beside and
 * between items, other models, context providers, rules with block text,
 * either list indentation, maybe an item of ours from an earlier write), then
 * Switchboard's write. What is checked byte for byte: every character before
 * our item and every character after it. Our item's own lines (and a
 * same-line comment on its last line) are the only text that changes.
 */

const comment = fc.string({ maxLength: 30 }).map((text) => `# ${text.replace(/[\r\n\u0085\u2028\u2029]/g, ' ')}`);
const beside = fc.option(fc.tuple(fc.integer({ min: 1, max: 4 }), comment).map(([spaces, text]) => `${' '.repeat(spaces)}${text}`), { nil: '' });
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((key) => !['models', 'name', 'version', 'schema', 'y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null'].includes(key));
// JSON strings are YAML double-quoted strings: any text a person types, written so that YAML reads it back.
const quoted = fc.string({ maxLength: 20 }).map((text) => JSON.stringify(text));
const scalar = fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(String), quoted, word);

interface UserFile {
  /** Everything before the first item, `models:` line included. */
  head: string;
  /** The items before ours (or all of them), each with its comment lines. */
  itemsBefore: string;
  /** Our old item's text, or '' when there is none. */
  ours: string;
  itemsAfter: string;
  tail: string;
  /** Column of `-`, and of the item's keys. */
  dash: number;
}

const userFile = fc
  .record({
    topComments: fc.array(comment, { maxLength: 2 }),
    extraKeys: fc.uniqueArray(fc.tuple(word, scalar, beside), { maxLength: 4, selector: ([key]) => key }),
    nameComment: beside,
    indented: fc.boolean(),
    items: fc.array(
      fc.record({
        above: fc.array(comment, { maxLength: 2 }),
        name: fc.string({ maxLength: 16 }).filter((name) => !name.startsWith('Switchboard (')),
        model: scalar,
        beside,
        roles: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    ours: fc.option(
      fc.record({ at: fc.nat(), instance: fc.constantFrom<InstanceId>('litellm', 'openrouter', 'custom:my-vllm'), model: scalar, beside, extra: fc.boolean() }),
      { nil: null },
    ),
    contextProviders: fc.array(word, { maxLength: 3 }),
    rule: fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,19}$/), { maxLength: 3 }),
  })
  .map((spec): UserFile => {
    const dash = spec.indented ? 2 : 0;
    const pad = ' '.repeat(dash + 2);
    const item = (lines: string[]): string => `${' '.repeat(dash)}- ${lines[0]}\n${lines.slice(1).map((line) => `${pad}${line}\n`).join('')}`;
    const head =
      spec.topComments.map((line) => `${line}\n`).join('') +
      `name: My config${spec.nameComment}\nversion: 1.0.0\n` +
      spec.extraKeys.map(([key, value, note]) => `${key}: ${value}${note}\n`).join('') +
      'models:\n';
    const items = spec.items.map(
      (user) =>
        user.above.map((line) => `${' '.repeat(dash)}${line}\n`).join('') +
        item([`name: ${JSON.stringify(user.name)}${user.beside}`, `model: ${user.model}`, ...(user.roles ? ['roles: [chat, edit]'] : [])]),
    );
    const at = spec.ours ? spec.ours.at % (items.length + 1) : items.length;
    const ours = spec.ours
      ? item([`name: Switchboard (${spec.ours.instance})`, 'provider: openai', ...(spec.ours.extra ? ['roles:', '  - chat'] : []), `model: ${spec.ours.model}${spec.ours.beside}`])
      : '';
    const tail =
      (spec.contextProviders.length > 0 ? `context:\n${spec.contextProviders.map((provider) => `  - provider: ${provider}\n`).join('')}` : '') +
      (spec.rule.length > 0 ? `rules:\n  - name: mine\n    rule: |\n${spec.rule.map((line) => `      ${line}\n`).join('')}` : '');
    return { head, itemsBefore: items.slice(0, at).join(''), ours, itemsAfter: items.slice(at).join(''), tail, dash };
  });

const entry = fc.record({
  headers: agentHeadersArbitrary,
  instanceId: fc.constantFrom<InstanceId>('litellm', 'openrouter', 'custom:box-1'),
  modelId: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('yes', 'null', '- x', '#', ': ', 'a: b #c', '~', '&a', '*a')),
});

const withoutSwitchboard = (text: string): unknown => {
  const config = parse(text) as Record<string, unknown>;
  const models = (config['models'] as Array<{ name?: unknown }> | null) ?? [];
  return { ...config, models: models.filter((model) => !(typeof model.name === 'string' && model.name.startsWith('Switchboard ('))) };
};

describe('Continue target: random user files round-trip', () => {
  test('only our item changes: the text before and after it is byte for byte the same, and it reads back as written', () => {
    fc.assert(
      fc.property(userFile, entry, (file, { instanceId, modelId, headers }) => {
        const text = file.head + file.itemsBefore + file.ours + file.itemsAfter + file.tail;
        const applied = continueTarget.applyEntry(text, continueEntry({ instanceId, modelId, headers }), 'config.yaml');
        if (!applied.ok) throw new Error(applied.error.message);
        const after = applied.value;
        // With an item of ours it is replaced where it stands; without, ours goes first, above the first item's comments.
        const before = file.ours ? file.head + file.itemsBefore : file.head;
        const rest = file.ours ? file.itemsAfter + file.tail : file.itemsBefore + file.itemsAfter + file.tail;
        expect(after.startsWith(before)).toBe(true);
        expect(after.endsWith(rest)).toBe(true);
        const middle = after.slice(before.length, after.length - rest.length);
        // The headers as Continue reads them: a plain one's value as typed, a secret one only as the secret `switchboard run` sets.
        const written = Object.fromEntries(headers.map((header) => [header.name, header.secret ? `\${{ secrets.${header.variable} }}` : header.value]));
        const [item] = (parse(`x:\n${middle}`) as { x: Array<Record<string, unknown>> }).x;
        expect(item).toMatchObject({ name: `Switchboard (${instanceId})`, model: modelId });
        expect(item?.['requestOptions']).toEqual(headers.length === 0 ? undefined : { headers: written });
        expect(withoutSwitchboard(after)).toEqual(withoutSwitchboard(text));
        expect(continueTarget.readEntry(after, 'config.yaml')).toEqual({ ok: true, value: { instanceId, modelId } });
        // Writing the same choice again changes nothing.
        expect(continueTarget.applyEntry(after, continueEntry({ instanceId, modelId, headers }), 'config.yaml')).toEqual({ ok: true, value: after });
      }),
      { numRuns: 300 },
    );
  });
});
