/** A settings file as JSON gave it, before any schema: migrations work on this shape, so they never depend on today's schema. */
export type SettingsDocument = Record<string, unknown>;

export function isSettingsDocument(value: unknown): value is SettingsDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
