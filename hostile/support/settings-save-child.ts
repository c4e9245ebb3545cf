// Run by settings.hostile.ts as `node --import tsx settings-save-child.ts <user-data dir> <first version>`:
// opens the settings store as the app does and saves a whole new version again and again, until it is killed.
import { openSettingsStore } from '../../packages/core/src/store/open-settings-store.js';
import { settingsVersion } from './settings-versions.js';

const [dir, first] = process.argv.slice(2);
if (dir === undefined || first === undefined) throw new Error('usage: settings-save-child.ts <user-data dir> <first version>');
const { store, notices } = openSettingsStore(dir);
// A start after a kill must find a readable file: anything else is said here, and the parent counts it as lost.
for (const notice of notices) process.stderr.write(`${notice.message}\n`);
process.stdout.write('ready\n');
for (let version = Number(first); ; version += 1) store.write(settingsVersion(version));
