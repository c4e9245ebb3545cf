import { isAbsolute, join, resolve } from 'node:path';

export const OPENCODE_CONFIG_ENV = 'SWITCHBOARD_OPENCODE_CONFIG';

/** `~/x` and relative paths as a person types them in Settings; relative ones are taken from the home folder. */
export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(home, path.slice(2));
  return isAbsolute(path) ? path : resolve(home, path);
}

/**
 * Which opencode config Switchboard writes: `SWITCHBOARD_OPENCODE_CONFIG`
 * when set (tests, isolated runs), else the path chosen in Settings, else
 * opencode's global config: `opencode.jsonc` in its folder when that exists,
 * otherwise `opencode.json`. The folder is `$XDG_CONFIG_HOME/opencode`, or
 * `~/.config/opencode` on every platform, as opencode itself looks there.
 */
export function resolveOpencodeConfigPath(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  exists: (path: string) => boolean,
  chosenInSettings?: string | null,
): string {
  const override = env[OPENCODE_CONFIG_ENV]?.trim();
  if (override) return expandHome(override, home);
  const chosen = chosenInSettings?.trim();
  if (chosen) return expandHome(chosen, home);
  const folder = join(env['XDG_CONFIG_HOME']?.trim() || join(home, '.config'), 'opencode');
  const jsonc = join(folder, 'opencode.jsonc');
  return exists(jsonc) ? jsonc : join(folder, 'opencode.json');
}
