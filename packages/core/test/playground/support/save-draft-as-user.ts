// Run as another user by the tests (`node --import tsx save-draft-as-user.ts <user-data dir> <draft JSON>`): saves the draft, prints the answer as JSON.
import { parseInput } from '@switchboard/shared';
import { createApi } from '../../../src/api/create-api.js';
import { memorySecretStore } from '../../support/memory-secret-store.js';

const [dir, draft] = process.argv.slice(2);
if (dir === undefined || draft === undefined) throw new Error('usage: save-draft-as-user.ts <user-data dir> <draft JSON>');
const api = createApi({ userDataDir: dir, secrets: memorySecretStore() });
const input = parseInput('playground:save-draft', { instanceId: 'litellm', modelId: 'gpt-4o', draft: JSON.parse(draft) as unknown });
process.stdout.write(JSON.stringify(await api['playground:save-draft'](input)));
