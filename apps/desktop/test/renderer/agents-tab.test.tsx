// @vitest-environment happy-dom
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AgentsTab } from '../../src/renderer/components/agents/AgentsTab';
import { OpencodeSettingsTab } from '../../src/renderer/components/opencode/OpencodeSettingsTab';
import type { ModelInUse } from '../../src/renderer/lib/agents-entry';
import { byTestId, click, getByTestId, mount, type, type Mounted } from './dom';
import { binFolder, GPT4O_ON_LITELLM, kiloConfigPath, plant } from './agents-fixtures';
import { mainHarness } from './main-process/main-harness';

const { main } = mainHarness();
let view: Mounted;
const get = (id: string) => getByTestId(view.container, id);
const input = (id: string) => get(id) as HTMLInputElement;

async function open(inUse: ModelInUse | null = GPT4O_ON_LITELLM) {
  if (inUse) await main.save(inUse.instanceId, { url: inUse.instanceId === 'litellm' ? 'http://localhost:4000' : 'https://openrouter.ai/api/v1', selectedModel: inUse.modelId });
  view = await mount(<AgentsTab inUse={inUse} />);
}

afterEach(async () => {
  await view.unmount();
  vi.restoreAllMocks();
});

describe('Settings › Agents', () => {
  test('lists every agent main knows, each with whether it is installed (and where) and the file it writes', async () => {
    const bin = binFolder('kilo');
    await main.reopen({ env: { PATH: bin } });
    await open();
    const listed = main.answersTo('agents:list')[0] ?? [];
    expect(listed.map((agent) => agent.id)).toEqual(expect.arrayContaining(['opencode', 'kilo']));
    const cards = view.container.querySelectorAll('[data-testid^="agent-"][aria-labelledby]');
    expect([...cards].map((card) => card.getAttribute('data-testid'))).toEqual(listed.map((agent) => `agent-${agent.id}`));

    expect(get('agent-kilo-installed').dataset.found).toBe('true');
    expect(get('agent-kilo-installed').textContent).toBe(`Installed: ${join(bin, 'kilo')}`);
    expect(get('agent-opencode-installed').dataset.found).toBe('false');
    expect(get('agent-opencode-installed').textContent).toBe('Not installed: opencode is not on PATH');
    expect(get('agent-kilo-path-help').textContent).toContain(kiloConfigPath(main.home));
    expect(get('agent-kilo-entry').dataset.state).toBe('absent');
    // Each card is a region named by its agent, so a screen reader can jump between them.
    const heading = view.container.querySelector(`#${CSS.escape(get('agent-kilo').getAttribute('aria-labelledby') ?? '')}`);
    expect(heading?.textContent).toBe('Kilo Code CLI');
  });

  test('the path: the default as placeholder, a chosen path saved with Save and shown resolved, empty goes back', async () => {
    await open();
    expect(input('agent-kilo-path-input').placeholder).toBe(kiloConfigPath(main.home));
    expect(get('agent-kilo-path-save').hasAttribute('disabled')).toBe(true);
    await type(input('agent-kilo-path-input'), '  ~/work/kilo.json ');
    await click(get('agent-kilo-path-save'));
    expect(main.callsTo('agents:set-settings')).toEqual([{ agentId: 'kilo', configPath: '~/work/kilo.json' }]);
    const chosen = join(main.home, 'work', 'kilo.json');
    expect(get('agent-kilo-path-help').textContent).toContain(chosen);
    expect(get('agent-kilo-settings-status').dataset.tone).toBe('success');
    // The change shown is now the one for the chosen file.
    expect(get('agent-kilo-change').textContent).toContain(`Change to ${chosen}`);

    await type(input('agent-kilo-path-input'), '');
    await click(get('agent-kilo-path-save'));
    expect(main.callsTo('agents:set-settings').at(-1)).toEqual({ agentId: 'kilo', configPath: null });
    expect(get('agent-kilo-path-help').textContent).toContain(kiloConfigPath(main.home));
  });

  test('a path main refuses: its sentence, and the file stays the one in use', async () => {
    await open();
    plant(join(main.home, 'a-file'), 'not a folder');
    await type(input('agent-kilo-path-input'), join(main.home, 'a-file', 'kilo.json'));
    await click(get('agent-kilo-path-save'));
    expect(get('agent-kilo-settings-status').dataset.tone).toBe('error');
    expect(get('agent-kilo-settings-status').textContent).toContain('a-file');
    expect(get('agent-kilo-path-help').textContent).toContain(kiloConfigPath(main.home));
  });

  test('the variable that moves the file wins: the field is disabled and says which file is written', async () => {
    const claudeDir = join(main.home, 'elsewhere', 'claude');
    const codexHome = join(main.home, 'elsewhere', 'codex');
    await main.reopen({ env: { CLAUDE_CONFIG_DIR: claudeDir, CODEX_HOME: codexHome } });
    await open();
    expect(input('agent-claude-code-path-input').disabled).toBe(true);
    expect(get('agent-claude-code-path-save').hasAttribute('disabled')).toBe(true);
    const help = get('agent-claude-code-path-help').textContent ?? '';
    expect(help).toContain('CLAUDE_CONFIG_DIR is set, so it wins over this setting');
    expect(help).toContain(join(claudeDir, 'settings.json'));
    expect(get('agent-codex-path-help').textContent).toContain(`CODEX_HOME is set, so it wins over this setting: Switchboard writes ${join(codexHome, 'config.toml')}`);
    // Where the variable is not set, the help names it as what would move the file.
    expect(input('agent-opencode-path-input').disabled).toBe(false);
    expect(get('agent-opencode-path-help').textContent).toContain('(SWITCHBOARD_OPENCODE_CONFIG moves it)');
  });

  test('the sync switch is named by its label and saved each way', async () => {
    await open();
    const sync = input('agent-kilo-sync');
    expect(view.container.querySelector(`label[for="${sync.id}"]`)?.textContent).toBe('Keep Kilo Code CLI in sync when I choose a model');
    expect(sync.getAttribute('role')).toBe('switch');
    expect(sync.checked).toBe(false);
    await click(sync);
    expect(main.callsTo('agents:set-settings')).toEqual([{ agentId: 'kilo', sync: true }]);
    expect(input('agent-kilo-sync').checked).toBe(true);
    expect(get('agent-kilo-settings-status').textContent).toBe('Use This Model now updates Kilo Code CLI’s config.');
    await click(input('agent-kilo-sync'));
    expect(main.callsTo('agents:set-settings').at(-1)).toEqual({ agentId: 'kilo', sync: false });
    expect(input('agent-kilo-sync').checked).toBe(false);
  });

  test('opencode’s path and sync are Settings › opencode’s too: a change on either side shows on the other', async () => {
    await main.save('litellm', { url: 'http://localhost:4000', selectedModel: 'gpt-4o' });
    view = await mount(
      <>
        <AgentsTab inUse={GPT4O_ON_LITELLM} />
        <OpencodeSettingsTab />
      </>,
    );
    await click(input('agent-opencode-sync'));
    expect(input('opencode-settings-sync-toggle').checked).toBe(true);

    await type(input('opencode-config-path-input'), '~/work/opencode.json');
    await click(get('opencode-config-path-save'));
    expect(get('agent-opencode-path-help').textContent).toContain(join(main.home, 'work', 'opencode.json'));
    expect(input('agent-opencode-path-input').value).toBe('~/work/opencode.json');
  });

  test('the key route and the run command, with a copy button', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await open();
    const kilo = main.answersTo('agents:list')[0]?.find((agent) => agent.id === 'kilo');
    expect(get('agent-kilo-copy-run-command-text').textContent).toBe(kilo?.runCommand);
    expect(get('agent-kilo-key-route').textContent).toBe(kilo?.keyRoute.replaceAll('`', ''));
    expect(get('agent-kilo-key-route').querySelector('code')?.textContent).toBe('switchboard run');
    await click(get('agent-kilo-copy-run-command'));
    expect(writeText).toHaveBeenCalledWith('pnpm switchboard run -- kilo');
    expect(get('agent-kilo-copy-run-command-status').textContent).toBe('Copied');
  });

  test('a file that cannot be read: its sentence with the position, no entry, and no Write', async () => {
    plant(kiloConfigPath(main.home), '{\n  "theme": "dark",,\n}\n');
    await open();
    const problem = get('agent-kilo-file-problem').textContent ?? '';
    expect(problem).toContain(kiloConfigPath(main.home));
    expect(problem).toMatch(/line 2/);
    expect(byTestId(view.container, 'agent-kilo-entry')).toBeNull();
    expect(byTestId(view.container, 'agent-kilo-write')).toBeNull();
    // Said once: the refused preview's sentence is the same.
    expect(byTestId(view.container, 'agent-kilo-refusal')).toBeNull();
    // The other agents are untouched by it.
    expect(byTestId(view.container, 'agent-opencode-write')).not.toBeNull();
  });

  test('a platform without the API an agent calls: the sentence instead of Write, for that agent only', async () => {
    await main.storeKey('openrouter', 'sk-or-v1-test');
    await open({ instanceId: 'openrouter', platformName: 'OpenRouter', modelId: 'gpt-4o' });
    const refusal = get('agent-claude-code-refusal').textContent ?? '';
    expect(refusal).toContain('Anthropic Messages');
    expect(refusal).toContain('OpenRouter');
    expect(byTestId(view.container, 'agent-claude-code-write')).toBeNull();
    expect(byTestId(view.container, 'agent-claude-code-diff')).toBeNull();
    expect(get('agent-codex-refusal').textContent).toContain('the Responses API (/v1/responses)');
    expect(byTestId(view.container, 'agent-codex-write')).toBeNull();
    // Agents that call chat completions are offered the change.
    expect(byTestId(view.container, 'agent-kilo-write')).not.toBeNull();
  });

  test('a custom endpoint: the person confirms it has the API an agent calls, and the change is offered', async () => {
    await main.save('custom:lab', { url: 'http://localhost:4000', name: 'Lab', selectedModel: 'gpt-4o' });
    view = await mount(<AgentsTab inUse={{ instanceId: 'custom:lab', platformName: 'Lab', modelId: 'gpt-4o' }} />);
    expect(get('agent-claude-code-refusal').textContent).toContain('Anthropic Messages');
    expect(byTestId(view.container, 'agent-claude-code-write')).toBeNull();
    // Only for the agent refused: one that calls chat completions has nothing to confirm.
    expect(byTestId(view.container, 'agent-kilo-confirm-api')).toBeNull();
    expect(get('agent-claude-code-confirm-api').textContent).toBe('This endpoint has the Anthropic Messages API');

    await click(get('agent-claude-code-confirm-api'));
    expect(main.callsTo('agents:confirm-api')).toEqual([{ instanceId: 'custom:lab', api: 'anthropic-messages', confirmed: true }]);
    expect(byTestId(view.container, 'agent-claude-code-refusal')).toBeNull();
    expect(get('agent-claude-code-diff').textContent).toContain('ANTHROPIC_MODEL');
    // Codex calls another API, still unconfirmed.
    expect(byTestId(view.container, 'agent-codex-refusal')).not.toBeNull();
  });

  test('with no model in use, nothing is worked out and the tab says what to do', async () => {
    await open(null);
    expect(get('agents-model-in-use').textContent).toContain('choose one in Proxy Platforms');
    expect(main.callsTo('agents:preview')).toHaveLength(0);
    expect(byTestId(view.container, 'agent-kilo-change')).toBeNull();
    expect(get('agent-kilo-entry').textContent).toBe('No Switchboard entry in this file yet.');
  });

  test('a list main could not give: the sentence', async () => {
    main.reject('agents:list', 'the window lost its connection');
    await open();
    expect(get('agents-load-error').textContent).toContain('the window lost its connection');
  });
});
