import type { SettingsInput } from '../../packages/core/src/store/settings-schema.js';

/** Connections that every version holds: after any kill, they must all still be there. */
export const STEADY_PLATFORMS = {
  litellm: { url: 'http://127.0.0.1:4000', selectedModel: 'claude-sonnet-4', savedAt: 1761200000000 },
  openrouter: { url: 'http://127.0.0.1:9/api/v1', selectedModel: 'anthropic/claude-opus-4.1' },
} as const;

/** Version `n` of a whole settings file: the steady connections, plus a lab endpoint whose limits (and size) grow with n. */
export function settingsVersion(n: number): SettingsInput {
  const modelLimits = Object.fromEntries(
    Array.from({ length: 40 + (n % 40) }, (_, index) => [`org/model-${index}`, { contextLength: 1000 + index, maxOutputTokens: null }]),
  );
  return {
    platforms: { ...STEADY_PLATFORMS, 'custom:lab': { url: `http://127.0.0.1:8000/v${n}`, selectedModel: null, name: 'Lab', modelLimits } },
    catalog: { modelListLifetimeMs: 60_000 + n },
  };
}

/** Which version a file on disk is, from the lifetime it carries; null when it is none of them. */
export function versionOf(document: unknown): number | null {
  const lifetime = (document as { catalog?: { modelListLifetimeMs?: unknown } } | null)?.catalog?.modelListLifetimeMs;
  return typeof lifetime === 'number' ? lifetime - 60_000 : null;
}
