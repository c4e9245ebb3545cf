import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '@switchboard/test-servers';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse, type ParseError } from 'jsonc-parser';
import { expect } from 'vitest';

const SCHEMA_PATH = join(fixturesDir, 'opencode-1.18.33', 'config.schema.json');

// The schema opencode 1.18.33 serves for its own config; formats are not checked (strict: false).
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

/** Parses a written config as opencode does (JSONC) and checks it against opencode's schema. */
export function expectValidOpencodeConfig(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const config = parse(text, errors, { allowTrailingComma: true }) as Record<string, unknown>;
  expect(errors).toEqual([]);
  const valid = validate(config);
  expect(validate.errors ?? [], 'config must match opencode 1.18.33 config.schema.json').toEqual([]);
  expect(valid).toBe(true);
  return config;
}
