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

/**
 * 128000 -> "128K", 16384 -> "16K", 1048576 -> "1M", 200000 -> "200K".
 * Limits that are round in binary but not in decimal are named in binary
 * units, as model cards do ("16K output" for 16,384), not as an odd "16.4K".
 */
export function formatTokens(tokens: number): string {
  const binary = tokens % 1024 === 0 && tokens % 1000 !== 0;
  const thousand = binary ? 1024 : 1000;
  const million = binary ? 1024 * 1024 : 1_000_000;
  if (tokens >= million) return `${trim(tokens / million)}M`;
  if (tokens >= thousand) return `${trim(tokens / thousand)}K`;
  return String(tokens);
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

// One formatter for all rows: toLocaleString() builds a new one per call, which showed in keystroke profiles.
const exactFormat = new Intl.NumberFormat('en-US');

/** 16384 -> "16,384": the exact figure, for tooltips. */
export function formatExact(value: number): string {
  return exactFormat.format(value);
}

/** USD per million tokens: "$2.50", "$10.00", "$0.075", "$0". */
export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (value >= 0.1) return `$${value.toFixed(2)}`;
  // Cheap models differ in the third or fourth decimal; keep three significant digits.
  return `$${Number(value.toPrecision(3))}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 min ago", "2 h ago", "4 days ago": how old a fetch is, at `now`. */
export function formatRelativeTime(at: number, now: number): string {
  const age = Math.max(0, now - at);
  if (age < 45_000) return 'just now';
  if (age < 90 * MINUTE) return `${Math.max(1, Math.round(age / MINUTE))} min ago`;
  if (age < 36 * HOUR) return `${Math.round(age / HOUR)} h ago`;
  return plural(Math.round(age / DAY), 'day', 'days') + ' ago';
}

/** "22 Nov 2026, 14:05:09": the exact time, for a tooltip next to a relative one. */
export function formatAbsoluteTime(at: number): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** "LiteLLM · gpt-4o", "OpenRouter · openai/gpt-4o", "My vLLM · llama3"; null when no model is chosen. */
export function currentModelLabel(platformLabel: string, modelId: string | null): string | null {
  return modelId ? `${platformLabel} · ${modelId}` : null;
}
