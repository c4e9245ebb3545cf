import type { AgentId } from '@switchboard/shared';

/** One coding agent as the real-agent tests run it: the npm package pinned, its binary, and what keeps it offline. */
export interface PinnedAgent {
  id: AgentId;
  /** The npm package and the version ../shared/agents/README.md found to run here on Node 20. */
  pkg: string;
  version: string;
  /** The executable the package puts in node_modules/.bin. */
  bin: string;
  /**
   * Variables that stop the agent reaching anything but the test server (updates, telemetry, model
   * lists, share links). Set on every run; where an agent also needs keys in its file (Kilo's
   * `enabled_providers`, Qwen's `privacy`), the test writes them.
   */
  offlineEnv: Readonly<Record<string, string>>;
  /** Arguments placed before the caller's: Codex takes its offline settings as `-c key=value` overrides. */
  offlineArgs: readonly string[];
}

const CLAUDE_OFFLINE = {
  DISABLE_TELEMETRY: '1',
  DISABLE_AUTOUPDATER: '1',
  DISABLE_ERROR_REPORTING: '1',
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
};

export const PINNED_AGENTS: Readonly<Record<AgentId, PinnedAgent>> = {
  opencode: {
    id: 'opencode',
    pkg: 'opencode-ai',
    version: '1.18.33',
    bin: 'opencode',
    offlineEnv: { OPENCODE_DISABLE_AUTOUPDATE: '1', OPENCODE_DISABLE_MODELS_FETCH: '1', OPENCODE_DISABLE_SHARE: '1', OPENCODE_DISABLE_LSP_DOWNLOAD: '1' },
    offlineArgs: [],
  },
  kilo: {
    id: 'kilo',
    // 7.8.1's platform package is missing from the registry (npm installs a 60 KB wrapper only).
    pkg: '@kilocode/cli',
    version: '7.7.7',
    bin: 'kilo',
    offlineEnv: {
      KILO_DISABLE_AUTOUPDATE: '1',
      KILO_DISABLE_MODELS_FETCH: '1',
      KILO_DISABLE_SHARE: '1',
      KILO_DISABLE_LSP_DOWNLOAD: '1',
      KILO_TELEMETRY_LEVEL: 'off',
      KILO_DISABLE_SESSION_INGEST: '1',
      KILO_DISABLE_PRESENCE: '1',
      // Indexing the project costs seconds per run and is never needed for one prompt.
      KILO_DISABLE_CODEBASE_INDEXING: '1',
    },
    offlineArgs: [],
  },
  'claude-code': {
    id: 'claude-code',
    // The newest whose engines allow Node 20; its install script copies the platform binary into place.
    pkg: '@anthropic-ai/claude-code',
    version: '2.1.197',
    bin: 'claude',
    offlineEnv: CLAUDE_OFFLINE,
    offlineArgs: [],
  },
  codex: {
    id: 'codex',
    pkg: '@openai/codex',
    version: '0.171.0',
    bin: 'codex',
    offlineEnv: {},
    // Without these Codex contacts github.com and chatgpt.com hosts at start.
    offlineArgs: [
      '-c',
      'check_for_update_on_startup=false',
      '-c',
      'analytics.enabled=false',
      '-c',
      'features.plugins=false',
      '-c',
      'features.apps=false',
      '-c',
      'features.remote_plugin=false',
    ],
  },
  continue: {
    id: 'continue',
    pkg: '@continuedev/cli',
    version: '1.5.47',
    bin: 'cn',
    offlineEnv: { CONTINUE_CLI_ENABLE_TELEMETRY: '0', CONTINUE_METRICS_ENABLED: '0' },
    offlineArgs: [],
  },
  'qwen-code': {
    id: 'qwen-code',
    // Its engines say Node 22; it runs on 20 with a warning.
    pkg: '@qwen-code/qwen-code',
    version: '0.24.4',
    bin: 'qwen',
    offlineEnv: {},
    offlineArgs: [],
  },
};
