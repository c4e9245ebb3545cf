import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { AgentEntry, AgentTarget } from '../../src/agents/agent-target.js';
import { claudeCodeTarget } from '../../src/agents/targets/claude-code.js';
import { qwenCodeTarget } from '../../src/agents/targets/qwen-code.js';

const FILE = '/home/ada/settings.json';

const entry: AgentEntry = {
  instanceId: 'custom:my-vllm',
  platformName: 'My vLLM',
  rootUrl: 'http://127.0.0.1:8000',
  openAIBaseUrl: 'http://127.0.0.1:8000/v1',
  modelId: 'coder',
  smallModelId: 'coder-mini',
  models: [],
  keyVariable: 'SWITCHBOARD_MY_VLLM_API_KEY',
  keyCommand: 'switchboard key custom:my-vllm',
  headers: [],
};

interface Case {
  target: AgentTarget;
  /** The keys of Switchboard's entry, kept out of the user's own settings. */
  ours: { top: string[]; env: string[]; nested: Record<string, string[]> };
  /** The user's settings with Switchboard's entry added, as the agent would read them. */
  merged(user: Record<string, unknown>): unknown;
  comments: boolean;
}

const withObject = (user: Record<string, unknown>, key: string, added: Record<string, unknown>) => ({
  ...user,
  [key]: { ...((user[key] as Record<string, unknown> | undefined) ?? {}), ...added },
});

const CASES: Case[] = [
  {
    target: claudeCodeTarget,
    ours: { top: ['apiKeyHelper'], env: ['ANTHROPIC_BASE_URL', 'ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'], nested: {} },
    merged: (user) => ({
      ...withObject(user, 'env', { ANTHROPIC_BASE_URL: 'http://127.0.0.1:8000', ANTHROPIC_MODEL: 'coder', ANTHROPIC_SMALL_FAST_MODEL: 'coder-mini' }),
      apiKeyHelper: 'switchboard key custom:my-vllm',
    }),
    comments: false,
  },
  {
    target: qwenCodeTarget,
    ours: { top: ['selectedAuthType'], env: ['SWITCHBOARD_INSTANCE'], nested: { model: ['name'], security: ['auth'] } },
    merged: (user) => {
      const security = (user['security'] as Record<string, unknown> | undefined) ?? {};
      return {
        ...withObject(withObject(user, 'security', { auth: { ...((security['auth'] as object | undefined) ?? {}), selectedType: 'openai' } }), 'model', { name: 'coder' }),
        env: { ...((user['env'] as object | undefined) ?? {}), SWITCHBOARD_INSTANCE: 'custom:my-vllm' },
      };
    },
    comments: true,
  },
];

const key = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== '__proto__');
const dictionary = (depth: number) => fc.dictionary(key, fc.jsonValue({ maxDepth: depth }), { maxKeys: 5 });

/** A user's settings: their own keys, and their own things inside the objects Switchboard also writes into. */
function userSettings(ours: Case['ours']) {
  const own = (keys: string[]) => dictionary(2).map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !keys.includes(k))));
  return fc
    .record({
      top: own(['env', 'model', 'security', '$version', ...ours.top]),
      env: fc.option(fc.dictionary(key.filter((k) => !ours.env.includes(k)), fc.string(), { maxKeys: 4 })),
      model: fc.option(own(ours.nested['model'] ?? [])),
      security: fc.option(own(ours.nested['security'] ?? [])),
    })
    .map(({ top, env, model, security }) => ({
      ...top,
      ...(env ? { env } : {}),
      ...(model && ours.nested['model'] ? { model } : {}),
      ...(security && ours.nested['security'] ? { security } : {}),
    }));
}

/** The settings as a person might lay them out: their indentation, line ends, and (where the agent allows) comments. */
const layout = (comments: boolean) =>
  fc.record({
    indent: fc.constantFrom(2, 4, '\t'),
    crlf: fc.boolean(),
    notes: fc.array(fc.boolean(), { maxLength: comments ? 60 : 0 }),
  });

function render(value: unknown, { indent, crlf, notes }: { indent: number | string; crlf: boolean; notes: readonly boolean[] }): string {
  const lines = JSON.stringify(value, null, indent).split('\n');
  const withNotes = lines.flatMap((line, i) => (notes[i] && /[{,]$/.test(line) ? [line, `${/^\s*/.exec(line)?.[0] ?? ''}// note ${i}`] : [line]));
  return `${withNotes.join(crlf ? '\r\n' : '\n')}${crlf ? '\r\n' : '\n'}`;
}

/** Whether `inner` is `outer` with characters taken out, in order: nothing of it was removed, changed or moved. */
function isSubsequence(inner: string, outer: string): boolean {
  let at = 0;
  for (const char of outer) if (at < inner.length && char === inner[at]) at += 1;
  return at === inner.length;
}

describe.each(CASES)('$target.displayName: random user settings round-trip through the entry', ({ target, ours, merged, comments }) => {
  it("adds only Switchboard's entry: every byte of the user's file stays, in order, and it reads back", () => {
    fc.assert(
      fc.property(userSettings(ours), layout(comments), (user, style) => {
        const text = render(user, style);
        const written = target.applyEntry(text, entry, FILE);
        if (!written.ok) throw new Error(written.error.message);
        expect(isSubsequence(text, written.value)).toBe(true);
        // Through JSON, as the file holds it (-0 is written 0).
        expect(parse(written.value)).toEqual(JSON.parse(JSON.stringify(merged(user))));
        expect(written.value.includes('\r\n')).toBe(style.crlf);
        expect(target.readEntry(written.value, FILE)).toEqual({ ok: true, value: { instanceId: 'custom:my-vllm', modelId: 'coder' } });
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the user's later edits: writing again changes nothing", () => {
    fc.assert(
      fc.property(userSettings(ours), layout(comments), fc.string(), (user, style, edited) => {
        const once = target.applyEntry(render({ ...user, mine: 'before' }, style), entry, FILE);
        if (!once.ok) throw new Error(once.error.message);
        // The person edits their own setting in the file Switchboard wrote.
        const byHand = once.value.replace('"mine": "before"', () => `"mine": ${JSON.stringify(edited)}`);
        expect(target.applyEntry(byHand, entry, FILE)).toEqual({ ok: true, value: byHand });
      }),
      { numRuns: 200 },
    );
  });
});
