// Run as another user by the tests (`node --import tsx write-as-user.ts <file> <text>`): writes the config, prints the answer as JSON.
import { writeConfigFile } from '../../../src/opencode/write-config-file.js';

const [file, text] = process.argv.slice(2);
if (file === undefined || text === undefined) throw new Error('usage: write-as-user.ts <file> <text>');
process.stdout.write(JSON.stringify(await writeConfigFile(file, text, {})));
