import fc from 'fast-check';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { describe, expect, it } from 'vitest';
import type { AgentEntry } from '../../src/agents/agent-target.js';
import { codexTarget } from '../../src/agents/targets/codex.js';
import { codexEntry } from './codex-entry.js';
import { agentHeadersArbitrary } from './support/agent-headers.js';

const FILE = '/home/person/.codex/config.toml';

/** What a person writes: comments, blank lines, plain and dotted keys, inline tables, strings with TOML's own characters. */
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const stringValue = fc.string({ maxLength: 12 }).map((text) => JSON.stringify(text).replace(/\\u007f/gi, '\\u007F'));
const value = fc.oneof(
  stringValue,
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('true', 'false', '1.5', '[1, 2]', '["a", "b"]', '{ x = 1, "y z" = "w" }', "'literal \\ kept'"),
);
// TOML allows tabs in a comment, no other control character.
// eslint-disable-next-line no-control-regex -- the control characters are what is removed
const comment = fc.string({ maxLength: 20 }).map((text) => `#${text.replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')}`);
const filler = fc.oneof(comment, fc.constant(''));

type Line = { kind: 'filler'; text: string } | { kind: 'key'; key: string; value: string; trailing: string | null } | { kind: 'dotted'; key: string; sub: string; value: string };

const line: fc.Arbitrary<Line> = fc.oneof(
  filler.map((text) => ({ kind: 'filler' as const, text })),
  fc.record({ key: word, value, trailing: fc.option(comment, { nil: null }) }).map((fields) => ({ kind: 'key' as const, ...fields })),
  fc.record({ key: word, sub: word, value }).map((fields) => ({ kind: 'dotted' as const, ...fields })),
);

/** One table's lines; keys are made unique by their index. */
const tableLines = (prefix: string) =>
  fc.array(line, { maxLength: 6 }).map((lines) =>
    lines.map((item, index) => {
      if (item.kind === 'filler') return item.text;
      if (item.kind === 'dotted') return `${prefix}${index}_${item.key}.${item.sub} = ${item.value}`;
      return `${prefix}${index}_${item.key} = ${item.value}${item.trailing === null ? '' : ` ${item.trailing}`}`;
    }),
  );

const TABLE_NAMES = ['features', 'analytics', 'tui', 'profiles.work', 'model_providers.azure', 'mcp_servers.docs', 'model_providers.custom'];

/** A whole config: top-level lines, then tables with distinct names, LF or CRLF. */
const personalConfig = fc
  .record({
    top: tableLines('k'),
    tables: fc.uniqueArray(fc.tuple(fc.constantFrom(...TABLE_NAMES), tableLines('t'), fc.array(filler, { maxLength: 2 })), { selector: ([name]) => name, maxLength: 4 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalEol: fc.boolean(),
  })
  .map(({ top, tables, eol, finalEol }) => {
    const lines = [...top, ...tables.flatMap(([name, body, before]) => [...before, `[${name}]`, ...body])];
    return lines.join(eol) + (finalEol && lines.length > 0 ? eol : '');
  });

const entries = fc.record({
  // Codex's TOML reader is Rust's; the one Switchboard checks the write with is JavaScript's, which takes a `__proto__` key for the prototype.
  headers: agentHeadersArbitrary.map((headers) => headers.filter((header) => header.name !== '__proto__')),
  instanceId: fc.constantFrom('litellm' as const, 'openrouter' as const, 'custom:my-box' as const),
  modelId: fc.string({ minLength: 1, maxLength: 30 }),
  platformName: fc.string({ maxLength: 20 }),
  openAIBaseUrl: fc.constantFrom('http://127.0.0.1:4000/v1', 'https://proxy.example/v1'),
});

function write(existing: string | null, entry: AgentEntry): string {
  const result = codexTarget.applyEntry(existing, entry, FILE);
  if (!result.ok) throw new Error(`${result.error.message}\n---\n${existing ?? ''}`);
  return result.value;
}

/** The file's meaning without what Switchboard owns: the person's keys and tables, with their values. */
function personalPart(text: string, providerIds: readonly string[]): unknown {
  const read = getStaticTOMLValue(parseTOML(text));
  const { model: _model, model_provider: _provider, ...rest } = read;
  const providers = rest['model_providers'];
  if (typeof providers === 'object' && providers !== null && !Array.isArray(providers)) {
    const others = Object.fromEntries(Object.entries(providers).filter(([id]) => !providerIds.includes(id)));
    if (Object.keys(others).length > 0 || !Object.keys(providers).every((id) => providerIds.includes(id))) rest['model_providers'] = others;
    else delete rest['model_providers'];
  }
  return rest;
}

const ourIds = ['switchboard-litellm', 'switchboard-openrouter', 'switchboard-custom-my-box'];

/** The lines of `before` appear in `after` in order: nothing of the person's was dropped or reordered. */
function isSubsequence(before: string[], after: string[]): boolean {
  let at = 0;
  for (const line of after) if (at < before.length && line === before[at]) at++;
  return at === before.length;
}

describe('Codex config: random files the person wrote', () => {
  it('keep every line in order and their meaning; the entry reads back as written', () => {
    fc.assert(
      fc.property(personalConfig, entries, (config, fields) => {
        const entry = codexEntry({ ...fields, keyCommand: `switchboard key ${fields.instanceId}` });
        const written = write(config, entry);
        expect(codexTarget.readEntry(written, FILE)).toEqual({ ok: true, value: { instanceId: entry.instanceId, modelId: entry.modelId } });
        expect(isSubsequence(config.split(/\r?\n/).filter((line) => line !== ''), written.split(/\r?\n/))).toBe(true);
        expect(personalPart(written, ourIds)).toEqual(personalPart(config, ourIds));
        if (config.includes('\r\n')) expect(written.replaceAll('\r\n', '')).not.toContain('\n');
      }),
      { numRuns: 300 },
    );
  });

  it('edits the person made around our entry survive the next write byte for byte; only our values change', () => {
    fc.assert(
      fc.property(personalConfig, fc.array(fc.tuple(fc.nat(), personalConfig), { maxLength: 3 }), entries, entries, (config, edits, first, second) => {
        const entryA = codexEntry({ ...first, instanceId: 'litellm', keyCommand: 'switchboard key litellm' });
        const entryB = codexEntry({ ...second, instanceId: 'litellm', keyCommand: 'switchboard key litellm' });
        const once = write(config, entryA);
        const eol = /\r?\n/.exec(once)?.[0] ?? '\n';
        // Comment and blank lines put anywhere outside our tables and top-level keys, as a person editing by hand would.
        const lines = once.split(eol);
        const ours = (line: string): boolean => line.startsWith('model = ') || line.startsWith('model_provider = ');
        let edited = lines;
        // Our tables are one block (the provider, its auth, its header tables), as long as in a new file.
        const fresh = write(null, entryA);
        const blockLength = fresh.slice(fresh.indexOf('[model_providers')).replace(/\n$/, '').split('\n').length;
        for (const [position, extra] of edits) {
          const tableStart = edited.indexOf('[model_providers.switchboard-litellm]');
          const tableEnd = tableStart + blockLength - 1;
          const comments = extra.split(/\r?\n/).filter((line) => line.startsWith('#') || line === '');
          const free = edited.map((_, index) => index).filter((index) => (index <= tableStart || index > tableEnd) && !ours(edited[index - 1] ?? ''));
          const at = free[position % Math.max(free.length, 1)] ?? edited.length;
          edited = [...edited.slice(0, at), ...comments, ...edited.slice(at)];
        }
        const byHand = edited.join(eol);
        const again = write(byHand, entryB);
        const expected = write(null, entryB);
        const expectedTables = expected.slice(expected.indexOf('[model_providers'));
        const onceTables = write(null, entryA).slice(write(null, entryA).indexOf('[model_providers'));
        const modelLine = (entry: AgentEntry) => write(null, entry).split('\n')[0] ?? '';
        expect(again).toBe(byHand.replace(onceTables.replaceAll('\n', eol), () => expectedTables.replaceAll('\n', eol)).replace(modelLine(entryA), () => modelLine(entryB)));
      }),
      { numRuns: 300 },
    );
  });
});
