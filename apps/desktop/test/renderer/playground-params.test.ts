import { DEFAULT_GENERATION_PARAMS, type ModelCapabilities } from '@switchboard/shared';
import { describe, expect, test } from 'vitest';
import { costOf, runMetrics, tokensPerSecond } from '../../src/renderer/lib/playground-metrics';
import { capabilityControls, decodeStop, effectiveParams, encodeStop, readNumber, schemaProblem } from '../../src/renderer/lib/playground-params';
import { initialRun, type PlaygroundRun } from '../../src/renderer/lib/playground-run';
import { model } from './model-fixtures';

const caps = (change: Partial<ModelCapabilities>): ModelCapabilities => ({
  supportedParams: null,
  supportsResponseSchema: null,
  supportsReasoning: null,
  maxTokensParam: 'max_tokens',
  ...change,
});

describe('controls by what the model says it takes', () => {
  test.each([
    ['nobody says anything', caps({}), false, ['text']],
    ['response_format listed', caps({ supportedParams: ['temperature', 'response_format'] }), false, ['text', 'json_object']],
    ['supports_response_schema, no list', caps({ supportsResponseSchema: true }), false, ['text', 'json_schema']],
    ['supports_response_schema and response_format listed', caps({ supportsResponseSchema: true, supportedParams: ['response_format'] }), false, ['text', 'json_object', 'json_schema']],
    ['supports_response_schema, but the list leaves response_format out', caps({ supportsResponseSchema: true, supportedParams: ['temperature'] }), false, ['text']],
    ['supports_reasoning, no list', caps({ supportsReasoning: true }), true, ['text']],
    ['supports_reasoning, but the list leaves reasoning_effort out', caps({ supportsReasoning: true, supportedParams: ['temperature'] }), false, ['text']],
    ['reasoning_effort listed', caps({ supportedParams: ['reasoning_effort'] }), true, ['text']],
    ['said false', caps({ supportsReasoning: false, supportsResponseSchema: false, supportedParams: [] }), false, ['text']],
  ])('%s', (_, capabilities, reasoning, formats) => {
    const controls = capabilityControls(capabilities);
    expect(controls.reasoningEffort).toBe(reasoning);
    expect(controls.responseFormats).toEqual(formats);
  });

  test('a kept draft with a control the model does not offer sends nothing for it', () => {
    const params = { ...DEFAULT_GENERATION_PARAMS, reasoningEffort: 'high' as const, responseFormat: { type: 'json_schema' as const, schema: '{}' } };
    expect(effectiveParams(params, capabilityControls(null))).toEqual({ ...params, reasoningEffort: null, responseFormat: { type: 'text' } });
    expect(effectiveParams(params, capabilityControls(caps({ supportsResponseSchema: true, supportsReasoning: true })))).toEqual(params);
    expect(effectiveParams(params, capabilityControls(caps({ supportedParams: ['response_format'] }))).responseFormat).toEqual({ type: 'text' });
  });
});

describe('the JSON schema, checked before sending', () => {
  test('a JSON object passes', () => {
    expect(schemaProblem('{ "type": "object" }')).toBeNull();
  });

  test.each([
    ['{\n  "type": "object",\n  "properties": {,}\n}', /^The JSON schema is not valid JSON at line 3, column 18: .+\. Fix it, then send again\.$/],
    ['{ "type": "object"', /^The JSON schema is not valid JSON at (line 1, column 19|the end \(line 1, column 19\)): /],
    ['[1, 2]', /^The JSON schema must be a JSON object \(\{ … \}\), not an array\.$/],
    ['"text"', /not a string\.$/],
    ['   ', /^Type a JSON schema, or choose another response format\.$/],
  ])('%j is refused with where the problem is', (text, sentence) => {
    expect(schemaProblem(text)).toMatch(sentence);
  });
});

describe('typed parameters', () => {
  test.each([
    ['', null, null],
    ['0.7', 0.7, null],
    ['2', 2, null],
    ['2.5', null, 'Temperature must be a number from 0 to 2, or empty to leave it to the model.'],
    ['warm', null, 'Temperature must be a number from 0 to 2, or empty to leave it to the model.'],
  ])('temperature %j', (typed, value, problem) => {
    expect(readNumber(typed, 'Temperature', { min: 0, max: 2, integer: false })).toEqual({ value, problem });
  });

  test('max output tokens is a whole number', () => {
    expect(readNumber('1.5', 'Max output tokens', { min: 1, max: 100, integer: true }).problem).toBe(
      'Max output tokens must be a whole number from 1 to 100, or empty to leave it to the model.',
    );
  });

  test('stop sequences: a line break and a tab are typed as \\n and \\t, and read back the same', () => {
    for (const sequence of ['\n\n', 'END', 'a\\nb', '\t|']) expect(decodeStop(encodeStop(sequence))).toBe(sequence);
    expect(decodeStop('\\n###')).toBe('\n###');
  });
});

describe('metrics', () => {
  const ended: PlaygroundRun = {
    ...initialRun,
    status: 'done',
    usage: { promptTokens: 1_000, completionTokens: 500, totalTokens: 1_500, reasoningTokens: null },
    finish: { ending: 'complete', finishReason: 'stop', answeredBy: 'gpt-4o-2024-08-06', firstTokenMs: 200, totalMs: 1_200, callId: 'abc', responseCost: 0.0075 },
  };
  const metric = (run: PlaygroundRun, key: string, priced = model('gpt-4o', { inputCostPerMillion: 2.5, outputCostPerMillion: 10 })) =>
    runMetrics(run, priced).find((entry) => entry.key === key)?.value;

  test('tokens per second counts from the first token to the last', () => {
    expect(tokensPerSecond(500, 200, 1_200)).toBe(500);
    expect(metric(ended, 'tokens-per-second')).toBe('500.0');
  });

  test("cost from the catalog's prices; unknown where a price is", () => {
    expect(costOf(model('gpt-4o', { inputCostPerMillion: 2.5, outputCostPerMillion: 10 }), 1_000, 500)).toBeCloseTo(0.0075);
    expect(metric(ended, 'cost')).toBe('$0.0075');
    expect(metric(ended, 'cost', model('gpt-4o', { inputCostPerMillion: 2.5 }))).toBe('unknown');
  });

  test("LiteLLM's call id and response cost, the model that answered and the finish reason", () => {
    expect(metric(ended, 'call-id')).toBe('abc');
    expect(metric(ended, 'response-cost')).toBe('$0.0075');
    expect(metric(ended, 'answered-by')).toBe('gpt-4o-2024-08-06');
    expect(metric(ended, 'finish-reason')).toBe('stop');
    expect(metric({ ...ended, finish: { ...ended.finish!, callId: null, responseCost: null } }, 'call-id')).toBeUndefined();
  });

  test("a stopped run, which core did not time, is timed by the page's own clock", () => {
    const stopped: PlaygroundRun = { ...initialRun, status: 'stopped', startedAt: 1_000, firstTokenAt: 1_250, endedAt: 2_000 };
    expect(metric(stopped, 'first-token')).toBe('250 ms');
    expect(metric(stopped, 'total-time')).toBe('1.00 s');
    expect(metric(stopped, 'prompt-tokens')).toBe('unknown');
  });
});
