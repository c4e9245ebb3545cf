import { apiKeyEnvVariable } from '../../../src/opencode/api-key-env.js';
import { buildProviderEntry } from '../../../src/opencode/provider-entry.js';
import { liteLLMModels } from './models.js';

/** Where the tests pretend opencode's global config lives. */
export const OPENCODE_FILE = '/home/ada/.config/opencode/opencode.json';

/** The provider entry Switchboard writes for the LiteLLM test models, key by `{env:…}`: what every document test edits in. */
export const litellmProvider = buildProviderEntry({
  displayName: 'LiteLLM',
  baseURL: 'http://localhost:4000/v1',
  models: liteLLMModels(),
  apiKey: { kind: 'env', variable: apiKeyEnvVariable('litellm') },
});
