import { parseInstanceId, type AgentApi, type InstanceId } from '@switchboard/shared';
import type { SettingsStore } from '../store/settings-store.js';

/**
 * Keeps what a saved custom endpoint's Test Connection found, for the URL it
 * is saved with, so the Agents tab offers those APIs (platform-apis.ts).
 * Nothing for an unsaved endpoint or another URL being tried: the saved one
 * was not tested.
 */
export function recordFoundApis(settings: SettingsStore, instanceId: InstanceId | null, url: string, apis: readonly AgentApi[]): void {
  if (instanceId === null || parseInstanceId(instanceId)?.platform !== 'custom') return;
  const current = settings.read();
  const saved = current.platforms[instanceId];
  if (saved === undefined || saved.url !== url) return;
  settings.write({ ...current, platforms: { ...current.platforms, [instanceId]: { ...saved, detectedApis: { url, apis: [...apis] } } } });
}
