import { chmod, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_GENERATION_PARAMS, parseInput, type PlaygroundDraft } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { unprivilegedRunner } from '../opencode/support/unprivileged.js';
import { litellmScene } from './backend.js';

const SAVE_AS_USER = fileURLToPath(new URL('./support/save-draft-as-user.ts', import.meta.url));

const draft: PlaygroundDraft = {
  system: 'Answer in French.',
  prompt: 'Say hello',
  params: { ...DEFAULT_GENERATION_PARAMS, temperature: 0.7, maxOutputTokens: 64, stop: ['###'] },
  stream: false,
};

describe('the playground channels', () => {
  it('keep the last draft per model across a restart, and answer null for a model never typed for', async () => {
    const scene = await litellmScene();
    const api = scene.backend.api;
    expect(await api['playground:save-draft']({ instanceId: 'litellm', modelId: 'gpt-4o', draft })).toEqual({ ok: true, value: null });
    expect(await api['playground:save-draft']({ instanceId: 'litellm', modelId: 'claude-3-5-sonnet', draft: { ...draft, prompt: 'Other' } })).toEqual({ ok: true, value: null });

    const after = scene.restart().api;
    expect(await after['playground:get-draft']({ instanceId: 'litellm', modelId: 'gpt-4o' })).toEqual(draft);
    expect(await after['playground:get-draft']({ instanceId: 'litellm', modelId: 'claude-3-5-sonnet' })).toMatchObject({ prompt: 'Other' });
    expect(await after['playground:get-draft']({ instanceId: 'openrouter', modelId: 'gpt-4o' })).toBeNull();
    // The connection saved before is still there beside the drafts.
    expect(await after['litellm:get-config'](undefined)).toMatchObject({ connected: true, selectedModel: 'gpt-4o' });
  });

  it('refuse a draft longer than the contract allows before it reaches the settings', () => {
    expect(() => parseInput('playground:save-draft', { instanceId: 'litellm', modelId: 'gpt-4o', draft: { ...draft, prompt: 'x'.repeat(100_001) } })).toThrow(
      /Invalid input for playground:save-draft: .*\(at draft\.prompt\)/,
    );
  });

  const unprivileged = unprivilegedRunner();
  it.skipIf(unprivileged.skip !== null)(
    `say a draft could not be kept when the settings folder is read-only, and keep the one before${unprivileged.skip === null ? '' : ` (SKIPPED: ${unprivileged.skip})`}`,
    async () => {
      const scene = await litellmScene();
      await scene.backend.api['playground:save-draft']({ instanceId: 'litellm', modelId: 'gpt-4o', draft });
      await unprivileged.own(scene.dir, ...(await readdir(scene.dir)).map((name) => join(scene.dir, name)));
      await chmod(scene.dir, 0o500);
      try {
        const refused = unprivileged.run<unknown>(SAVE_AS_USER, [scene.dir, JSON.stringify({ ...draft, prompt: 'newer' })]);
        expect(refused).toEqual({ ok: false, error: { kind: 'config-write', message: expect.stringContaining('could not keep this draft in its settings file (EACCES)') } });
      } finally {
        await chmod(scene.dir, 0o700);
      }
      expect(await scene.restart().api['playground:get-draft']({ instanceId: 'litellm', modelId: 'gpt-4o' })).toEqual(draft);
    },
  );

  it('answer what a model takes from the proxy\'s metadata, and a sentence for a platform not connected', async () => {
    const scene = await litellmScene();
    const api = scene.backend.api;
    const gpt = await api['playground:get-capabilities']({ instanceId: 'litellm', modelId: 'gpt-4o' });
    expect(gpt).toMatchObject({ ok: true, value: { maxTokensParam: 'max_completion_tokens', supportedParams: expect.arrayContaining(['temperature']) } });
    expect(await api['playground:get-capabilities']({ instanceId: 'custom:nowhere', modelId: 'gpt-4o' })).toEqual({
      ok: false,
      error: { kind: 'not-configured', message: 'custom:nowhere is not connected. Connect it in Settings › Proxy Platforms, then try again.' },
    });
  });
});
