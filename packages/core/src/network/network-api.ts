import { fail, type SwitchboardApi } from '@switchboard/shared';
import type { ApiServices } from '../api/services.js';

type NetworkChannels = Pick<SwitchboardApi, 'network:get-proxy' | 'network:set-proxy' | 'network:get-platform' | 'network:set-platform' | 'network:read-ca-file'>;

const NOT_YET = 'Network settings are not available in this build yet.';

/** The network settings' channels (issue #14). Placeholder while the network part is built. */
export function createNetworkApi(services: ApiServices): NetworkChannels {
  const environment = () => ({ httpsProxy: null, httpProxy: null, noProxy: null });
  const proxyView = () => {
    const { mode, url, username } = services.settings.read().network.proxy;
    return { mode, url, username, hasPassword: false, environment: environment() };
  };
  return {
    'network:get-proxy': async () => proxyView(),
    'network:set-proxy': async () => fail('invalid-input', NOT_YET),
    'network:get-platform': async ({ instanceId }) => ({ instanceId, caFile: null, caCertificates: null, caProblem: null, headers: [] }),
    'network:set-platform': async () => fail('invalid-input', NOT_YET),
    'network:read-ca-file': async () => fail('invalid-input', NOT_YET),
  };
}
