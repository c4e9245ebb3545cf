import { createHash } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import type { ProxyPlan } from './proxy-plan.js';

/** What a dispatcher is made from: the proxy, and the CAs trusted besides the system's (null: the default trust). */
interface DispatcherSpec {
  plan: ProxyPlan;
  extraCa: readonly string[] | null;
}

function build({ plan, extraCa }: DispatcherSpec): Dispatcher {
  // Given only with a CA file: otherwise undici's default trust, which is Node's bundled roots plus NODE_EXTRA_CA_CERTS.
  const ca = extraCa === null ? undefined : [...rootCertificates, ...extraCa];
  const tls = ca === undefined ? {} : { connect: { ca }, requestTls: { ca } };
  if (plan.kind === 'none') return new Agent(ca === undefined ? {} : { connect: { ca } });
  if (plan.kind === 'url') return new ProxyAgent({ uri: plan.uri, ...(plan.token === null ? {} : { token: plan.token }), ...(ca === undefined ? {} : { requestTls: { ca } }) });
  // Empty strings, never undefined: undici would fall back to process.env, and the environment is the one given.
  return new EnvHttpProxyAgent({ httpsProxy: plan.httpsProxy ?? '', httpProxy: plan.httpProxy ?? '', noProxy: plan.noProxy ?? '', ...tls });
}

/** Holds each dispatcher while some route uses it; the one a route no longer uses is closed once its requests finish. */
export interface DispatcherPool {
  /** The dispatcher for `slot` (a route's use of it), built or shared. */
  take(slot: string, spec: DispatcherSpec): Dispatcher;
  close(): Promise<void>;
}

export function createDispatcherPool(): DispatcherPool {
  const built = new Map<string, { dispatcher: Dispatcher; slots: Set<string> }>();
  const slotKeys = new Map<string, string>();
  return {
    take(slot, spec) {
      // Hashed: the key holds a proxy password, which has no business lying around in a map key.
      const key = createHash('sha256').update(JSON.stringify(spec)).digest('hex');
      const previous = slotKeys.get(slot);
      if (previous !== undefined && previous !== key) {
        const old = built.get(previous);
        old?.slots.delete(slot);
        if (old !== undefined && old.slots.size === 0) {
          built.delete(previous);
          void old.dispatcher.close().catch(() => undefined);
        }
      }
      slotKeys.set(slot, key);
      let entry = built.get(key);
      if (entry === undefined) {
        entry = { dispatcher: build(spec), slots: new Set() };
        built.set(key, entry);
      }
      entry.slots.add(slot);
      return entry.dispatcher;
    },
    async close() {
      const all = [...built.values()];
      built.clear();
      slotKeys.clear();
      await Promise.all(all.map(({ dispatcher }) => dispatcher.close().catch(() => undefined)));
    },
  };
}
