import type { MessagePort } from 'node:worker_threads';
import type { AppNotice, Channel, Model } from '@switchboard/shared';

/** The in-memory keychain: answering, locked, or no Secret Service at all. */
export type KeychainState = 'open' | 'locked' | 'unavailable';

/** What a test starts main with. */
export interface MainState {
  /** Origin a request names → the loopback test server that answers it. */
  routes: Record<string, string>;
  /** What opening the stores found (app:get-notices). */
  notices: AppNotice[];
  /** A fixed wall clock, or null for the real one. */
  now: number | null;
  /** What every measured latency comes to. */
  latencyMs: number;
  /** main's environment (SWITCHBOARD_OPENCODE_CONFIG, …); home is the test's temp folder. */
  env: Record<string, string>;
}

/** What a user may have chosen in Settings › opencode, as the settings file keeps it. */
export interface OpencodeChoices {
  configPath?: string | null;
  sync?: boolean | null;
  writeKeyInFile?: boolean;
  writeResponsesOnly?: boolean;
  smallModels?: Record<string, string>;
}

/** One saved connection, as the settings file keeps it. */
export interface SavedConnection {
  url: string;
  selectedModel: string | null;
  name?: string;
  savedAt?: number;
}

export interface CachedList {
  url: string;
  fetchedAt: number;
  models: Model[];
  accessNote?: string;
}

/** A stream the page opened, with its end of the port for main to answer on (not a request: it gets no reply). */
export type StreamRequest = { type: 'stream'; request: { channel: string; input: unknown }; port: MessagePort };

export type ToCore =
  | { type: 'open'; state: MainState }
  | { type: 'invoke'; channel: Channel; input: unknown }
  | { type: 'save'; instanceId: string; saved: SavedConnection }
  | { type: 'store-key'; instanceId: string; key: string | null }
  | { type: 'cache'; instanceId: string; list: CachedList }
  | { type: 'keychain'; state: KeychainState }
  | { type: 'routes'; routes: Record<string, string> }
  | { type: 'opencode-settings'; change: OpencodeChoices }
  | { type: 'read-key'; instanceId: string }
  | { type: 'close' };

export type FromCore = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
