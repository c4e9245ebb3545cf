import {
  DEFAULT_LITELLM_URL,
  DEFAULT_OPENROUTER_BASE_URL,
  normalizeBaseUrl,
  slugify,
  toModel,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type CustomEndpointView,
  type KeyInput,
  type Model,
  type ModelLimits,
  type PlatformConfigView,
  type ProxyError,
  type SwitchboardBridge,
} from '@switchboard/shared';

// Saves get increasing times, as the real store's clock would give them.
let saveClock = 1_700_000_000_000;
const nextSaveTime = () => (saveClock += 1000);

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
const normalizedUrl = (url: string) => {
  const normalized = normalizeBaseUrl(url);
  return normalized.ok ? normalized.url : url;
};
const refused = (message: string) => ({ ok: false, error: { kind: 'unauthorized', message } });

/** What answers at an address: its models, the key it wants, and what it warns about. */
export class FakeServer {
  /** What the proxy lists (ids, as test-connection and fetch-models answer). */
  models: Model[] = FOUR_MODELS;
  /** What fetch-metadata answers; the same models when unset. */
  enriched: Model[] | null = null;
  latencyMs = 35;
  /** The key the proxy accepts; null accepts any (like a proxy without a master key). */
  requiredKey: string | null = null;
  keyWarning: (key: string) => string | null = () => null;
  /** What a LiteLLM proxy says of a team key's listing; null for a key that sees the whole proxy. */
  accessNote: string | null = null;

  /** The listing's note, as test-connection and fetch-models carry it. */
  note(): { accessNote?: string } {
    return this.accessNote === null ? {} : { accessNote: this.accessNote };
  }
}

/** One platform instance: what answers it, and what main has saved for it (keychain, settings, cache). */
export class FakeProxy extends FakeServer {
  /** The saved connection's cached list, as get-cached-models answers it. */
  cache: { models: Model[]; fetchedAt: number; stale: boolean } | null = null;
  fetchedAt = 1_700_000_000_000;
  storedKey: string | null = null;
  /** Set when the keychain cannot be read (locked, …): get-config says so, as main does. */
  keychainError: ProxyError | null = null;
  saved: { url: string; selectedModel: string | null; savedAt?: number } | null = null;
  /** A custom endpoint's name and typed limits. */
  name = '';
  modelLimits: Record<string, ModelLimits> = {};

  constructor(readonly defaultUrl: string = DEFAULT_LITELLM_URL) {
    super();
  }

  view(): PlatformConfigView {
    return {
      url: this.saved?.url ?? this.defaultUrl,
      connected: this.saved !== null,
      keyStored: this.storedKey !== null,
      keyHint: this.storedKey && this.storedKey.length >= 12 ? `••••${this.storedKey.slice(-4)}` : null,
      selectedModel: this.saved?.selectedModel ?? null,
      savedAt: this.saved?.savedAt ?? null,
      ...(this.keychainError ? { keychainError: this.keychainError } : {}),
    };
  }

  resolveKey(key: KeyInput): string | null {
    if (key.mode === 'provided') return key.value;
    return key.mode === 'none' ? null : this.storedKey;
  }

  /** The listing with what the user typed on top, as main's `adjust` does. */
  listed(models: Model[]): Model[] {
    return models.map((entry) => {
      const typed = this.modelLimits[entry.id];
      if (!typed) return entry;
      const user = (value: number | null, known: number | null) => (value === null ? { value: known, typed: false } : { value, typed: true });
      const context = user(typed.contextLength, entry.contextLength);
      const output = user(typed.maxOutputTokens, entry.maxOutputTokens);
      return {
        ...entry,
        contextLength: context.value,
        maxOutputTokens: output.value,
        sources: { ...entry.sources, ...(context.typed ? { contextLength: 'user' } : {}), ...(output.typed ? { maxOutputTokens: 'user' } : {}) },
      };
    });
  }

  /** The verbs every platform answers; `server` is what answers at the URL being tested. */
  answer(verb: string, input: { url?: string; key?: KeyInput; selectedModel?: string | null }, server: FakeServer | undefined, fixedUrl: string | null): unknown {
    switch (verb) {
      case 'get-config':
        return this.view();
      case 'test-connection': {
        const normalized = fixedUrl ? { ok: true as const, url: fixedUrl } : normalizeBaseUrl(input.url ?? '');
        if (!normalized.ok) return { ok: false, error: { kind: 'invalid-url', message: normalized.message } };
        if (!server) return { ok: false, error: { kind: 'unreachable', message: `Nothing is listening at ${normalized.url}.` } };
        const key = this.resolveKey(input.key ?? { mode: 'none' });
        if (server.requiredKey !== null && key !== server.requiredKey) return refused('The proxy refused the API key. Check the key and try again.');
        const warning = key ? server.keyWarning(key) : null;
        return { ok: true, value: { url: normalized.url, modelIds: server.models.map((entry) => entry.id), latencyMs: server.latencyMs, warning, ...server.note() } };
      }
      case 'fetch-models':
        if (!this.saved || !server) return { ok: false, error: { kind: 'not-configured', message: 'It is not connected yet.' } };
        return { ok: true, value: { modelIds: server.models.map((entry) => entry.id), fetchedAt: this.fetchedAt, ...server.note() } };
      case 'fetch-metadata':
        return { ok: true, value: { models: this.listed(server?.enriched ?? server?.models ?? []), fetchedAt: this.fetchedAt } };
      case 'get-cached-models':
        return this.saved && this.cache ? { url: this.saved.url, ...this.cache, models: this.listed(this.cache.models) } : null;
      case 'set-config': {
        const key = input.key ?? { mode: 'none' };
        if (key.mode === 'provided') this.storedKey = key.value;
        if (key.mode === 'none') this.storedKey = null;
        this.saved = { url: fixedUrl ?? input.url ?? '', selectedModel: input.selectedModel ?? null, savedAt: nextSaveTime() };
        return { ok: true, value: this.view() };
      }
      case 'disconnect':
        this.storedKey = null;
        this.saved = null;
        return { ok: true, value: this.view() };
    }
    throw new Error(`The fake does not answer ${verb}.`);
  }
}

/**
 * An in-memory stand-in for main: LiteLLM's state on the fake itself (as
 * before other platforms existed), OpenRouter's in `openrouter`, custom
 * endpoints in `endpoints` (answered by `servers`, by URL); a log of calls,
 * and hooks to make one channel fail, reject (as a transport error would) or hang.
 */
export class FakeSwitchboard extends FakeProxy implements SwitchboardBridge {
  calls: Call[] = [];
  readonly openrouter = new FakeProxy(DEFAULT_OPENROUTER_BASE_URL);
  /** Saved custom endpoints, by id. */
  readonly endpoints = new Map<string, FakeProxy>();
  /** The OpenAI-compatible servers custom endpoints can reach, by normalized URL. */
  readonly servers = new Map<string, FakeServer>();
  /** What main found when it opened the stores, as app:get-notices answers it. */
  notices: ChannelOutput<'app:get-notices'> = [];
  private overrides = new Map<Channel, (input: unknown) => Promise<unknown>>();

  constructor() {
    super(DEFAULT_LITELLM_URL);
    this.openrouter.requiredKey = 'sk-or-v1-test';
    this.openrouter.keyWarning = (key) => (key.startsWith('sk-or-') ? null : 'OpenRouter keys usually start with "sk-or-".');
  }

  /** A custom endpoint saved as main would keep it; answered by `server`, else by the one registered at `url`, else a new one. */
  addEndpoint(id: string, name: string, url: string, server?: FakeServer): FakeProxy {
    const endpoint = new FakeProxy('http://localhost:8000');
    endpoint.name = name;
    endpoint.saved = { url, selectedModel: null, savedAt: nextSaveTime() };
    this.endpoints.set(id, endpoint);
    if (server || !this.servers.has(url)) this.servers.set(url, server ?? new FakeServer());
    return endpoint;
  }

  endpointView(id: string, endpoint: FakeProxy): CustomEndpointView {
    return { ...endpoint.view(), id, name: endpoint.name, modelLimits: endpoint.modelLimits };
  }

  override<C extends Channel>(channel: C, handler: Handler<C>): void {
    this.overrides.set(channel, handler as (input: unknown) => Promise<unknown>);
  }

  failWith(channel: Channel, error: ProxyError) {
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

  private async handle(channel: Channel, input: unknown): Promise<unknown> {
    const [prefix, verb = ''] = channel.split(':') as [string, string];
    const given = (input ?? {}) as { endpointId?: string; url?: string; key?: KeyInput; selectedModel?: string | null };
    if (prefix === 'litellm') return this.answer(verb, given, given.url === undefined ? this : this.serverAt(given.url), null);
    if (prefix === 'openrouter') return this.openrouter.answer(verb, given, this.openrouter, DEFAULT_OPENROUTER_BASE_URL);
    if (prefix === 'custom') return this.handleCustom(verb, input);
    if (channel === 'app:get-notices') return this.notices;
    throw new Error(`The fake does not answer ${channel}.`);
  }

  /** LiteLLM is answered by the fake itself at any address unless a server is registered for it. */
  private serverAt(url: string): FakeServer {
    return this.servers.get(normalizedUrl(url)) ?? this;
  }

  private handleCustom(verb: string, input: unknown): unknown {
    const given = (input ?? {}) as { endpointId?: string; name?: string; url?: string; key?: KeyInput; selectedModel?: string | null; modelId?: string; limits?: ModelLimits };
    const endpoint = given.endpointId === undefined ? undefined : this.endpoints.get(given.endpointId);
    const gone = { ok: false, error: { kind: 'not-configured', message: `There is no custom endpoint "${given.endpointId}".` } };
    const serverOf = (url: string | undefined) => this.servers.get(normalizedUrl(url ?? ''));
    switch (verb) {
      case 'list-endpoints':
        return [...this.endpoints].map(([id, saved]) => this.endpointView(id, saved));
      case 'test-connection':
        return (endpoint ?? new FakeProxy()).answer(verb, given, serverOf(given.url), null);
      case 'save-endpoint': {
        if (given.endpointId !== undefined && !endpoint) return gone;
        const id = given.endpointId ?? this.freeId(slugify(given.name ?? ''));
        const saved = endpoint ?? new FakeProxy('http://localhost:8000');
        saved.name = given.name ?? '';
        saved.answer('set-config', given, undefined, null);
        this.endpoints.set(id, saved);
        return { ok: true, value: this.endpointView(id, saved) };
      }
      case 'set-model-limits': {
        if (!endpoint || !given.modelId || !given.limits) return gone;
        const { [given.modelId]: _previous, ...others } = endpoint.modelLimits;
        const cleared = given.limits.contextLength === null && given.limits.maxOutputTokens === null;
        endpoint.modelLimits = cleared ? others : { ...others, [given.modelId]: given.limits };
        return { ok: true, value: this.endpointView(given.endpointId ?? '', endpoint) };
      }
      case 'disconnect':
        if (given.endpointId !== undefined) this.endpoints.delete(given.endpointId);
        return { ok: true, value: new FakeProxy('http://localhost:8000').view() };
    }
    if (!endpoint) return verb === 'get-cached-models' ? null : verb === 'get-config' ? new FakeProxy('http://localhost:8000').view() : gone;
    return endpoint.answer(verb, given, serverOf(endpoint.saved?.url), null);
  }

  private freeId(slug: string): string {
    let id = slug;
    for (let n = 2; this.endpoints.has(id); n += 1) id = `${slug.slice(0, 36)}-${n}`;
    return id;
  }
}

export function installFake(fake: SwitchboardBridge): void {
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
