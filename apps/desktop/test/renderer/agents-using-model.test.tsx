// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { AgentsUsingModel } from '../../src/renderer/components/agents/AgentsUsingModel';
import { SettingsDialog } from '../../src/renderer/components/settings/SettingsDialog';
import { byTestId, getByTestId, mount, settle, type Mounted } from './dom';
import { mainHarness } from './main-process/main-harness';

const { main } = mainHarness();
let view: Mounted;
const get = (id: string) => getByTestId(view.container, id);

async function writeFor(agentId: 'kilo' | 'opencode', model: string) {
  await main.save('litellm', { url: 'http://localhost:4000', selectedModel: model });
  const written = await main.invoke('agents:write', { agentId, instanceId: 'litellm', fingerprint: null });
  if (!written.ok) throw new Error(written.error.message);
}

const section = (instanceId: 'litellm' | 'openrouter', revision: number, model = 'gpt-4o') => (
  <AgentsUsingModel instanceId={instanceId} savedModel={model} savedRevision={revision}>
    <p data-testid="opencode-part">opencode’s own part</p>
  </AgentsUsingModel>
);

afterEach(async () => {
  await view.unmount();
});

describe('the platform panel: Agents using this model', () => {
  test('lists the agents whose entry points at this platform, with their model, above opencode’s own part', async () => {
    await writeFor('kilo', 'gpt-4o');
    view = await mount(section('litellm', 0));
    const titleId = get('agents-using-model').getAttribute('aria-labelledby') ?? '';
    expect(document.getElementById(titleId)?.textContent).toBe('Agents using this model');
    expect(get('agents-using-kilo').textContent).toBe('Kilo Code CLI: gpt-4o');
    expect(get('agents-using-kilo').dataset.inSync).toBe('true');
    expect(byTestId(view.container, 'agents-using-opencode')).toBeNull();
    expect(get('agents-using-model').lastElementChild?.getAttribute('data-testid')).toBe('opencode-part');
  });

  test('another platform’s panel does not list them', async () => {
    await writeFor('kilo', 'gpt-4o');
    view = await mount(section('openrouter', 0));
    expect(get('agents-using-none').textContent).toContain('No agent’s config points at this platform yet');
  });

  test('after Use This Model the files are read again: an agent main kept in sync shows the new model', async () => {
    await writeFor('kilo', 'gpt-4o');
    view = await mount(section('litellm', 0));
    // Use This Model with claude-3-5-sonnet: main saves it and rewrites the files kept in sync.
    const saved = await main.invoke('litellm:set-config', { url: 'http://localhost:4000', key: { mode: 'none' }, selectedModel: 'claude-3-5-sonnet' });
    expect(saved.ok).toBe(true);
    await act(async () => view.root.render(section('litellm', 1, 'claude-3-5-sonnet')));
    await settle();
    expect(get('agents-using-kilo').textContent).toBe('Kilo Code CLI: claude-3-5-sonnet');
    expect(get('agents-using-kilo').dataset.inSync).toBe('true');
  });

  test('an agent left on the model chosen before says it is not the one chosen here', async () => {
    await writeFor('kilo', 'gpt-4o');
    await main.invoke('agents:set-settings', { agentId: 'kilo', sync: false });
    view = await mount(section('litellm', 0, 'claude-3-5-sonnet'));
    expect(get('agents-using-kilo').textContent).toBe('Kilo Code CLI: gpt-4o (not the model chosen here)');
    expect(get('agents-using-kilo').dataset.inSync).toBe('false');
  });
});

describe('the Settings dialog', () => {
  test('has an Agents tab right after Proxy Platforms', async () => {
    view = await mount(<SettingsDialog current={null} onPlatformChange={() => {}} onClose={() => {}} />);
    const tabs = [...document.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);
    expect(tabs.slice(tabs.indexOf('Proxy Platforms'), tabs.indexOf('Proxy Platforms') + 2)).toEqual(['Proxy Platforms', 'Agents']);
    expect(byTestId(document.body, 'settings-agents-tab')).not.toBeNull();
  });
});
