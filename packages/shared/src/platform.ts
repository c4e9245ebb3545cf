export const DEFAULT_LITELLM_URL = 'http://localhost:4000';
export const DEFAULT_OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';
