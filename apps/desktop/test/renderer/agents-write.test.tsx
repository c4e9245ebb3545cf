// @vitest-environment happy-dom
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { AgentsTab } from '../../src/renderer/components/agents/AgentsTab';
import type { ModelInUse } from '../../src/renderer/lib/agents-entry';
import { byTestId, click, getByTestId, mount, type Mounted } from './dom';
import { GPT4O_ON_LITELLM, KILO_BY_HAND, kiloConfigPath, plant } from './agents-fixtures';
import { mainHarness } from './main-process/main-harness';

const { main } = mainHarness();
let view: Mounted;
const get = (id: string) => getByTestId(view.container, id);
const kiloFile = () => readFileSync(kiloConfigPath(main.home), 'utf8');
const CLAUDE_ON_LITELLM: ModelInUse = { ...GPT4O_ON_LITELLM, modelId: 'claude-3-5-sonnet' };

async function open(inUse: ModelInUse = GPT4O_ON_LITELLM) {
  await main.save('litellm', { url: 'http://localhost:4000', selectedModel: inUse.modelId });
  view = await mount(<AgentsTab inUse={inUse} />);
}

/** Kilo's file as a write for gpt-4o left it, then claude-3-5-sonnet chosen: written by main itself, then forgotten from the call log. */
async function kiloWrittenFor(model: string) {
  await main.save('litellm', { url: 'http://localhost:4000', selectedModel: model });
  const written = await main.invoke('agents:write', { agentId: 'kilo', instanceId: 'litellm', fingerprint: null });
  if (!written.ok) throw new Error(written.error.message);
  main.calls = [];
}

afterEach(async () => {
  await view.unmount();
});

describe('Settings › Agents: the change, then Write', () => {
  test('the diff comes first; nothing is written until Write, which writes that change and keeps the person’s own lines', async () => {
    plant(kiloConfigPath(main.home), KILO_BY_HAND);
    await open();
    const diff = get('agent-kilo-diff');
    expect(diff.textContent).toContain('"model": "litellm/gpt-4o"');
    expect(diff.textContent).toContain('{env:LITELLM_API_KEY}');
    expect(get('agent-kilo-change').textContent).toContain(`Change to ${kiloConfigPath(main.home)}`);
    expect(kiloFile()).toBe(KILO_BY_HAND);

    const write = get('agent-kilo-write');
    expect(write.getAttribute('aria-label')).toBe('Write Kilo Code CLI config');
    await click(write);
    const preview = main.answersTo('agents:preview').find((answer) => answer.ok && answer.value.filePath === kiloConfigPath(main.home));
    expect(main.callsTo('agents:write')).toEqual([{ agentId: 'kilo', instanceId: 'litellm', fingerprint: preview?.ok ? preview.value.fingerprint : 'none' }]);
    const text = kiloFile();
    expect(text).toContain('// my own note, keep it');
    expect(text).toContain('"theme": "dark"');
    expect(text).toContain('"mine": { "npm": "@ai-sdk/openai-compatible"');
    expect(text).toContain('"model": "litellm/gpt-4o"');
    expect(readFileSync(`${kiloConfigPath(main.home)}.bak`, 'utf8')).toBe(KILO_BY_HAND);

    expect(get('agent-kilo-status').textContent).toBe(`Written to ${kiloConfigPath(main.home)}; the previous file is kept at ${kiloConfigPath(main.home)}.bak`);
    expect(get('agent-kilo-entry').dataset.state).toBe('in-sync');
    expect(get('agent-kilo-entry').textContent).toBe('Uses gpt-4o on LiteLLM: the model in use.');
    expect(get('agent-kilo-unchanged').textContent).toBe('No changes: Kilo Code CLI already uses this model.');
    expect(byTestId(view.container, 'agent-kilo-write')).toBeNull();
    // Once written, the file follows later choices, as the switch now says.
    expect((get('agent-kilo-sync') as HTMLInputElement).checked).toBe(true);
  });

  test('an entry for another model: the card says so, and the diff is the switch to the model in use', async () => {
    await kiloWrittenFor('gpt-4o');
    await open(CLAUDE_ON_LITELLM);
    expect(get('agent-kilo-entry').dataset.state).toBe('differs');
    expect(get('agent-kilo-entry').textContent).toBe('Uses gpt-4o on LiteLLM, not the model in use (claude-3-5-sonnet on LiteLLM).');
    const diff = get('agent-kilo-diff').textContent ?? '';
    expect(diff).toContain('-  "model": "litellm/gpt-4o"');
    expect(diff).toContain('+  "model": "litellm/claude-3-5-sonnet"');
  });

  test('a file changed after its diff was shown: Write refuses, says why, and shows the change as it is now', async () => {
    plant(kiloConfigPath(main.home), KILO_BY_HAND);
    await open();
    // The person's editor saves the file meanwhile.
    const edited = KILO_BY_HAND.replace('"theme": "dark"', '"theme": "light"');
    writeFileSync(kiloConfigPath(main.home), edited);
    await click(get('agent-kilo-write'));
    expect(get('agent-kilo-status').dataset.kind).toBe('config-write');
    expect(get('agent-kilo-status').textContent).toContain('would change differently from what you reviewed');
    expect(kiloFile()).toBe(edited);
    // The diff on screen is the one for the file as it is now; writing that works.
    expect(get('agent-kilo-diff').textContent).toContain('"theme": "light"');
    await click(get('agent-kilo-write'));
    expect(get('agent-kilo-status').dataset.tone).toBe('success');
    expect(kiloFile()).toContain('"theme": "light"');
  });

  test('a write main refuses: its sentence, and the file as it was', async () => {
    plant(kiloConfigPath(main.home), KILO_BY_HAND);
    await open();
    main.failOnce('agents:write', { kind: 'config-write', message: `${kiloConfigPath(main.home)} could not be written: the disk is full.` });
    await click(get('agent-kilo-write'));
    expect(get('agent-kilo-status').textContent).toBe(`${kiloConfigPath(main.home)} could not be written: the disk is full.`);
    expect(kiloFile()).toBe(KILO_BY_HAND);
    expect(get('agent-kilo-entry').dataset.state).toBe('absent');
  });
});
