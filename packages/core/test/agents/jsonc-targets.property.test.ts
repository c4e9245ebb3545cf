import fc from 'fast-check';
import { createScanner, findNodeAtLocation, getNodeValue, parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { kiloTarget } from '../../src/agents/targets/kilo.js';
import { opencodeTarget } from '../../src/agents/targets/opencode.js';
import { litellmEntry } from './support/agent-entry.js';
import { agentHeadersArbitrary } from './support/agent-headers.js';

// Keys Switchboard owns in an opencode-format file; everything else is the user's.
const OURS = new Set(['$schema', 'provider', 'model', 'small_model', 'enabled_providers', 'disabled_providers']);
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;

const userKey = fc.oneof(fc.constantFrom('theme', 'autoupdate', 'share', 'username', 'keybinds', 'permission', '__proto__'), fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/));
const userValue = fc.jsonValue({ maxDepth: 3 });
const comment = fc.option(fc.oneof(fc.stringMatching(/^[ a-z0-9]{0,20}$/).map((text) => `// ${text}`), fc.stringMatching(/^[ a-z0-9]{0,20}$/).map((text) => `/* ${text} */`)));
const otherProvider = fc.tuple(fc.constantFrom('ollama', 'anthropic', 'my-box'), fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), userValue, { maxKeys: 3 }));

/** A file as a person might have it: their settings in any order, comments between them, other providers, maybe CRLF and tabs. */
const userFile = fc
  .record({
    members: fc.uniqueArray(fc.tuple(userKey, userValue, comment), { selector: ([key]) => key, maxLength: 6 }).map((members) => members.filter(([key]) => !OURS.has(key))),
    providers: fc.uniqueArray(otherProvider, { selector: ([id]) => id, maxLength: 2 }),
    enabled: fc.option(fc.uniqueArray(fc.constantFrom('ollama', 'anthropic', 'litellm'), { maxLength: 3 })),
    indent: fc.constantFrom('  ', '    ', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ members, providers, enabled, indent, eol }) => {
    const lines: string[] = [];
    // A comment goes on its own line before its member, so the commas between members stay where JSON wants them.
    const add = (text: string, lead: string | null) => lines.push(lead === null ? `${indent}${text}` : `${indent}${lead}${eol}${indent}${text}`);
    for (const [key, value, lead] of members) add(`${JSON.stringify(key)}: ${JSON.stringify(value)}`, lead);
    // One provider a line: a provider object written on one line is laid out again when ours is added (jsonc-edit's choice for one-line objects).
    const providerLines = providers.map(([id, value]) => `${indent}${indent}${JSON.stringify(id)}: ${JSON.stringify(value)}`);
    if (providers.length > 0) add(`"provider": {${eol}${providerLines.join(`,${eol}`)}${eol}${indent}}`, '// my providers');
    if (enabled !== null) add(`"enabled_providers": ${JSON.stringify(enabled)}`, null);
    return `{${eol}${lines.join(`,${eol}`)}${eol}}${eol}`;
  });

function comments(text: string): string[] {
  const scanner = createScanner(text, false);
  const found: string[] = [];
  for (let token = scanner.scan(); token !== 17; token = scanner.scan()) {
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) found.push(scanner.getTokenValue());
  }
  return found;
}

/** Each top-level member of the user's, as its exact text. */
function userMembers(text: string): Map<string, string> {
  const root = parseTree(text, [], { allowTrailingComma: true }) as Node;
  const members = new Map<string, string>();
  for (const property of root.children ?? []) {
    const key = property.children?.[0]?.value as string;
    if (!OURS.has(key)) members.set(key, text.slice(property.offset, property.offset + property.length));
  }
  return members;
}

describe.each([opencodeTarget, kiloTarget])('$displayName: random files round-trip through applyEntry', (target) => {
  it("keeps every byte of the user's part: their members, other providers, enabled ids and comments", () => {
    fc.assert(
      fc.property(userFile, agentHeadersArbitrary, (before, headers) => {
        const entry = litellmEntry({ headers });
        const applied = target.applyEntry(before, entry, '/x/config.json');
        if (!applied.ok) throw new Error(applied.error.message);
        const after = applied.value;
        expect(userMembers(after)).toEqual(userMembers(before));
        expect(comments(after)).toEqual(comments(before));
        const beforeRoot = parseTree(before, [], { allowTrailingComma: true }) as Node;
        const afterRoot = parseTree(after, [], { allowTrailingComma: true }) as Node;
        for (const provider of findNodeAtLocation(beforeRoot, ['provider'])?.children ?? []) {
          const id = provider.children?.[0]?.value as string;
          const kept = findNodeAtLocation(afterRoot, ['provider', id])?.parent as Node;
          expect(after.slice(kept.offset, kept.offset + kept.length)).toBe(before.slice(provider.offset, provider.offset + provider.length));
        }
        const enabledBefore = findNodeAtLocation(beforeRoot, ['enabled_providers']);
        const enabledAfter = findNodeAtLocation(afterRoot, ['enabled_providers']);
        if (enabledBefore) expect(getNodeValue(enabledAfter as Node)).toEqual([...new Set([...(getNodeValue(enabledBefore) as string[]), 'litellm'])]);
        // Ours is there, and a second write is no change.
        expect(target.readEntry(after, '/x/config.json')).toEqual({ ok: true, value: { instanceId: 'litellm', modelId: 'gpt-4o' } });
        expect(target.applyEntry(after, entry, '/x/config.json')).toEqual({ ok: true, value: after });
        // The headers as written: a plain one's value as typed, a secret one only as the variable `switchboard run` sets.
        const written = findNodeAtLocation(afterRoot, ['provider', 'litellm', 'options', 'headers']);
        const expected = headers.map((header) => [header.name, header.secret ? `{env:${header.variable}}` : header.value]);
        expect(written === undefined ? [] : (written.children ?? []).map((member) => [member.children?.[0]?.value, getNodeValue(member.children?.[1] as Node)])).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
