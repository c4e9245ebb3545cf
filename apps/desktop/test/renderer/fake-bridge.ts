import {
  DEFAULT_LITELLM_URL,
  normalizeBaseUrl,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type KeyInput,
  type LiteLLMConfigView,
  type Model,
  type ProxyError,
  type SwitchboardBridge,
  toModel,
} from '@switchboard/shared';

/** A complete {@link Model} built by the shared mapper, with what the test cares about on top. */
export function model(id: string, overrides: Partial<Model> = {}): Model {
  return { ...toModel({ id }), ...overrides };
}

/** The four models of the recorded LiteLLM proxy (shared/fixtures), with some metadata. */
export const FOUR_MODELS: Model[] = [
  model('gpt-4o', { provider: 'openai', mode: 'chat', contextLength: 128000, maxOutputTokens: 16384, supportsVision: true, supportsTools: true }),
  model('claude-3-5-sonnet', { provider: 'anthropic', contextLength: 200000, inputCostPerMillion: 3, outputCostPerMillion: 15 }),
  model('fake-up', { provider: 'openai' }),
  model('local-llama'),
];

export interface Call {
  channel: Channel;
  input: unknown;
}

type Handler<C extends Channel> = (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/**
 * An in-memory stand-in for main: the same channels, a "keychain" and a
 * "settings file" in plain fields, a log of calls, and hooks to make one
 * channel fail, reject (as a transport error would) or hang.
 */
export class FakeSwitchboard implements SwitchboardBridge {
  calls: Call[] = [];
  /** What the proxy lists (ids, as test-connection and fetch-models answer). */
  models: Model[] = FOUR_MODELS;
  /** What fetch-metadata answers; the same models when unset. */
  enriched: Model[] | null = null;
  /** The saved connection's cached list, as get-cached-models answers it. */
  cache: { models: Model[]; fetchedAt: number; stale: boolean } | null = null;
  fetchedAt = 1_700_000_000_000;
  latencyMs = 35;
  storedKey: string | null = null;
  saved: { url: string; selectedModel: string } | null = null;
  /** The key the proxy accepts; null accepts any (like a proxy without a master key). */
  requiredKey: string | null = null;
  private overrides = new Map<Channel, (input: unknown) => Promise<unknown>>();

  override<C extends Channel>(channel: C, handler: Handler<C>): void {
    this.overrides.set(channel, handler as (input: unknown) => Promise<unknown>);
  }

  failWith(
    channel: 'litellm:test-connection' | 'litellm:fetch-models' | 'litellm:fetch-metadata' | 'litellm:set-config' | 'litellm:disconnect',
    error: ProxyError,
  ) {
    this.overrides.set(channel, async () => ({ ok: false, error }));
  }

  /** Undoes failWith, reject or hold: the channel answers normally again. */
  restore(channel: Channel): void {
    this.overrides.delete(channel);
  }

  reject(channel: Channel, message: string): void {
    this.overrides.set(channel, async () => {
      throw new Error(message);
    });
  }

  /** Makes `channel` wait until the returned function is called. */
  hold(channel: Channel): () => void {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const normal = (input: unknown) => this.handle(channel, input);
    this.overrides.set(channel, async (input) => {
      await gate;
      this.overrides.delete(channel);
      return normal(input);
    });
    return () => release();
  }

  callsTo(channel: Channel): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.input);
  }

  invoke<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<ChannelOutput<C>> {
    const [value] = input as unknown[];
    this.calls.push({ channel, input: value });
    const override = this.overrides.get(channel);
    return (override ? override(value) : this.handle(channel, value)) as Promise<ChannelOutput<C>>;
  }

  view(): LiteLLMConfigView {
    return {
      url: this.saved?.url ?? DEFAULT_LITELLM_URL,
      connected: this.saved !== null,
      keyStored: this.storedKey !== null,
      keyHint: this.storedKey && this.storedKey.length >= 12 ? `••••${this.storedKey.slice(-4)}` : null,
      selectedModel: this.saved?.selectedModel ?? null,
    };
  }

  private resolveKey(key: KeyInput): string | null {
    if (key.mode === 'provided') return key.value;
    if (key.mode === 'none') return null;
    return this.storedKey;
  }

  private async handle(channel: Channel, input: unknown): Promise<unknown> {
    // Channels of other platforms (OpenRouter, custom endpoints) are not used by these tests.
    switch (channel) {
      case 'litellm:get-config':
        return this.view();
      case 'litellm:test-connection': {
        const { url, key } = input as { url: string; key: KeyInput };
        const normalized = normalizeBaseUrl(url);
        if (!normalized.ok) return { ok: false, error: { kind: 'invalid-url', message: normalized.message } };
        if (this.requiredKey !== null && this.resolveKey(key) !== this.requiredKey) {
          return { ok: false, error: { kind: 'unauthorized', message: 'The proxy refused the API key. Check the key and try again.' } };
        }
        return { ok: true, value: { url: normalized.url, models: this.models, latencyMs: this.latencyMs, warning: null } };
      }
      case 'litellm:fetch-models':
        if (!this.saved) return { ok: false, error: { kind: 'not-configured', message: 'LiteLLM is not connected yet.' } };
        return { ok: true, value: { models: this.models, fetchedAt: this.fetchedAt } };
      case 'litellm:fetch-metadata':
        return { ok: true, value: { models: this.enriched ?? this.models, fetchedAt: this.fetchedAt } };
      case 'litellm:get-cached-models':
        return this.saved && this.cache ? { url: this.saved.url, ...this.cache } : null;
      case 'litellm:set-config': {
        const { url, key, selectedModel } = input as { url: string; key: KeyInput; selectedModel: string };
        if (key.mode === 'provided') this.storedKey = key.value;
        if (key.mode === 'none') this.storedKey = null;
        this.saved = { url, selectedModel };
        return { ok: true, value: this.view() };
      }
      case 'litellm:disconnect':
        this.storedKey = null;
        this.saved = null;
        return { ok: true, value: this.view() };
    }
  }
}

export function installFake(fake: FakeSwitchboard): void {
  Object.defineProperty(window, 'switchboard', { value: fake, configurable: true, writable: true });
}

/** `count` models spread over a few providers, some without one. */
export function manyModels(count: number): Model[] {
  const providers = ['openai', 'anthropic', 'mistral', 'google', null];
  return Array.from({ length: count }, (_, index) => {
    const provider = providers[index % providers.length] ?? null;
    const name = `model-${String(index).padStart(5, '0')}`;
    return model(provider ? `${provider}/${name}` : name, { name, provider });
  });
}
