// @vitest-environment happy-dom
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { toModel } from '@switchboard/shared';
import { act, StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { OpencodeConfigSection } from '../../src/renderer/components/opencode/OpencodeConfigSection';
import { byTestId, click, getByTestId, mount, settle, type Mounted } from './dom';
import { defaultDeployments } from '../../../../packages/test-servers/src/litellm/default-deployments.js';
import { mainHarness } from './main-process/main-harness';
import { globalConfigPath, RUN_COMMAND } from './opencode-fixtures';

const { main, servers } = mainHarness();
let view: Mounted;
const CONFIG_PATH = () => globalConfigPath(main.home);
const responsesOnly = (id: string) => ({ model_name: id, litellm_params: { model: `openai/${id}` }, model_info: { mode: 'responses' } });
/** The fingerprint of the last change shown. */
const shownFingerprint = () => {
  const preview = main.answersTo('opencode:preview').at(-1);
  return preview?.ok ? preview.value.fingerprint : undefined;
};

/**
 * opencode's config as an earlier write left it (LiteLLM's entry, gpt-4o in
 * use), and claude-3-5-sonnet now chosen on LiteLLM: the change to show is
 * the model. Written by main itself, then forgotten from the call log.
 */
async function writtenBefore(model = 'gpt-4o') {
  await main.save('litellm', { url: 'http://localhost:4000', selectedModel: model });
  const written = await main.invoke('opencode:write', { instanceId: 'litellm', fingerprint: null });
  if (!written.ok) throw new Error(written.error.message);
  await main.chooseOpencode({ sync: null });
  await main.save('litellm', { url: 'http://localhost:4000', selectedModel: 'claude-3-5-sonnet' });
  main.calls = [];
}

const MODELS = [
  toModel({ id: 'gpt-4o' }),
  toModel({ id: 'claude-3-5-sonnet' }),
  { ...toModel({ id: 'text-embedding-3-small' }), mode: 'embedding' },
  { ...toModel({ id: 'o1-pro' }), mode: 'responses' },
];

const section = (revision: number, model: string | null = 'claude-3-5-sonnet') => (
  <OpencodeConfigSection instanceId="litellm" savedModel={model} savedRevision={revision} models={MODELS} />
);

/** What the platform panel does after Use This Model succeeds: the next revision. */
async function useThisModel(revision: number, model: string | null = 'claude-3-5-sonnet') {
  await act(async () => view.root.render(section(revision, model)));
  await settle();
}

const status = () => getByTestId(view.container, 'opencode-status');
const syncToggle = () => getByTestId(view.container, 'opencode-sync-toggle') as HTMLInputElement;

beforeEach(async () => {
  await writtenBefore();
  view = await mount(section(0));
});
afterEach(async () => {
  await view.unmount();
  vi.restoreAllMocks();
});

describe('OpencodeConfigSection', () => {
  test('the preview says which Responses-only models are left out, and how to have them written', async () => {
    servers.litellm.update({ deployments: [...defaultDeployments(), responsesOnly('o1-pro'), responsesOnly('codex-mini')] });
    // main lists the proxy again, as a refresh would.
    await main.invoke('litellm:fetch-models');
    await useThisModel(1);
    const note = getByTestId(view.container, 'opencode-responses-only-note');
    expect(note.textContent).toContain('2 models that only speak the Responses API (o1-pro, codex-mini)');
    expect(note.textContent).toContain('Also write models that only speak the Responses API');
  });

  test('no note when nothing is left out', async () => {
    await useThisModel(1);
    expect(byTestId(view.container, 'opencode-responses-only-note')).toBeNull();
  });

  test('a small model is offered from the chat models (not a Responses-only one), saved for this platform, and the change shown again', async () => {
    await useThisModel(1);
    const select = getByTestId(view.container, 'opencode-small-model-select') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(['', 'claude-3-5-sonnet', 'gpt-4o']);
    await act(async () => {
      select.value = 'gpt-4o';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(main.callsTo('opencode:set-settings')).toEqual([{ smallModel: { instanceId: 'litellm', model: 'gpt-4o' } }]);
    expect(main.callsTo('opencode:preview')).toHaveLength(2);
    expect(select.value).toBe('gpt-4o');
  });

  test('reads the settings once and changes nothing before Use This Model', () => {
    expect(main.callsTo('opencode:get-settings')).toHaveLength(1);
    expect(main.callsTo('opencode:preview')).toHaveLength(0);
    expect(main.callsTo('opencode:write')).toHaveLength(0);
    expect(byTestId(view.container, 'opencode-config-diff')).toBeNull();
    expect(view.container.textContent).toContain(CONFIG_PATH());
  });

  test('after Use This Model it shows the change as a diff, in place, and writes nothing', async () => {
    // gpt-4o was picked as the small model: the change adds it beside the model.
    await main.chooseOpencode({ smallModels: { litellm: 'gpt-4o' } });
    await useThisModel(1);
    expect(main.callsTo('opencode:preview')).toEqual([{ instanceId: 'litellm' }]);
    expect(main.callsTo('opencode:write')).toHaveLength(0);
    const diff = getByTestId(view.container, 'opencode-config-diff');
    expect(diff.tagName).toBe('PRE');
    expect(diff.textContent).toContain('+  "model": "litellm/claude-3-5-sonnet",');
    expect([...diff.querySelectorAll('[data-kind="added"]')].map((line) => line.textContent?.trim())).toEqual([
      '+  "model": "litellm/claude-3-5-sonnet",',
      '+  "small_model": "litellm/gpt-4o"',
    ]);
    expect(diff.querySelectorAll('[data-kind="removed"]')).toHaveLength(1);
    expect(getByTestId(view.container, 'opencode-config-path').textContent).toBe(CONFIG_PATH());
    expect(getByTestId(view.container, 'opencode-write-button').hasAttribute('disabled')).toBe(false);
  });

  test('Write config sends the fingerprint of the change shown, then says where the file and its backup are', async () => {
    await useThisModel(1);
    await click(getByTestId(view.container, 'opencode-write-button'));
    expect(main.callsTo('opencode:write')).toEqual([{ instanceId: 'litellm', fingerprint: shownFingerprint() }]);
    expect(status().dataset.tone).toBe('success');
    expect(status().textContent).toBe(`Written to ${CONFIG_PATH()}; the previous file is kept at ${CONFIG_PATH()}.bak`);
    expect(byTestId(view.container, 'opencode-config-diff')).toBeNull();
    expect(byTestId(view.container, 'opencode-write-button')).toBeNull();
    // The first write turns "keep in sync" on.
    expect(syncToggle().checked).toBe(true);
  });

  test('a file that did not exist is reported as created', async () => {
    rmSync(CONFIG_PATH());
    await useThisModel(1);
    await click(getByTestId(view.container, 'opencode-write-button'));
    expect(status().textContent).toBe(`Created ${CONFIG_PATH()}`);
  });

  test('with sync on, Use This Model writes straight away, without a preview', async () => {
    await main.chooseOpencode({ sync: true });
    await view.unmount();
    view = await mount(section(0));
    expect(syncToggle().checked).toBe(true);
    await useThisModel(1);
    expect(main.callsTo('opencode:preview')).toHaveLength(0);
    expect(main.callsTo('opencode:write')).toEqual([{ instanceId: 'litellm', fingerprint: null }]);
    expect(status().textContent).toBe(`opencode config updated: ${CONFIG_PATH()} (the previous file is kept at ${CONFIG_PATH()}.bak)`);
    expect(byTestId(view.container, 'opencode-config-diff')).toBeNull();
  });

  test('each revision is handled once: a re-render with the same revision does nothing more', async () => {
    await useThisModel(1);
    await useThisModel(1);
    expect(main.callsTo('opencode:preview')).toHaveLength(1);
    await useThisModel(2);
    expect(main.callsTo('opencode:preview')).toHaveLength(2);
  });

  test('mounted after a save (revision 1), it previews at once, once, also under StrictMode as main.tsx mounts the app', async () => {
    await view.unmount();
    main.calls = [];
    // StrictMode runs mount effects twice; the revision is still handled once, and its answer kept.
    view = await mount(<StrictMode>{section(1)}</StrictMode>);
    expect(main.callsTo('opencode:preview')).toHaveLength(1);
    expect(byTestId(view.container, 'opencode-config-diff')).not.toBeNull();
  });

  test('no saved model, no preview', async () => {
    await useThisModel(1, null);
    expect(main.callsTo('opencode:preview')).toHaveLength(0);
  });

  test('a config file that cannot be parsed: the sentence names the file and position, with its kind', async () => {
    writeFileSync(CONFIG_PATH(), '{\n  "model": "litellm/gpt-4o"\n  "small_model": "litellm/gpt-4o"\n}\n');
    const message = `${CONFIG_PATH()} is not valid JSON: a comma was expected at line 3, column 3. Switchboard left the file unchanged; fix it (or move it away), then try again.`;
    await useThisModel(1);
    expect(status().dataset.kind).toBe('config-invalid');
    expect(status().dataset.tone).toBe('error');
    expect(status().textContent).toBe(message);
    expect(byTestId(view.container, 'opencode-config-diff')).toBeNull();
    expect(byTestId(view.container, 'opencode-write-button')).toBeNull();
  });

  test('a file changed since the preview: nothing is written, and Review again shows the new change', async () => {
    await useThisModel(1);
    // Someone else edits the file after the preview.
    writeFileSync(CONFIG_PATH(), readFileSync(CONFIG_PATH(), 'utf8').replace('"model": "litellm/gpt-4o"', '"model": "litellm/gpt-4o-mini"'));
    await click(getByTestId(view.container, 'opencode-write-button'));
    expect(status().dataset.kind).toBe('config-write');
    expect(byTestId(view.container, 'opencode-config-diff')).toBeNull();
    await click(getByTestId(view.container, 'opencode-review-again-button'));
    expect(main.callsTo('opencode:preview')).toHaveLength(2);
    expect(getByTestId(view.container, 'opencode-config-diff').textContent).toContain('gpt-4o-mini');
    await click(getByTestId(view.container, 'opencode-write-button'));
    expect(main.callsTo('opencode:write').at(-1)).toEqual({ instanceId: 'litellm', fingerprint: shownFingerprint() });
    expect(status().dataset.tone).toBe('success');
  });

  test('nothing to change: says so, and offers no write', async () => {
    await writtenBefore('claude-3-5-sonnet');
    await useThisModel(1);
    expect(getByTestId(view.container, 'opencode-config-unchanged').textContent).toBe('No changes: opencode already uses this model');
    expect(byTestId(view.container, 'opencode-config-diff')).toBeNull();
    expect(byTestId(view.container, 'opencode-write-button')).toBeNull();
  });

  test('a change that puts the key in the file in plain text is flagged above the diff', async () => {
    await useThisModel(1);
    expect(byTestId(view.container, 'opencode-plain-key-notice')).toBeNull();
    await main.storeKey('litellm', 'sk-master-1234');
    await main.chooseOpencode({ writeKeyInFile: true });
    await useThisModel(2);
    expect(getByTestId(view.container, 'opencode-plain-key-notice').textContent).toContain('plain text');
  });

  test('while writing, the button is busy and disabled', async () => {
    await useThisModel(1);
    const release = main.hold('opencode:write');
    await click(getByTestId(view.container, 'opencode-write-button'));
    const button = getByTestId(view.container, 'opencode-write-button');
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(status().dataset.tone).toBe('progress');
    release();
    await settle();
    expect(status().dataset.tone).toBe('success');
  });

  test('the sync switch saves the choice', async () => {
    expect(syncToggle().checked).toBe(false);
    expect(syncToggle().getAttribute('role')).toBe('switch');
    await click(syncToggle());
    expect(main.callsTo('opencode:set-settings')).toEqual([{ sync: true }]);
    expect(syncToggle().checked).toBe(true);
    expect(syncToggle().getAttribute('aria-checked')).toBe('true');
    await useThisModel(1);
    expect(main.callsTo('opencode:write')).toEqual([{ instanceId: 'litellm', fingerprint: null }]);
  });

  test('the copy button puts the run command on the clipboard', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await click(getByTestId(view.container, 'opencode-copy-run-command'));
    expect(writeText).toHaveBeenCalledWith(RUN_COMMAND);
    expect(getByTestId(view.container, 'opencode-copy-run-command-status').textContent).toBe('Copied');
  });

  test('when the clipboard refuses, the command is selected for copying by hand', async () => {
    const writeText = vi.fn(async (_text: string) => {
      throw new Error('Not allowed');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await click(getByTestId(view.container, 'opencode-copy-run-command'));
    expect(window.getSelection()?.toString()).toBe(RUN_COMMAND);
    expect(getByTestId(view.container, 'opencode-copy-run-command-status').textContent).toContain('press Ctrl+C');
  });
});
