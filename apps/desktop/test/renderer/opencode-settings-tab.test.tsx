// @vitest-environment happy-dom
import { join } from 'node:path';
import { toModel } from '@switchboard/shared';
import { act } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { OpencodeConfigSection } from '../../src/renderer/components/opencode/OpencodeConfigSection';
import { OpencodeSettingsTab } from '../../src/renderer/components/opencode/OpencodeSettingsTab';
import { byTestId, click, getByTestId, mount, press, settle, type, type Mounted } from './dom';
import { defaultDeployments } from '../../../../packages/test-servers/src/litellm/default-deployments.js';
import { mainHarness } from './main-process/main-harness';
import { globalConfigPath, RUN_COMMAND } from './opencode-fixtures';

const { main, servers } = mainHarness();
let view: Mounted;
const CONFIG_PATH = () => globalConfigPath(main.home);
/** LiteLLM saved with gpt-4o chosen, as Use This Model leaves it. */
const gpt4oInUse = () => main.save('litellm', { url: 'http://localhost:4000', selectedModel: 'gpt-4o' });

const get = (id: string) => getByTestId(view.container, id);
const plainKeyToggle = () => get('opencode-plain-key-toggle') as HTMLInputElement;
const pathInput = () => get('opencode-config-path-input') as HTMLInputElement;

async function open() {
  view = await mount(<OpencodeSettingsTab />);
}

afterEach(async () => {
  await view.unmount();
  vi.restoreAllMocks();
});

describe('Settings › opencode', () => {
  test('turning the plain-key option on asks first, and sends nothing until confirmed', async () => {
    await open();
    await click(plainKeyToggle());
    const confirm = get('opencode-plain-key-confirm');
    expect(confirm.getAttribute('role')).toBe('alert');
    expect(confirm.textContent).toContain("Writing the API key into opencode's config stores it in plain text");
    expect(confirm.querySelector('code')?.textContent).toBe('switchboard run -- opencode');
    expect(plainKeyToggle().checked).toBe(false);
    expect(main.callsTo('opencode:set-settings')).toHaveLength(0);

    await click(get('opencode-plain-key-confirm-button'));
    expect(main.callsTo('opencode:set-settings')).toEqual([{ writeKeyInFile: true }]);
    expect(plainKeyToggle().checked).toBe(true);
    expect(byTestId(view.container, 'opencode-plain-key-confirm')).toBeNull();
  });

  test('Cancel (or Escape) leaves the key out of the file', async () => {
    await open();
    await click(plainKeyToggle());
    expect(get('opencode-plain-key-confirm-button').textContent).toBe('Write keys in plain text');
    await click(get('opencode-plain-key-cancel-button'));
    expect(byTestId(view.container, 'opencode-plain-key-confirm')).toBeNull();
    expect(document.activeElement).toBe(plainKeyToggle());

    await click(plainKeyToggle());
    const escape = await press(get('opencode-plain-key-confirm-button'), 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(byTestId(view.container, 'opencode-plain-key-confirm')).toBeNull();
    expect(main.callsTo('opencode:set-settings')).toHaveLength(0);
    expect(plainKeyToggle().checked).toBe(false);
  });

  test('turning it off needs no confirmation', async () => {
    await main.chooseOpencode({ writeKeyInFile: true });
    await open();
    expect(plainKeyToggle().checked).toBe(true);
    await click(plainKeyToggle());
    expect(byTestId(view.container, 'opencode-plain-key-confirm')).toBeNull();
    expect(main.callsTo('opencode:set-settings')).toEqual([{ writeKeyInFile: false }]);
    expect(plainKeyToggle().checked).toBe(false);
  });

  test('the config path: the default as placeholder, a chosen path saved with Save', async () => {
    await open();
    expect(pathInput().placeholder).toBe(CONFIG_PATH());
    expect(pathInput().value).toBe('');
    expect(get('opencode-config-path-save').hasAttribute('disabled')).toBe(true);
    await type(pathInput(), '  ~/work/opencode.json ');
    await click(get('opencode-config-path-save'));
    expect(main.callsTo('opencode:set-settings')).toEqual([{ configPath: '~/work/opencode.json' }]);
    expect(pathInput().value).toBe('~/work/opencode.json');
    // The help names the file core will write: ~ is the home folder.
    expect(get('opencode-config-path-help').textContent).toContain(join(main.home, 'work', 'opencode.json'));
    expect(get('opencode-settings-status').dataset.tone).toBe('success');
  });

  test('emptying the path goes back to the default', async () => {
    await main.chooseOpencode({ configPath: '/elsewhere/opencode.json' });
    await open();
    await type(pathInput(), '');
    await click(get('opencode-config-path-save'));
    expect(main.callsTo('opencode:set-settings')).toEqual([{ configPath: null }]);
    expect(get('opencode-config-path-help').textContent).toContain(CONFIG_PATH());
  });

  test('SWITCHBOARD_OPENCODE_CONFIG wins: the field is disabled and says so', async () => {
    await main.reopen({ env: { SWITCHBOARD_OPENCODE_CONFIG: '/tmp/env/opencode.json' } });
    await open();
    expect(pathInput().disabled).toBe(true);
    expect(get('opencode-config-path-save').hasAttribute('disabled')).toBe(true);
    expect(get('opencode-config-path-help').textContent).toContain('SWITCHBOARD_OPENCODE_CONFIG is set');
    expect(get('opencode-config-path-help').textContent).toContain('/tmp/env/opencode.json');
  });

  test('the sync switch and the run command with its copy button', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await open();
    const sync = get('opencode-settings-sync-toggle') as HTMLInputElement;
    await click(sync);
    expect(main.callsTo('opencode:set-settings')).toEqual([{ sync: true }]);
    expect(sync.checked).toBe(true);
    expect(get('opencode-settings-copy-run-command-text').textContent).toBe(RUN_COMMAND);
    await click(get('opencode-settings-copy-run-command'));
    expect(writeText).toHaveBeenCalledWith(RUN_COMMAND);
  });

  test('a failed change shows its sentence and kind', async () => {
    await open();
    main.failOnce('opencode:set-settings', { kind: 'config-write', message: 'Settings could not be saved.' });
    await click(get('opencode-settings-sync-toggle'));
    expect(get('opencode-settings-status').dataset.kind).toBe('config-write');
    expect(get('opencode-settings-status').textContent).toBe('Settings could not be saved.');
    expect((get('opencode-settings-sync-toggle') as HTMLInputElement).checked).toBe(false);
  });

  test('the Responses-only switch is named by its visible label, off by default, and saved when turned on', async () => {
    await open();
    const toggle = get('opencode-responses-only-toggle') as HTMLInputElement;
    const label = view.container.querySelector(`label[for="${toggle.id}"]`);
    expect(label?.textContent).toBe('Also write models that only speak the Responses API');
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.checked).toBe(false);
    await click(toggle);
    expect(main.callsTo('opencode:set-settings')).toEqual([{ writeResponsesOnly: true }]);
    expect(toggle.checked).toBe(true);
    expect(get('opencode-settings-status').textContent).toContain('written into the opencode config from the next write on');
  });

  test('turning the Responses-only switch on looks at the change on the platform panel again, now with those models', async () => {
    const models = [toModel({ id: 'gpt-4o' }), { ...toModel({ id: 'o1-pro' }), mode: 'responses' }];
    const both = (revision: number) => (
      <>
        <OpencodeSettingsTab />
        <OpencodeConfigSection instanceId="litellm" savedModel="gpt-4o" savedRevision={revision} models={models} />
      </>
    );
    // o1-pro only speaks the Responses API.
    servers.litellm.update({ deployments: [...defaultDeployments(), { model_name: 'o1-pro', litellm_params: { model: 'openai/o1-pro' }, model_info: { mode: 'responses' } }] });
    await gpt4oInUse();
    view = await mount(both(0));
    await act(async () => view.root.render(both(1)));
    await settle();
    const smallModels = () => [...(get('opencode-small-model-select') as HTMLSelectElement).options].map((option) => option.value);
    expect(get('opencode-responses-only-note').textContent).toContain('o1-pro');
    expect(smallModels()).toEqual(['', 'gpt-4o']);

    await click(get('opencode-responses-only-toggle'));
    expect(main.callsTo('opencode:preview')).toHaveLength(2);
    expect(byTestId(view.container, 'opencode-responses-only-note')).toBeNull();
    expect(smallModels()).toEqual(['', 'gpt-4o', 'o1-pro']);
  });

  test('a write from the platform panel turns sync on here too', async () => {
    await gpt4oInUse();
    view = await mount(
      <>
        <OpencodeSettingsTab />
        <OpencodeConfigSection instanceId="litellm" savedModel="gpt-4o" savedRevision={0} models={[]} />
      </>,
    );
    expect((get('opencode-settings-sync-toggle') as HTMLInputElement).checked).toBe(false);
    await act(async () =>
      view.root.render(
        <>
          <OpencodeSettingsTab />
          <OpencodeConfigSection instanceId="litellm" savedModel="gpt-4o" savedRevision={1} models={[]} />
        </>,
      ),
    );
    await settle();
    await click(get('opencode-write-button'));
    expect((get('opencode-settings-sync-toggle') as HTMLInputElement).checked).toBe(true);
  });
});
