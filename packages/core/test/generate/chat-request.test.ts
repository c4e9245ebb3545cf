import { DEFAULT_GENERATION_PARAMS, type GenerationParams, type ModelCapabilities } from '@switchboard/shared';
import { describe, expect, test } from 'vitest';
import { buildChatRequest } from '../../src/generate/chat-request.js';
import { HttpFailure } from '../../src/http/index.js';

const NOBODY: ModelCapabilities = { supportedParams: null, supportsResponseSchema: null, supportsReasoning: null, maxTokensParam: 'max_tokens' };
// Recorded: gpt-4o's supported_openai_params on LiteLLM 1.81.0 (shortened to what the playground sets).
const GPT_4O: ModelCapabilities = {
  supportedParams: ['max_tokens', 'max_completion_tokens', 'stop', 'stream', 'stream_options', 'temperature', 'top_p', 'response_format'],
  supportsResponseSchema: true,
  supportsReasoning: false,
  maxTokensParam: 'max_completion_tokens',
};
// An o-series model: no sampling knobs, an effort instead.
const O3: ModelCapabilities = {
  supportedParams: ['max_tokens', 'max_completion_tokens', 'stop', 'stream', 'stream_options', 'response_format', 'reasoning_effort'],
  supportsResponseSchema: true,
  supportsReasoning: true,
  maxTokensParam: 'max_completion_tokens',
};
// A proxy that lists params without structured output or usage in streams.
const PLAIN_LIST: ModelCapabilities = { supportedParams: ['max_tokens', 'temperature', 'stream'], supportsResponseSchema: null, supportsReasoning: null, maxTokensParam: 'max_tokens' };

const EVERYTHING: GenerationParams = {
  temperature: 0.2,
  topP: 0.9,
  maxOutputTokens: 256,
  stop: ['END'],
  reasoningEffort: 'high',
  responseFormat: { type: 'json_object' },
};

const request = (params: Partial<GenerationParams>, capabilities: ModelCapabilities, stream = true, system = '') =>
  buildChatRequest({ modelId: 'm', system, prompt: 'hello', params: { ...DEFAULT_GENERATION_PARAMS, ...params }, stream }, capabilities);

describe('the request body by what the model takes', () => {
  const table: Array<[string, ModelCapabilities, Record<string, unknown>, string[]]> = [
    ['nobody says: the common knobs, no effort, no format', NOBODY, { temperature: 0.2, top_p: 0.9, max_tokens: 256, stop: ['END'] }, ['reasoning_effort', 'response_format']],
    ['gpt-4o: knobs, max_completion_tokens, JSON mode; no effort', GPT_4O, { temperature: 0.2, top_p: 0.9, max_completion_tokens: 256, stop: ['END'], response_format: { type: 'json_object' } }, ['reasoning_effort']],
    ['o3: no temperature or top_p, an effort', O3, { max_completion_tokens: 256, stop: ['END'], reasoning_effort: 'high', response_format: { type: 'json_object' } }, ['temperature', 'top_p']],
    ['a list without stop or format', PLAIN_LIST, { temperature: 0.2, max_tokens: 256 }, ['top_p', 'stop', 'reasoning_effort', 'response_format']],
  ];
  test.each(table)('%s', (_name, capabilities, sent, leftOut) => {
    const { body, leftOut: said } = request(EVERYTHING, capabilities);
    const { model: _model, messages: _messages, stream: _stream, stream_options: _options, ...params } = body;
    expect(params).toEqual(sent);
    expect(said).toEqual(leftOut);
  });

  test('reasoning effort where nobody lists params but the metadata says the model reasons', () => {
    const { body, leftOut } = request({ reasoningEffort: 'low' }, { ...NOBODY, supportsReasoning: true });
    expect(body.reasoning_effort).toBe('low');
    expect(leftOut).toEqual([]);
  });

  test('nothing set: nothing sent beyond the model, the messages and the stream', () => {
    expect(request({}, O3).body).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});

describe('messages and streaming', () => {
  test('a system message only when it has text', () => {
    expect(request({}, NOBODY, true, '  \n').body.messages).toEqual([{ role: 'user', content: 'hello' }]);
    expect(request({}, NOBODY, true, 'Be brief.').body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hello' },
    ]);
  });

  test('a plain request asks for no stream and no stream options', () => {
    const { body } = request({}, NOBODY, false);
    expect(body).not.toHaveProperty('stream');
    expect(body).not.toHaveProperty('stream_options');
  });

  test('usage in the stream is not asked of a model whose list leaves stream_options out', () => {
    expect(request({}, PLAIN_LIST).body).not.toHaveProperty('stream_options');
  });
});

describe('a JSON schema answer', () => {
  const schema = (text: string) => ({ responseFormat: { type: 'json_schema' as const, schema: text } });

  test('a bare schema is wrapped under a name; a whole block is sent as typed', () => {
    expect(request(schema('{"type":"object"}'), GPT_4O).body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'response', schema: { type: 'object' } },
    });
    const block = { name: 'person', strict: true, schema: { type: 'object', properties: { name: { type: 'string' } } } };
    expect(request(schema(JSON.stringify(block)), GPT_4O).body.response_format).toEqual({ type: 'json_schema', json_schema: block });
  });

  test('left out for a model the metadata does not say takes one, and its text not even read', () => {
    const { body, leftOut } = request(schema('not json'), { ...GPT_4O, supportsResponseSchema: null });
    expect(body).not.toHaveProperty('response_format');
    expect(leftOut).toEqual(['response_format']);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['a missing comma', '{"type": "object"\n "properties": {}}', /comma was expected at line 2, column 2/],
    ['a trailing comma', '{"type": "object",}', /line 1, column 19/],
    ['a comment', '{"type": "object" // why\n}', /line 1, column 19/],
    ['an unclosed object', '{"type": "object"', /closing \} was expected at line 1, column 18/],
    ['an array', '[{"type": "object"}]', /must be a JSON object/],
    ['a string', '"object"', /must be a JSON object/],
  ];
  test.each(broken)('%s is refused with a sentence saying where', (_name, text, where) => {
    let thrown: unknown;
    try {
      request(schema(text), GPT_4O);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpFailure);
    expect((thrown as HttpFailure).kind).toBe('invalid-input');
    expect((thrown as HttpFailure).message).toMatch(where);
    expect((thrown as HttpFailure).message).toMatch(/^The response schema .*\.$/);
  });
});
