import type { LiteLLMConfigView } from '@switchboard/shared';

/** "1 model", "4 models", "10000 models": plain digits, the same in every locale. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Connected · 4 models · 35 ms". */
export function formatConnected(modelCount: number, latencyMs?: number): string {
  const parts = ['Connected', plural(modelCount, 'model', 'models')];
  if (latencyMs !== undefined) parts.push(`${Math.round(latencyMs)} ms`);
  return parts.join(' · ');
}

/** 128000 -> "128K", 1048576 -> "1M". */
export function formatTokens(tokens: number): string {
  if (tokens >= 1_000_000) return `${trim(tokens / 1_000_000)}M`;
  if (tokens >= 1_000) return `${trim(tokens / 1_000)}K`;
  return String(tokens);
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/** "LiteLLM · gpt-4o", or null when no model is chosen. */
export function currentModelLabel(config: LiteLLMConfigView | null): string | null {
  if (!config?.selectedModel) return null;
  return `LiteLLM · ${config.selectedModel}`;
}
