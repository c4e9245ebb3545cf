import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { hostileCases, type HostileCase } from '../support/hostile-cases.js';
import { answered, expectKept, KEY, OLD, parse, scene } from '../support/config-scene.js';

// ---------------------------------------------------------------------------------------------
// Documents a user (or a broken tool) may leave in the file. Refused: a config-invalid sentence
// with the position, the file untouched. Fine: written, keeping what made it odd.

interface Document {
  what: string;
  bytes: Buffer | string;
  outcome: { refused: RegExp } | { written: (bytes: Buffer) => void };
}

const AT = /line \d+, column \d+/;
const DOCUMENTS: readonly Document[] = [
  { what: 'Latin-1 bytes (not UTF-8)', bytes: Buffer.concat([Buffer.from('{\n  "username": "Ad'), Buffer.from([0xe9, 0x6c, 0x65]), Buffer.from('"\n}\n')]), outcome: { refused: /not UTF-8 text: an invalid byte sequence at line 2, column 18 \(byte 19\)/ } },
  { what: 'a UTF-16 surrogate encoded as UTF-8', bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), outcome: { refused: /not UTF-8 text: .* at line 1, column 7/ } },
  { what: 'UTF-16 with its byte-order mark', bytes: Buffer.from(`\uFEFF${OLD}`, 'utf16le'), outcome: { refused: /not UTF-8 text: .* at line 1, column 1/ } },
  { what: 'a key twice', bytes: '{\n  "model": "a/b",\n  "model": "c/d"\n}\n', outcome: { refused: /the key "model" twice in one object \(at line 2, column 3 and line 3, column 3\)/ } },
  { what: '"provider" twice, the first not an object', bytes: '{"provider": 1, "provider": {}}', outcome: { refused: /the key "provider" twice/ } },
  { what: 'a depth bomb of a million brackets', bytes: '['.repeat(1_000_000), outcome: { refused: /more than 64 deep \(at line 1, column 65\)/ } },
  { what: 'objects nested 100,000 deep', bytes: `{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_001)}`, outcome: { refused: /more than 64 deep/ } },
  { what: 'a top-level list', bytes: '[{"model": "x/y"}]\n', outcome: { refused: /does not hold a JSON object at the top level/ } },
  { what: 'a top-level string', bytes: '"opencode"\n', outcome: { refused: /does not hold a JSON object at the top level/ } },
  { what: 'a NUL byte between members', bytes: '{\n  "a": 1,\u0000\n  "b": 2\n}\n', outcome: { refused: AT } },
  { what: 'a document cut off mid-way', bytes: '{\n  "provider": {\n    "litellm": {', outcome: { refused: AT } },
  { what: '"provider" as a list', bytes: '{ "provider": [] }\n', outcome: { refused: /"provider" in .* is not an object/ } },
  {
    what: 'a UTF-8 byte-order mark',
    bytes: `\uFEFF${OLD}`,
    outcome: {
      written: (bytes) => {
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(parse(bytes.subarray(3).toString('utf8'))).toMatchObject({ username: 'ada', model: 'litellm/gpt-4o' });
      },
    },
  },
  {
    what: 'CRLF line ends',
    bytes: OLD.replaceAll('\n', '\r\n'),
    outcome: {
      written: (bytes) => {
        const text = bytes.toString('utf8');
        expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
        expect(parse(text)).toMatchObject({ theme: 'opencode', model: 'litellm/gpt-4o' });
      },
    },
  },
  { what: 'an empty file', bytes: '', outcome: { written: (bytes) => expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ model: 'litellm/gpt-4o' }) } },
  { what: 'only comments', bytes: '// opencode config\n/* nothing yet */\n', outcome: { written: (bytes) => expect(bytes.toString('utf8')).toMatch(/^\/\/ opencode config\n/) } },
  {
    what: 'a "__proto__" key inside provider',
    bytes: '{\n  "provider": {\n    "__proto__": { "litellm": 5 }\n  }\n}\n',
    outcome: { written: (bytes) => expect(bytes.toString('utf8')).toContain('"__proto__": { "litellm": 5 }') },
  },
];

const documentCases: HostileCase[] = DOCUMENTS.map((document) => ({
  name: `config writer: a config holding ${document.what}`,
  async run(probe) {
    const s = await scene(document.bytes);
    const preview = await answered(probe, 'opencode:preview', s.api['opencode:preview']({ instanceId: 'litellm' }));
    const written = await answered(probe, 'opencode:write', s.api['opencode:write']({ instanceId: 'litellm', fingerprint: null }));
    probe.noLeak('the answers', JSON.stringify([preview, written]), [KEY]);
    if ('refused' in document.outcome) {
      for (const answer of [preview, written]) {
        expect(answer).toMatchObject({ ok: false, error: { kind: 'config-invalid', message: expect.stringMatching(document.outcome.refused) } });
        expect(!answer.ok && answer.error.message).toContain(s.file);
      }
      await expectKept(probe, s.file, Buffer.from(document.bytes), 'the config');
      return;
    }
    expect(written, JSON.stringify(written)).toMatchObject({ ok: true });
    document.outcome.written(await readFile(s.file));
    await expectKept(probe, `${s.file}.bak`, Buffer.from(document.bytes), 'the backup');
  },
}));

hostileCases(documentCases);
