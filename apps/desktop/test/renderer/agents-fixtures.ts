import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ModelInUse } from '../../src/renderer/lib/agents-entry';

/** gpt-4o on LiteLLM, as the header names the model in use after Use This Model. */
export const GPT4O_ON_LITELLM: ModelInUse = { instanceId: 'litellm', platformName: 'LiteLLM', modelId: 'gpt-4o' };

/** Kilo's global config under a home folder (no XDG_CONFIG_HOME): where core writes it when nothing else is chosen. */
export function kiloConfigPath(home: string): string {
  return join(home, '.config', 'kilo', 'kilo.json');
}

/** A file as the person left it, folders made as needed. */
export function plant(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A folder for PATH holding an executable of each name, as an installed agent would be. */
export function binFolder(...commands: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-agents-bin-'));
  for (const command of commands) {
    writeFileSync(join(dir, command), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, command), 0o755);
  }
  return dir;
}

/** Kilo's file with the person's own comment, setting and provider: what every write must keep. */
export const KILO_BY_HAND = `{
  // my own note, keep it
  "theme": "dark",
  "provider": {
    "mine": { "npm": "@ai-sdk/openai-compatible", "options": { "baseURL": "http://127.0.0.1:9/v1" }, "models": { "m": {} } }
  }
}
`;
