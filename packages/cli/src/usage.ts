export const USAGE = `Usage: switchboard key <instance-id>
       switchboard run [--override] [--] <command> [args...]
       switchboard --help

Commands:
  key      Prints the API key Switchboard keeps in the system keychain for one
           connection, and nothing else (no newline), for an agent's own
           key-helper setting: Claude Code's "apiKeyHelper", Codex's
           [model_providers.<id>.auth] command.
             switchboard key litellm
           <instance-id> is litellm, openrouter or custom:<endpoint id>.
           Exit status: 0 with the key on standard output; otherwise nothing
           on standard output and one line on standard error: 1 no key is
           stored (or no such endpoint), 2 not an instance id, 125 the
           keychain could not be read (locked, denied, not answering), 74
           standard output could not be written.

  run      Runs <command> with the variables each configured agent needs,
           read from the keychain and Switchboard's settings, so that no key
           is ever written to disk:
             switchboard run -- opencode
           Sets LITELLM_API_KEY, OPENROUTER_API_KEY and, for a custom
           endpoint, SWITCHBOARD_<SLUG>_API_KEY, each when a key is stored;
           and, when Qwen Code's settings hold Switchboard's entry,
           OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL for the
           connection and model it names.
           A variable already set to something else is kept (and named on
           standard error); with Qwen Code's three, one set means none is
           changed. --override sets Switchboard's values instead.
           From the Switchboard repository: pnpm switchboard run -- opencode
           Exit status: the command's own; 127 if it is not found, 126 if it
           cannot be run, 125 if the keychain could not be read, 2 for a
           usage error.

Environment:
  SWITCHBOARD_USER_DATA          Switchboard's settings folder (custom endpoints,
                                 the keychain deadline, the agents' files).
  SWITCHBOARD_KEYCHAIN_SERVICE   For tests only: the keychain service name to
                                 read keys from, instead of "switchboard".
`;
