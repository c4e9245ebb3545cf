/**
 * The proxy platforms shown in Settings > Proxy Platforms. Adding a platform
 * is one entry here plus a panel in `components/settings/platform-panels.tsx`.
 */
export interface PlatformDescriptor {
  id: string;
  label: string;
  summary: string;
  /** Planned platforms are listed, disabled, so people can see what is coming. */
  available: boolean;
}

export const PLATFORMS: readonly PlatformDescriptor[] = [
  { id: 'litellm', label: 'LiteLLM', summary: 'Self-hosted proxy', available: true },
  { id: 'openrouter', label: 'OpenRouter', summary: 'Coming soon', available: false },
];
