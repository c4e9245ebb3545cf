import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewOpencodeConfig } from '../../src/opencode/opencode-config.js';
import { useTempDirs } from '../support/temp-dir.js';
import { litellmProvider as provider } from './support/litellm-provider.js';

const tempDir = useTempDirs();

// JSON-ish bytes with stray non-UTF-8 bytes and byte-order marks spliced in, as a broken tool or another encoding leaves them.
const bytes = fc
  .array(
    fc.oneof(
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"provider"', '"model"', '"x"', '1', '\n', '\r\n', '// c\n').map((text) => [...Buffer.from(text)]),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xe9], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x00]),
    ),
    { maxLength: 30 },
  )
  .map((chunks) => Buffer.from(chunks.flat()));

describe('a preview of any file', () => {
  it('is a plan or a sentence naming the file, never a thrown error', async () => {
    const dir = await tempDir();
    const file = join(dir, 'opencode.json');
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        await writeFile(file, content);
        const result = await previewOpencodeConfig({ filePath: file, providerId: 'litellm', provider, modelId: 'gpt-4o' });
        if (!result.ok) {
          expect(['config-invalid', 'config-write']).toContain(result.error.kind);
          expect(result.error.message).toContain(file);
        }
      }),
      { numRuns: 400 },
    );
  });
});
