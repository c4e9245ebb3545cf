/**
 * The whole texts the kill -9 child writes: each names its version and is
 * long enough (about 256 KiB) that a kill often lands mid-write. A torn file
 * matches none of them.
 */
export function configVersion(version: number): string {
  const filler = `${version.toString(36)}-`.repeat(Math.ceil(262_144 / (version.toString(36).length + 1)));
  return `{\n  "$schema": "https://opencode.ai/config.json",\n  "version": ${version},\n  "filler": "${filler}"\n}\n`;
}

/** The version a text is, when it is exactly one of them; null for anything else (torn, empty, foreign). */
export function versionOf(text: string): number | null {
  const match = /^\{\n {2}"\$schema": "https:\/\/opencode\.ai\/config\.json",\n {2}"version": (\d+),/.exec(text);
  if (!match) return null;
  const version = Number(match[1]);
  return configVersion(version) === text ? version : null;
}
