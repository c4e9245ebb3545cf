import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';

/** Windows finds `kilo.cmd` for `kilo`; elsewhere the name is the file. */
function namesOf(command: string, env: NodeJS.ProcessEnv): string[] {
  if (process.platform !== 'win32') return [command];
  const extensions = (env['PATHEXT'] ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((extension) => extension !== '');
  return [command, ...extensions.map((extension) => `${command}${extension.toLowerCase()}`)];
}

/**
 * Where the agent's command is, searching `env.PATH` as a shell would (the
 * first executable regular file wins), or null. The agent is never run:
 * whether it is installed is a question about files only. Relative PATH
 * entries are skipped, since they would depend on Switchboard's own folder.
 */
export async function findOnPath(command: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const folders = (env['PATH'] ?? '').split(delimiter).filter((folder) => folder !== '' && isAbsolute(folder));
  for (const folder of folders) {
    for (const name of namesOf(command, env)) {
      const candidate = join(folder, name);
      try {
        if (!(await stat(candidate)).isFile()) continue;
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not here, or not executable by us: the next folder.
      }
    }
  }
  return null;
}
