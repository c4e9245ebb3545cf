import { z } from 'zod';
import { AGENT_APIS } from './contract-agents.js';
import { ProxyErrorSchema, resultSchema } from './errors.js';
import { EndpointIdSchema, InstanceIdSchema } from './instance-id-schema.js';
import { KeyInputSchema } from './key-input.js';
import { ConnectionTestSchema } from './connection-test.js';

/**
 * Corporate networks (issue #14): the outgoing proxy, a platform's own CA
 * file and custom headers, and Test Connection run step by step. Secrets
 * among them (the proxy's password, a header marked secret) go to the
 * keychain like keys and never come back to the page: the views below say
 * only whether one is stored.
 */

/** `environment`: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case), the default; `none`: straight out; `url`: the one typed here. */
export const PROXY_MODES = ['environment', 'none', 'url'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

/** The limits of what a person may type, checked at the channel and again where it is used. */
export const NETWORK_LIMITS = {
  maxUrlChars: 2048,
  maxUsernameChars: 256,
  maxHeaders: 20,
  maxHeaderNameChars: 100,
  maxHeaderValueChars: 4096,
  maxCaFilePathChars: 4096,
  /** A PEM bundle this large holds thousands of certificates; more is not a CA file. */
  maxCaFileBytes: 1024 * 1024,
} as const;

/** What the proxy settings are, as the page may see them: no password, only whether one is kept. */
const ProxySettingsViewSchema = z.object({
  mode: z.enum(PROXY_MODES),
  /** The URL typed for `url` mode, without credentials; kept when another mode is chosen. */
  url: z.string().nullable(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  /** What the environment says, credentials masked, so the `environment` choice can show what it means. */
  environment: z.object({
    httpsProxy: z.string().nullable(),
    httpProxy: z.string().nullable(),
    noProxy: z.string().nullable(),
  }),
});
export type ProxySettingsView = z.infer<typeof ProxySettingsViewSchema>;

/** `password` follows the key's grammar: keep the stored one, none, or the one just typed. */
const SetProxyInputSchema = z.object({
  mode: z.enum(PROXY_MODES),
  url: z.string().max(NETWORK_LIMITS.maxUrlChars).nullable(),
  username: z.string().max(NETWORK_LIMITS.maxUsernameChars).nullable(),
  password: KeyInputSchema,
});
export type SetProxyInput = z.infer<typeof SetProxyInputSchema>;

/** A header as the page sees it: a secret one's value never comes back (`value` null, `hasValue` says one is kept). */
const HeaderViewSchema = z.object({
  name: z.string(),
  secret: z.boolean(),
  value: z.string().nullable(),
  hasValue: z.boolean(),
});
export type HeaderView = z.infer<typeof HeaderViewSchema>;

/**
 * A header as the page sends it. A plain header's value is sent as typed
 * (`value`); a secret one's follows the key's grammar (`secretValue`: keep,
 * none, or new). Core checks names and values (a token name, no line breaks,
 * not a header Switchboard sets itself) and answers `invalid-input` with a sentence.
 */
const HeaderInputSchema = z.discriminatedUnion('secret', [
  z.object({
    name: z.string().max(NETWORK_LIMITS.maxHeaderNameChars),
    secret: z.literal(false),
    value: z.string().max(NETWORK_LIMITS.maxHeaderValueChars),
  }),
  z.object({ name: z.string().max(NETWORK_LIMITS.maxHeaderNameChars), secret: z.literal(true), secretValue: KeyInputSchema }),
]);
export type HeaderInput = z.infer<typeof HeaderInputSchema>;

/** What one certificate is, in the words a person can compare with what their IT department gave them; dates in ISO 8601. */
const CertificateSummarySchema = z.object({
  subject: z.string().max(1024),
  issuer: z.string().max(1024),
  validFrom: z.string().max(100),
  validTo: z.string().max(100),
  selfSigned: z.boolean(),
  /** SHA-256, as colon-separated hex. */
  fingerprint: z.string().max(200),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;

/** A platform instance's own network settings: a CA file added to the system's trusted set for its requests only, and headers. */
const PlatformNetworkViewSchema = z.object({
  instanceId: InstanceIdSchema,
  caFile: z.string().nullable(),
  /** What the CA file holds now, or null when there is none or it cannot be read (then `caProblem` says why). */
  caCertificates: z.array(CertificateSummarySchema).nullable(),
  caProblem: z.string().nullable(),
  headers: z.array(HeaderViewSchema),
});
export type PlatformNetworkView = z.infer<typeof PlatformNetworkViewSchema>;

/** Request/answer channels of the network settings (merged into `contract`). */
export const networkChannels = {
  'network:get-proxy': { input: z.undefined(), output: ProxySettingsViewSchema },
  'network:set-proxy': { input: SetProxyInputSchema, output: resultSchema(ProxySettingsViewSchema) },
  'network:get-platform': { input: z.object({ instanceId: InstanceIdSchema }), output: PlatformNetworkViewSchema },
  'network:set-platform': {
    input: z.object({
      instanceId: InstanceIdSchema,
      caFile: z.string().max(NETWORK_LIMITS.maxCaFilePathChars).nullable(),
      headers: z.array(HeaderInputSchema).max(NETWORK_LIMITS.maxHeaders),
    }),
    output: resultSchema(PlatformNetworkViewSchema),
  },
  /** What a CA file holds, before it is saved: its certificates, or a sentence (not a regular file, not PEM, too large). */
  'network:read-ca-file': {
    input: z.object({ path: z.string().min(1).max(NETWORK_LIMITS.maxCaFilePathChars) }),
    output: resultSchema(z.array(CertificateSummarySchema)),
  },
} as const;

/**
 * Test Connection's steps, in the order they run. A failure stops at its
 * step; the steps after it are `skip`. Steps that do not apply (no name to
 * resolve for an IP address, no TLS for http://, no `/health/liveliness`
 * outside LiteLLM) are `skip` with a detail saying why.
 *
 * - `url`: understood (normalised, and what was changed)
 * - `dns`: name resolved (addresses), or the proxy's name when one is used
 * - `tcp`: connected (through which proxy, if any; a refused CONNECT fails here)
 * - `tls`: protocol, certificate subject and expiry
 * - `alive`: LiteLLM's `/health/liveliness`, no key
 * - `models`: the key is accepted and models listed (`/v1/models`)
 * - `metadata`: `/model_group/info` (or the platform's equivalent)
 * - `apis`: which agent APIs besides chat completions answer (`/v1/responses`, `/v1/messages`), with no tokens spent
 */
export const DIAGNOSIS_STEPS = ['url', 'dns', 'tcp', 'tls', 'alive', 'models', 'metadata', 'apis'] as const;
export type DiagnosisStep = (typeof DIAGNOSIS_STEPS)[number];

const DIAGNOSIS_STATES = ['running', 'ok', 'fail', 'skip'] as const;

const Sentence = z.string().max(4000);

const DiagnosisStepEventSchema = z.object({
  type: z.literal('step'),
  step: z.enum(DIAGNOSIS_STEPS),
  state: z.enum(DIAGNOSIS_STATES),
  /** How long the step took; null while running or when skipped. */
  ms: z.number().nonnegative().nullable(),
  /** What was found ("127.0.0.1, ::1", "TLSv1.3, CN=proxy.corp, expires 2027-03-01") or why it was skipped. */
  detail: Sentence,
  /** For a failure: what to do about it. */
  fix: Sentence.nullable(),
  /** For a TLS failure: the certificate that was offered, so the sentence can name it and offer "Trust a CA file…". */
  certificate: CertificateSummarySchema.optional(),
});
export type DiagnosisStepEvent = z.infer<typeof DiagnosisStepEventSchema>;

/** What a successful Test Connection found: the same as `*:test-connection`'s answer, plus the agent APIs that answered. */
const DiagnosisResultSchema = ConnectionTestSchema.extend({ apis: z.array(z.enum(AGENT_APIS)) });
export type DiagnosisResult = z.infer<typeof DiagnosisResultSchema>;

/** A plain-text account of the steps and a `curl` that reproduces the failing (or last) request, key redacted: for Copy report. */
const Report = z.string().max(100_000);

/** The events of `connection:diagnose`: `step` events as each starts and ends, then `done` or `error` (which carries the report too). */
export const DiagnosisEventSchema = z.discriminatedUnion('type', [
  DiagnosisStepEventSchema,
  z.object({ type: z.literal('done'), result: DiagnosisResultSchema, report: Report, totalMs: z.number().nonnegative() }),
  z.object({ type: z.literal('error'), error: ProxyErrorSchema, report: Report, totalMs: z.number().nonnegative() }),
]);
export type DiagnosisEvent = z.infer<typeof DiagnosisEventSchema>;

/**
 * Test Connection as a stream: the platform (and, for a saved custom
 * endpoint, its id, whose network settings apply), and what the form holds.
 * No tokens are spent.
 */
export const DiagnoseInputSchema = z.object({
  platform: z.enum(['litellm', 'openrouter', 'custom']),
  endpointId: EndpointIdSchema.optional(),
  url: z.string().max(NETWORK_LIMITS.maxUrlChars).optional(),
  key: KeyInputSchema,
});
export type DiagnoseInput = z.infer<typeof DiagnoseInputSchema>;
