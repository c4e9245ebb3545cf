export const USAGE = `Usage: switchboard run [--] <command> [args...]
       switchboard --help

Commands:
  run      Runs <command> with the API keys Switchboard keeps in the system
           keychain set as environment variables, so an opencode config that
           says "{env:LITELLM_API_KEY}" works without the key ever being
           written to disk:
             switchboard run -- opencode
           Sets LITELLM_API_KEY, OPENROUTER_API_KEY and, for a custom endpoint,
           SWITCHBOARD_<SLUG>_API_KEY, each only when a key is stored. A stored
           key replaces a variable of the same name already set.
           From the Switchboard repository: pnpm switchboard run -- opencode

Exit status: the command's own; 127 if it is not found, 126 if it cannot be
run, 125 if Switchboard itself failed (e.g. the keychain is locked), 2 for a
usage error.

Environment:
  SWITCHBOARD_USER_DATA          Switchboard's settings folder (finds custom endpoints).
  SWITCHBOARD_KEYCHAIN_SERVICE   For tests only: the keychain service name to
                                 read keys from, instead of "switchboard".
`;
