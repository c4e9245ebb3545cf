import { DEFAULT_MASTER_KEY, startLiteLLMServer } from '@switchboard/test-servers';
import { describe, expect, it } from 'vitest';
import { useClosers, useDiagnosis } from './diagnose-support.js';

const closer = useClosers();
const diagnosis = useDiagnosis(closer);
const KEY = { mode: 'provided' as const, value: DEFAULT_MASTER_KEY };

describe('Test Connection of a saved custom endpoint records the agent APIs it found', () => {
  it('offers Codex and Claude Code on an endpoint where both APIs answered, and takes them back when a later test finds neither', async () => {
    const full = await startLiteLLMServer();
    closer(() => full.close());
    const app = await diagnosis();
    const { api } = app.backend;
    const saved = await api['custom:save-endpoint']({ name: 'Lab', url: full.url, key: KEY, selectedModel: 'gpt-4o' });
    if (!saved.ok) throw new Error(saved.error.message);
    const instanceId = `custom:${saved.value.id}` as const;
    expect(await api['agents:preview']({ agentId: 'codex', instanceId })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });

    const events = await app.run({ platform: 'custom', endpointId: saved.value.id, url: full.url, key: { mode: 'stored' } });
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { apis: ['anthropic-messages', 'responses'] } });
    expect(await api['agents:preview']({ agentId: 'codex', instanceId })).toMatchObject({ ok: true });
    expect(await api['agents:preview']({ agentId: 'claude-code', instanceId })).toMatchObject({ ok: true });

    // The same endpoint now answers chat completions only: the next test finds neither API, and the agents are refused again.
    full.update({ metadata: false });
    const again = await app.run({ platform: 'custom', endpointId: saved.value.id, url: full.url, key: { mode: 'stored' } });
    expect(again.at(-1)).toMatchObject({ type: 'done', result: { apis: [] } });
    expect(await api['agents:preview']({ agentId: 'codex', instanceId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Test Connection did not find it/) } });
  });

  it('records nothing when another URL than the saved one is tried', async () => {
    const full = await startLiteLLMServer();
    const plain = await startLiteLLMServer({ metadata: false });
    closer(() => full.close());
    closer(() => plain.close());
    const app = await diagnosis();
    const { api } = app.backend;
    const saved = await api['custom:save-endpoint']({ name: 'Lab', url: plain.url, key: KEY, selectedModel: 'gpt-4o' });
    if (!saved.ok) throw new Error(saved.error.message);
    const events = await app.run({ platform: 'custom', endpointId: saved.value.id, url: full.url, key: KEY });
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { apis: ['anthropic-messages', 'responses'] } });
    expect(await api['agents:preview']({ agentId: 'codex', instanceId: `custom:${saved.value.id}` })).toMatchObject({ ok: false });
  });
});
