import {
  customInstanceId,
  DEFAULT_LITELLM_URL,
  DEFAULT_OPENROUTER_BASE_URL,
  type BuiltInPlatformId,
  type CustomEndpointView,
  type InstanceId,
} from '@switchboard/shared';
import { invokeSafe, type Outcome } from './bridge';
import { builtInCalls, customCalls, type PlatformCalls } from './platform-calls';

/** A platform, as the platform buttons list them: the built-in ones, and custom endpoints. */
export type PlatformId = BuiltInPlatformId | 'custom';

/**
 * A proxy platform as Settings > Proxy Platforms shows it. One panel
 * (`components/platform/PlatformPanel.tsx`) and one set of hooks serve every
 * platform; what differs between them is said here and nowhere else.
 */
export interface PlatformDescriptor {
  id: PlatformId;
  /** Every test id in the panel starts with it: `${testIdPrefix}-url-input`, `${testIdPrefix}-save-button`, … */
  testIdPrefix: string;
  /** The platform button's accessible name. */
  displayName: string;
  /** The line under the name on the platform button. */
  description: string;
  /** `fixed`: the platform has one address, shown read-only and never sent. */
  urlField: 'editable' | 'fixed';
  urlLabel: string;
  urlHelp: string;
  /** What the URL field shows before anything is saved (main says the same). */
  defaultUrl: string;
  /** Test and save need a key (typed, or stored in the keychain). */
  keyRequired: boolean;
  keyLabel: string;
  /** The empty key field's placeholder while no key is stored. */
  keyPlaceholder: string;
  /** `named`: any number side by side, each with a name the user gives it (custom endpoints). */
  instances: 'single' | 'named';
  /** The saved instances of a `named` platform; null for the others. */
  listInstances: (() => Promise<Outcome<CustomEndpointView[]>>) | null;
  /** The platform lists ids only, so the user may type a model's context window and output limit. */
  userLimits: boolean;
  /** Which channel each verb calls, with what extra input: a custom endpoint adds its id (null before it is saved). */
  calls(endpointId: string | null): PlatformCalls;
}

const CUSTOM_DEFAULT_URL = 'http://localhost:8000';

/** A proxy the user runs: its address is theirs to type, and a key only if they set one up. */
const SELF_HOSTED = {
  urlField: 'editable',
  keyRequired: false,
  keyLabel: 'API key (optional)',
  keyPlaceholder: 'Leave empty if not needed',
} as const;

export const LITELLM: PlatformDescriptor = {
  id: 'litellm',
  testIdPrefix: 'litellm',
  displayName: 'LiteLLM',
  description: 'Self-hosted proxy',
  ...SELF_HOSTED,
  urlLabel: 'Proxy URL',
  urlHelp: 'The address of your LiteLLM proxy, with or without /v1.',
  defaultUrl: DEFAULT_LITELLM_URL,
  instances: 'single',
  listInstances: null,
  userLimits: false,
  calls: () => builtInCalls('litellm'),
};

export const OPENROUTER: PlatformDescriptor = {
  id: 'openrouter',
  testIdPrefix: 'openrouter',
  displayName: 'OpenRouter',
  description: 'Hosted router, one key',
  urlField: 'fixed',
  urlLabel: 'Address',
  urlHelp: 'OpenRouter has one address; only the key is yours.',
  defaultUrl: DEFAULT_OPENROUTER_BASE_URL,
  keyRequired: true,
  keyLabel: 'API key',
  keyPlaceholder: 'sk-or-v1-…',
  instances: 'single',
  listInstances: null,
  userLimits: false,
  calls: () => builtInCalls('openrouter'),
};

export const CUSTOM: PlatformDescriptor = {
  id: 'custom',
  testIdPrefix: 'custom',
  displayName: 'Custom endpoint',
  description: 'vLLM, Ollama, LM Studio…',
  ...SELF_HOSTED,
  urlLabel: 'Server URL',
  urlHelp: 'An OpenAI-compatible server, e.g. http://localhost:8000 (vLLM) or http://localhost:11434 (Ollama).',
  defaultUrl: CUSTOM_DEFAULT_URL,
  instances: 'named',
  listInstances: () => invokeSafe('custom:list-endpoints'),
  userLimits: true,
  calls: (endpointId) => customCalls(endpointId, CUSTOM_DEFAULT_URL),
};

/** In the order of the platform buttons. */
export const PLATFORMS: readonly PlatformDescriptor[] = [LITELLM, OPENROUTER, CUSTOM];

export function platformById(id: PlatformId): PlatformDescriptor {
  return PLATFORMS.find((platform) => platform.id === id) ?? LITELLM;
}

/** What a saved connection's address is called in summaries: "Proxy", "Address" (fixed), "Server" (custom endpoints). */
export function addressTerm(platform: PlatformDescriptor): string {
  return platform.instances === 'named' ? 'Server' : platform.urlField === 'fixed' ? 'Address' : 'Proxy';
}

/** One configured (or being configured) connection: a platform, and for custom endpoints which one. */
export interface PlatformInstance {
  platform: PlatformDescriptor;
  /** A custom endpoint's id; null for LiteLLM and OpenRouter, and for an endpoint not saved yet. */
  endpointId: string | null;
}

// Never a real endpoint id (the grammar has no parentheses), so the endpoint being created cannot take a saved one's state.
const UNSAVED = '(new)';

/** The instance's id, as main names it (keychain account, settings, opencode channels); an endpoint not saved yet is `custom:(new)`. */
export function instanceId({ platform, endpointId }: PlatformInstance): InstanceId {
  return platform.id === 'custom' ? customInstanceId(endpointId ?? UNSAVED) : platform.id;
}
