import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  OpencodePreview,
  OpencodeSettingsView,
  ProxyError,
  SwitchboardBridge,
} from '@switchboard/shared';

export const CONFIG_PATH = '/home/ada/.config/opencode/opencode.json';
export const RUN_COMMAND = 'pnpm switchboard run -- opencode';
export const PLAIN_KEY_WARNING =
  "Writing the API key into opencode's config stores it in plain text on disk. The safer default is `switchboard run -- opencode`.";

/** A diff as `opencode:preview` sends it (jsdiff's two-file patch, secrets masked). */
export const SAMPLE_DIFF = [
  `--- ${CONFIG_PATH}`,
  `+++ ${CONFIG_PATH}`,
  '@@ -1,3 +1,4 @@',
  ' {',
  '-  "model": "litellm/gpt-4o"',
  '+  "model": "litellm/claude-3-5-sonnet",',
  '+  "small_model": "litellm/gpt-4o"',
  ' }',
  '',
].join('\n');

type OpencodeChannel = Extract<Channel, `opencode:${string}`>;

interface Call {
  channel: Channel;
  input: unknown;
}

/**
 * main's `opencode:*` channels, in memory: settings in a field, one preview
 * answer, and a write that checks the fingerprint like the real one. Other
 * channels reject, so a component calling them fails its test.
 */
export class OpencodeFake implements SwitchboardBridge {
  calls: Call[] = [];
  /** null: the user never chose, so the first write turns sync on (as main does). */
  sync: boolean | null = null;
  writeKeyInFile = false;
  writeResponsesOnly = false;
  smallModels: Record<string, string> = {};
  chosenPath: string | null = null;
  overriddenByEnv = false;
  preview: OpencodePreview = { filePath: CONFIG_PATH, diff: SAMPLE_DIFF, changed: true, keyInPlainText: false, fingerprint: 'fp-1', responsesOnlyLeftOut: [] };
  backupPath: string | null = `${CONFIG_PATH}.bak`;
  private failures = new Map<OpencodeChannel, ProxyError>();
  private gates = new Map<OpencodeChannel, Promise<void>>();

  view(): OpencodeSettingsView {
    return {
      configPath: this.overriddenByEnv ? '/tmp/env/opencode.json' : (this.chosenPath ?? CONFIG_PATH),
      chosenPath: this.chosenPath,
      overriddenByEnv: this.overriddenByEnv,
      sync: this.sync ?? false,
      writeKeyInFile: this.writeKeyInFile,
      runCommand: RUN_COMMAND,
      plainKeyWarning: PLAIN_KEY_WARNING,
      smallModels: { ...this.smallModels },
      writeResponsesOnly: this.writeResponsesOnly,
    };
  }

  /** The channel answers this error (once) instead of succeeding. */
  failOnce(channel: OpencodeChannel, error: ProxyError): void {
    this.failures.set(channel, error);
  }

  /** The channel waits until the returned function is called. */
  hold(channel: OpencodeChannel): () => void {
    let release = () => {};
    this.gates.set(channel, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(channel);
      release();
    };
  }

  callsTo(channel: Channel): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.input);
  }

  invoke<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<ChannelOutput<C>> {
    const [value] = input as unknown[];
    this.calls.push({ channel, input: value });
    return this.answer(channel, value) as Promise<ChannelOutput<C>>;
  }

  private async answer(channel: Channel, input: unknown): Promise<unknown> {
    if (!channel.startsWith('opencode:')) throw new Error(`${channel} is not part of this fake`);
    const opencodeChannel = channel as OpencodeChannel;
    await this.gates.get(opencodeChannel);
    const failure = this.failures.get(opencodeChannel);
    if (failure) {
      this.failures.delete(opencodeChannel);
      return { ok: false, error: failure };
    }
    switch (opencodeChannel) {
      case 'opencode:get-settings':
        return this.view();
      case 'opencode:set-settings': {
        const changes = input as ChannelInput<'opencode:set-settings'>;
        if (changes.configPath !== undefined) this.chosenPath = changes.configPath || null;
        if (changes.sync !== undefined) this.sync = changes.sync;
        if (changes.writeKeyInFile !== undefined) this.writeKeyInFile = changes.writeKeyInFile;
        if (changes.writeResponsesOnly !== undefined) this.writeResponsesOnly = changes.writeResponsesOnly;
        if (changes.smallModel) {
          const { instanceId, model } = changes.smallModel;
          if (model === null) delete this.smallModels[instanceId];
          else this.smallModels[instanceId] = model;
        }
        return { ok: true, value: this.view() };
      }
      case 'opencode:preview':
        return { ok: true, value: this.preview };
      case 'opencode:write': {
        const { fingerprint } = input as ChannelInput<'opencode:write'>;
        if (fingerprint !== null && fingerprint !== this.preview.fingerprint) {
          const message = `${CONFIG_PATH} changed after the preview was made, so nothing was written.`;
          return { ok: false, error: { kind: 'config-write', message } };
        }
        this.sync ??= true;
        return { ok: true, value: { path: this.preview.filePath, backupPath: this.backupPath, settings: this.view() } };
      }
    }
  }
}

export function installOpencodeFake(fake: OpencodeFake): void {
  Object.defineProperty(window, 'switchboard', { value: fake, configurable: true, writable: true });
}
