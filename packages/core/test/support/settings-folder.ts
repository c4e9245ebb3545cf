import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const settingsFile = (dir: string) => join(dir, 'settings.json');

/** The copies a start kept beside settings.json, by full path. */
export async function keptCopies(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('settings.json.invalid-')).map((name) => join(dir, name));
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}
