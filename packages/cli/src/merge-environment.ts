/**
 * Variables that go together: a key variable alone, or Qwen Code's base URL,
 * key and model, which only make sense as one (a key sent to a base URL
 * Switchboard did not choose would go to the wrong server).
 */
export interface VariableGroup {
  /** Every name the group owns, including any it has no value for. */
  names: readonly string[];
  values: Readonly<Record<string, string>>;
}

export interface MergedEnvironment {
  env: NodeJS.ProcessEnv;
  /** Names already set to something else, for which the group was left out (never their values). */
  kept: string[];
}

/**
 * The command's environment: the caller's, plus each group. A variable the
 * person set (to a non-empty value other than Switchboard's) wins and its
 * whole group is left out, unless `override`: an explicit setting is the more
 * specific wish, and `--override` says otherwise.
 */
export function mergeEnvironment(base: NodeJS.ProcessEnv, groups: readonly VariableGroup[], override: boolean): MergedEnvironment {
  const env: NodeJS.ProcessEnv = { ...base };
  const kept: string[] = [];
  for (const group of groups) {
    const clashing = group.names.filter((name) => {
      const set = base[name];
      return set !== undefined && set !== '' && set !== group.values[name];
    });
    if (clashing.length > 0 && !override) {
      kept.push(...clashing);
      continue;
    }
    for (const name of group.names) {
      const value = group.values[name];
      if (value !== undefined) env[name] = value;
      // Overriding a group clears what it has no value for, so nothing of the person's is mixed into Switchboard's.
      else if (override) delete env[name];
    }
  }
  return { env, kept };
}
