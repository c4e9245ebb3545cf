import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateCa, startTlsServer } from '@switchboard/test-servers';
import { DiagnosisPage } from '../pages/diagnosis-page.js';
import { NetworkPage } from '../pages/network-page.js';
import { CORP_HOST, CORP_PROXY_CREDENTIALS, expect, test } from '../support/fixtures.js';

const KEY = 'sk-master-1234';

test.describe('an outgoing proxy set in Settings › General › Network', () => {
  test('Test Connection to a name only the proxy knows goes through it with the credentials typed; the password never comes back to the page', async ({
    switchboard,
    litellm,
    corpProxy,
  }) => {
    const { page, settings } = switchboard;
    const network = new NetworkPage(page);
    const diagnosis = new DiagnosisPage(page);
    await network.useProxy(corpProxy.url, CORP_PROXY_CREDENTIALS);
    await expect(network.proxySaved).toContainText(corpProxy.url);
    await expect(network.proxyPassword).toHaveValue('');
    await expect(network.proxyPassword).toHaveAttribute('placeholder', 'Stored in keychain');

    await settings.dialog.getByRole('tab', { name: 'Proxy Platforms' }).click();
    await settings.platformButton('LiteLLM').click();
    await settings.connect(`http://${CORP_HOST}:${litellm.port}`, KEY);
    await diagnosis.expectPassed();
    await expect(diagnosis.detail('tcp')).toContainText(corpProxy.url.replace(/^http:\/\//, ''));
    await expect(settings.status).toContainText('Connected');
    expect(corpProxy.forwarded.some((exchange) => exchange.target.includes(`${CORP_HOST}:${litellm.port}`))).toBe(true);
    expect(await page.content()).not.toContain(CORP_PROXY_CREDENTIALS.password);
  });
});

test.describe('a corporate proxy that refuses the CONNECT', () => {
  test.use({ corpProxyOptions: { refuse: true, hosts: { [CORP_HOST]: '127.0.0.1' } } });

  test('the tcp step fails with its sentence and fix; the steps after it are skipped', async ({ switchboard, litellm, corpProxy }) => {
    const { page, settings } = switchboard;
    const network = new NetworkPage(page);
    const diagnosis = new DiagnosisPage(page);
    await network.useProxy(corpProxy.url);
    await settings.dialog.getByRole('tab', { name: 'Proxy Platforms' }).click();
    await settings.platformButton('LiteLLM').click();
    await settings.connect(`http://${CORP_HOST}:${litellm.port}`, KEY);
    await diagnosis.ended();
    await expect(diagnosis.step('tcp')).toHaveAttribute('data-state', 'fail');
    await expect(diagnosis.detail('tcp')).toContainText(/refused|403/i);
    await expect(diagnosis.fix('tcp')).not.toBeEmpty();
    await expect(diagnosis.step('models')).toHaveAttribute('data-state', 'skip');
    await expect(settings.status).toHaveAttribute('data-tone', 'error');
    expect(corpProxy.refused.length).toBeGreaterThan(0);
  });
});

test.describe("a platform's own CA file and headers", () => {
  test('a first Test Connection behind a private CA fails at tls naming the certificate; "Trust a CA file…" takes the CA path, the test then passes, and only then is LiteLLM saved', async ({
    switchboard,
    litellm,
  }) => {
    const { page, settings } = switchboard;
    const network = new NetworkPage(page);
    const diagnosis = new DiagnosisPage(page);
    const ca = await createPrivateCa();
    // By name: a certificate names its server, and the tls step checks that name.
    const tls = await startTlsServer({ ...(await ca.issue(['localhost'])), forwardTo: litellm.url });
    const tlsUrl = tls.url.replace('127.0.0.1', 'localhost');
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-ca-'));
    const caPath = join(dir, 'corp-root.pem');
    await writeFile(caPath, ca.cert);
    try {
      // Nothing saved yet, as for a person whose LiteLLM sits behind the company's TLS front from the start.
      await settings.openLiteLLM();
      await settings.connect(tlsUrl, KEY);
      await diagnosis.ended();
      await expect(diagnosis.step('tls')).toHaveAttribute('data-state', 'fail');
      await expect(diagnosis.certificate).toContainText('Switchboard Test Corp Root CA');
      await expect(diagnosis.certificate).toContainText(/valid until \d{4}-\d{2}-\d{2}\./);
      await diagnosis.trustCa.click();
      await expect(network.caFile).toBeFocused();
      await network.caFile.fill(caPath);
      await expect(network.caCertificates.first()).toContainText('Switchboard Test Corp Root CA');
      await expect(network.caCertificates.first()).toContainText(/expires \d{4}-\d{2}-\d{2}$/);
      await network.savePlatform();
      await settings.testButton.click();
      await diagnosis.expectPassed();
      await expect(diagnosis.step('tls')).toHaveAttribute('data-state', 'ok');
      await expect(settings.status).toContainText('Connected');
      await settings.saveModel('gpt-4o');
      // Saving the connection keeps the CA file it was tested with.
      await expect(network.caFile).toHaveValue(caPath);
    } finally {
      await tls.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a plain and a secret custom header reach the server; the secret value is never in the page once saved', async ({ switchboard, litellm }) => {
    const { page, settings } = switchboard;
    const network = new NetworkPage(page);
    const diagnosis = new DiagnosisPage(page);
    const secret = 'cf-secret-4e8b2d71a9';
    // Headers are set before the first test, as for a gateway that lists models only with them.
    await settings.openLiteLLM();
    await settings.urlInput.fill(litellm.url);
    await settings.keyInput.fill(KEY);
    await network.openPlatformSection();
    await network.addHeaderRow('x-team', 'platform-eng');
    await network.addHeaderRow('cf-access-client-secret', secret, true);
    await expect(network.headerValues.nth(1)).toHaveAttribute('type', 'password');
    await network.savePlatform();
    await expect(network.headerValues.nth(1)).toHaveValue('');
    await settings.testButton.click();
    await diagnosis.expectPassed();
    const listing = litellm.requests.filter((request) => request.path === '/v1/models').at(-1);
    expect(listing?.headers['x-team']).toBe('platform-eng');
    expect(listing?.headers['cf-access-client-secret']).toBe(secret);
    await settings.saveModel('gpt-4o');
    expect(await page.content()).not.toContain(secret);
  });
});
