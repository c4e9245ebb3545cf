// Run by config-writer-faults.hostile.ts as `node --import tsx config-writer-child.ts <file> <first version>`:
// writes the config (with a backup) again and again, each time a different whole version, until it is killed.
import { writeConfigFile } from '../../packages/core/src/opencode/write-config-file.js';
import { configVersion } from './config-versions.js';

const [file, first] = process.argv.slice(2);
if (file === undefined || first === undefined) throw new Error('usage: config-writer-child.ts <file> <first version>');
process.stdout.write('ready\n');
for (let version = Number(first); ; version += 1) {
  const written = await writeConfigFile(file, configVersion(version), { backup: true, ownerOnly: version % 2 === 0 });
  if (!written.ok) {
    process.stderr.write(`${written.error.message}\n`);
    process.exit(1);
  }
}
