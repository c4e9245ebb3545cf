import { createPrivateCa, startGatewayFront, startLiteLLMServer, startTlsServer, type RunningServer } from '@switchboard/test-servers';
import { DiagnosisPage, type DiagnosisStepName } from '../pages/diagnosis-page.js';
import { expect, test } from '../support/fixtures.js';

const KEY = 'sk-master-1234';

interface RecognisedCase {
  name: string;
  /** The server the case needs, started for it (and closed after), and the URL and key typed. */
  start(litellm: RunningServer): Promise<{ url: string; key: string; servers: RunningServer[] }>;
  /** Where it is said: a step, or (for a URL the form already knows is wrong) the URL field, before anything is sent. */
  step: DiagnosisStepName | 'url-field';
  state: 'fail' | 'ok';
  /** What its own sentence says, at that step (its detail and fix). */
  says: RegExp;
}

const plain = (url: string, key = KEY) => async () => ({ url, key, servers: [] });

const cases: RecognisedCase[] = [
  { name: '/v1 given twice', start: async (litellm) => plain(`${litellm.url}/v1/v1`)(), step: 'url', state: 'fail', says: /\/v1 twice/ },
  {
    name: 'http given to an https port',
    start: async (litellm) => {
      const ca = await createPrivateCa();
      const tls = await startTlsServer({ ...(await ca.issue(['127.0.0.1'])), forwardTo: litellm.url });
      return { url: tls.url.replace(/^https:/, 'http:'), key: KEY, servers: [tls] };
    },
    step: 'alive',
    state: 'fail',
    says: /https/i,
  },
  { name: 'the LiteLLM admin UI', start: async (litellm) => plain(`${litellm.url}/ui/`)(), step: 'url-field', state: 'fail', says: /admin/i },
  { name: 'the Swagger page', start: async (litellm) => plain(`${litellm.url}/docs`)(), step: 'url-field', state: 'fail', says: /API documentation page/i },
  {
    name: 'a gateway login page (oauth2-proxy)',
    start: async () => {
      const front = await startGatewayFront('oauth2-proxy-page');
      return { url: front.url, key: KEY, servers: [front] };
    },
    step: 'alive',
    state: 'fail',
    says: /oauth2-proxy|sign-in|login/i,
  },
  {
    name: 'Open WebUI in front instead of LiteLLM',
    start: async () => {
      const front = await startGatewayFront('open-webui');
      return { url: front.url, key: KEY, servers: [front] };
    },
    step: 'alive',
    state: 'fail',
    says: /Open WebUI/,
  },
  { name: 'a key refused', start: async (litellm) => plain(litellm.url, 'sk-wrong-key-0000')(), step: 'models', state: 'fail', says: /refused|key/i },
  {
    name: 'a key accepted that sees no models',
    start: async () => {
      const empty = await startLiteLLMServer({ deployments: [] });
      return { url: empty.url, key: KEY, servers: [empty] };
    },
    // Accepted: the step passes, and says what the key sees.
    step: 'models',
    state: 'ok',
    says: /sees no models/i,
  },
];

test.describe('Test Connection recognises what answers instead of the proxy', () => {
  for (const recognised of cases) {
    test(`${recognised.name}: said at the ${recognised.step} step`, async ({ switchboard, litellm }) => {
      const { page, settings } = switchboard;
      const diagnosis = new DiagnosisPage(page);
      const { url, key, servers } = await recognised.start(litellm);
      try {
        await settings.openLiteLLM();
        if (recognised.step === 'url-field') {
          // Refused as typed, with the proxy's base offered in one click; nothing is sent.
          await settings.urlInput.fill(url);
          await expect(settings.urlMessage).toContainText(recognised.says);
          await expect(settings.testButton).toBeDisabled();
          await expect(settings.urlSuggestion).toContainText(litellm.url);
          return;
        }
        await settings.connect(url, key);
        await diagnosis.ended();
        await expect(diagnosis.step(recognised.step)).toHaveAttribute('data-state', recognised.state);
        await expect(diagnosis.step(recognised.step)).toContainText(recognised.says);
        if (recognised.state === 'fail') {
          await expect(diagnosis.fix(recognised.step)).not.toBeEmpty();
          // The status line still says the sentence, as before the steps.
          await expect(settings.status).toHaveAttribute('data-tone', 'error');
        }
      } finally {
        await Promise.all(servers.map((server) => server.close()));
      }
    });
  }
});

test.describe('Test Connection, step by step', () => {
  test('every step is shown with its state and time; the list goes on as before (models listed), and stays until the next test', async ({ switchboard, litellm }) => {
    const { page, settings } = switchboard;
    const diagnosis = new DiagnosisPage(page);
    await settings.openLiteLLM();
    await settings.connect(litellm.url, KEY);
    await diagnosis.expectPassed();
    for (const step of ['url', 'tcp', 'alive', 'models', 'metadata'] as const) await expect(diagnosis.step(step)).toHaveAttribute('data-state', 'ok');
    await expect(diagnosis.step('tls')).toHaveAttribute('data-state', 'skip');
    await expect(diagnosis.step('models').getByTestId('diagnosis-step-time')).toHaveText(/^\d+ ms$/);
    await expect(settings.status).toContainText('4 models');
    await expect(settings.model('gpt-4o')).toBeVisible();
    await settings.search.fill('gpt');
    await expect(diagnosis.steps).toBeVisible();
  });

  test('Copy report gives the steps and a curl that reproduces the failing request, the key redacted', async ({ switchboard, litellm }) => {
    const { page, settings } = switchboard;
    const diagnosis = new DiagnosisPage(page);
    const wrongKey = 'sk-wrong-key-5b1c9e';
    await settings.openLiteLLM();
    await settings.connect(litellm.url, wrongKey);
    await diagnosis.ended();
    const report = await diagnosis.copiedReport();
    expect(report).toMatch(/models/);
    expect(report).toMatch(/curl /);
    expect(report).toContain(`${litellm.url}/v1/models`);
    expect(report).not.toContain(wrongKey);
    // The key is in its own field, as typed; nowhere in what the run shows.
    expect(await page.getByTestId('diagnosis').innerHTML()).not.toContain(wrongKey);
    await expect(settings.status).not.toContainText(wrongKey);
  });
});
