import type { LiteLLMDeployment } from './types.js';

/** proxy-config.yaml of the recording, api keys included so model_info.id hashes match it exactly. */
export function defaultDeployments(): LiteLLMDeployment[] {
  return [
    { model_name: 'gpt-4o', litellm_params: { model: 'openai/gpt-4o', api_key: 'sk-fake-openai-key' } },
    {
      model_name: 'claude-3-5-sonnet',
      litellm_params: { model: 'anthropic/claude-3-5-sonnet-20241022', api_key: 'sk-ant-fake' },
      model_info: { description: 'my sonnet' },
    },
    {
      model_name: 'fake-up',
      litellm_params: { model: 'openai/fake-model', api_base: 'http://127.0.0.1:8011/v1', api_key: 'upstream-key' },
    },
    {
      model_name: 'local-llama',
      litellm_params: { model: 'openai/llama-3-8b', api_base: 'http://127.0.0.1:9/v1', api_key: 'none' },
    },
  ];
}

export const DEFAULT_MASTER_KEY = 'sk-master-1234';
export const DEFAULT_CHAT_REPLY = 'Hi from upstream';
