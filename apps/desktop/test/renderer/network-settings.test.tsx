// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, test } from 'vitest';
import { appHarness } from './app-harness';
import { click, getByRole, getByTestId, settle, type } from './dom';
import { allByLabel, getByLabel } from './labels';

const app = appHarness();

async function openGeneral() {
  await app.start();
  await click(getByTestId(document.body, 'sidebar-settings-button'));
  await click(getByRole(document.body, 'tab', 'General'));
  return getByTestId(document.body, 'network-proxy');
}

async function openNetworkOf(platform: string) {
  await app.openPlatform(platform);
  const section = getByTestId(document.body, 'platform-network');
  await click(getByRole(section, 'button', 'Network'));
  return section;
}

/** Waits for the CA file to be read (it is read a moment after typing stops). */
async function afterCaRead() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
  });
  await settle();
}

describe('Settings › General › Network', () => {
  test('the proxy modes are a radio group, from the environment by default, which says when the environment sets none', async () => {
    const section = await openGeneral();
    const environment = getByLabel(section, 'From the environment');
    expect(environment.type).toBe('radio');
    expect(environment.checked).toBe(true);
    expect(getByLabel(section, 'No proxy').checked).toBe(false);
    expect(getByLabel(section, 'This proxy').checked).toBe(false);
    expect(getByTestId(section, 'network-proxy-environment').textContent).toMatch(/No proxy is set in the environment/);
    expect(() => getByLabel(section, 'Outgoing proxy URL')).toThrow();
  });

  test('"This proxy" asks for its URL, username and a password that is typed hidden; a refused save keeps all of it and says why', async () => {
    const section = await openGeneral();
    await click(getByLabel(section, 'This proxy'));
    const url = getByLabel(section, 'Outgoing proxy URL');
    await type(url, 'not a proxy address');
    await type(getByLabel(section, 'Proxy username'), 'alice');
    const password = getByLabel(section, 'Proxy password');
    expect(password.type).toBe('password');
    await type(password, 'hunter2-proxy');
    await click(getByTestId(section, 'network-proxy-save'));
    const status = getByTestId(section, 'network-proxy-status');
    expect(status.dataset.tone).toBe('error');
    expect(status.textContent).toMatch(/\.$/);
    expect(url.value).toBe('not a proxy address');
    expect(getByLabel(section, 'Proxy username').value).toBe('alice');
    expect(getByLabel(section, 'Proxy password').value).toBe('hunter2-proxy');
  });
});

describe('saving network settings', () => {
  test('a proxy saved with a password shows its URL and user name again, and of the password only that one is kept', async () => {
    const section = await openGeneral();
    await click(getByLabel(section, 'This proxy'));
    await type(getByLabel(section, 'Outgoing proxy URL'), 'http://proxy.corp.test:3128');
    await type(getByLabel(section, 'Proxy username'), 'alice');
    await type(getByLabel(section, 'Proxy password'), 'hunter2-proxy');
    await click(getByTestId(section, 'network-proxy-save'));
    expect(getByTestId(section, 'network-proxy-status').textContent).toBe('Saved');
    expect(getByTestId(section, 'network-proxy-saved').textContent).toContain('http://proxy.corp.test:3128 as alice, password in the keychain');
    const password = getByLabel(section, 'Proxy password');
    expect(password.value).toBe('');
    expect(password.placeholder).toBe('Stored in keychain');
    expect(document.body.innerHTML).not.toContain('hunter2-proxy');
  });

  test("a saved platform's secret header is kept, and its value never comes back to the page", async () => {
    await app.main.save('litellm', { url: 'http://localhost:4000', selectedModel: 'gpt-4o' });
    const section = await openNetworkOf('LiteLLM');
    await click(getByRole(section, 'button', 'Add header'));
    await type(allByLabel(section, 'Header name')[0]!, 'cf-access-client-secret');
    await click(allByLabel(section, 'Secret')[0]!);
    await type(allByLabel(section, 'Header value')[0]!, 'cf-secret-value-91');
    await click(getByTestId(section, 'platform-network-save'));
    expect(getByTestId(section, 'platform-network-status').textContent).toBe('Saved');
    const value = allByLabel(section, 'Header value')[0]!;
    expect(value.value).toBe('');
    expect(value.placeholder).toBe('Stored in keychain');
    expect(allByLabel(section, 'Header name')[0]!.value).toBe('cf-access-client-secret');
    expect(document.body.innerHTML).not.toContain('cf-secret-value-91');
  });

  test('after Disconnect the Network section shows what core kept (nothing), so a later save cannot bring the old headers back', async () => {
    await app.main.save('litellm', { url: 'http://localhost:4000', selectedModel: 'gpt-4o' });
    let section = await openNetworkOf('LiteLLM');
    await click(getByRole(section, 'button', 'Add header'));
    await type(allByLabel(section, 'Header name')[0]!, 'x-team');
    await type(allByLabel(section, 'Header value')[0]!, 'data-science');
    await click(getByTestId(section, 'platform-network-save'));
    expect(getByTestId(section, 'platform-network-status').textContent).toBe('Saved');

    await click(getByTestId(document.body, 'litellm-disconnect-button'));
    await settle();
    section = getByTestId(document.body, 'platform-network');
    const toggle = getByRole(section, 'button', 'Network');
    if (toggle.getAttribute('aria-expanded') === 'false') await click(toggle);
    expect(allByLabel(section, 'Header name')).toHaveLength(0);
  });
});

describe("a platform's Network section", () => {
  test('is collapsed until opened, and then offers the CA file and Add header', async () => {
    await app.openPlatform('LiteLLM');
    const section = getByTestId(document.body, 'platform-network');
    const toggle = getByRole(section, 'button', 'Network');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(() => getByLabel(section, 'CA file')).toThrow();
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(getByLabel(section, 'CA file').value).toBe('');
    expect(getByRole(section, 'button', 'Add header')).toBeTruthy();
  });

  test('a CA file that cannot be used says why next to the field, and the path typed stays', async () => {
    const section = await openNetworkOf('LiteLLM');
    const ca = getByLabel(section, 'CA file');
    await type(ca, '/nonexistent/corporate-ca.pem');
    await afterCaRead();
    const problem = getByTestId(section, 'network-ca-problem');
    expect(problem.textContent).toMatch(/\.$/);
    expect(ca.getAttribute('aria-invalid')).toBe('true');
    expect(ca.value).toBe('/nonexistent/corporate-ca.pem');
  });

  test('headers: each row has a name, a value and Secret; a value made secret is typed hidden and kept; Remove takes only its row', async () => {
    const section = await openNetworkOf('LiteLLM');
    await click(getByRole(section, 'button', 'Add header'));
    await click(getByRole(section, 'button', 'Add header'));
    const [firstName, secondName] = allByLabel(section, 'Header name');
    const [firstValue] = allByLabel(section, 'Header value');
    await type(firstName!, 'cf-access-client-id');
    await type(firstValue!, 'client-123');
    await type(secondName!, 'x-team');
    const [firstSecret] = allByLabel(section, 'Secret');
    expect(firstSecret!.type).toBe('checkbox');
    await click(firstSecret!);
    const hidden = allByLabel(section, 'Header value')[0]!;
    expect(hidden.type).toBe('password');
    expect(hidden.value).toBe('client-123');
    await click(getByRole(section, 'button', 'Remove header cf-access-client-id'));
    expect(allByLabel(section, 'Header name').map((input) => input.value)).toEqual(['x-team']);
  });
});
