import fc from 'fast-check';
import type { AgentHeader } from '../../../src/agents/agent-target.js';
import { headerEnvVariable } from '../../../src/opencode/api-key-env.js';

/** Header names as gateways use them, and awkward ones: a key JSON tooling treats specially, one YAML reads as a boolean. */
const headerName = fc.oneof(
  fc.constantFrom('X-Team', 'cf-access-client-id', 'CF-Access-Client-Secret', 'x-litellm-api-key', '__proto__', 'yes', 'X_Under'),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/),
);

/** A plain value may be anything a person types on one line, quotes, `#`, `{env:…}` lookalikes and all. */
const plainValue = fc.oneof(fc.string({ maxLength: 30 }).map((text) => text.replace(/[\r\n\u0085\u2028\u2029]/g, ' ')), fc.constantFrom('a: b #c', '"q"', "it's", '${{ x }}', '{env:HOME}', ''));

/** A platform's custom headers as agents-api builds them for LiteLLM: names unique as HTTP has them (case-insensitively). */
export const agentHeadersArbitrary: fc.Arbitrary<AgentHeader[]> = fc
  .uniqueArray(fc.tuple(headerName, fc.boolean(), plainValue), { maxLength: 4, selector: ([name]) => name.toLowerCase() })
  .map((headers) =>
    headers.map(([name, secret, value]): AgentHeader => (secret ? { name, secret: true, variable: headerEnvVariable('litellm', name) } : { name, secret: false, value })),
  );
