import { startLiteLLMServer } from '@switchboard/test-servers';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
const server = await startLiteLLMServer();
const c = JSON.parse(readFileSync('/tmp/oc-exp/good.json', 'utf8'));
c.provider.litellm.options.baseURL = `${server.url}/v1`;
writeFileSync('/tmp/oc-exp/opencode.json', JSON.stringify(c, null, 2));
try {
  const out = execFileSync('/work/main/packages/cli/node_modules/.bin/opencode', ['run', '-m', 'litellm/fake-up', 'hi'], { cwd: '/tmp/oc-exp/proj', env: { ...process.env, LITELLM_API_KEY: 'sk-master-1234' }, stdio: ['ignore', 'pipe', 'inherit'] });
  console.log('OUT', JSON.stringify(out.toString()));
} catch (e) { console.log('ERR', e); }
for (const r of server.requests) console.log(r.method, r.path, r.headers['authorization'], r.headers['user-agent'], r.body.slice(0, 300));
await server.close();
