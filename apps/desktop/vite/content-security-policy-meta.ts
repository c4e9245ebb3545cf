import type { Plugin } from 'vite';
// By path, not by package name: the build config is loaded by Node, which cannot run the TypeScript the
// package name resolves to; a relative import is bundled with the config instead.
import { metaContentSecurityPolicy } from '../../../packages/shared/src/content-security-policy.js';

/** Writes shared's policy into index.html's head, so the page's <meta> and the hosts' header are written once. */
export function contentSecurityPolicyMeta(): Plugin {
  let devServerUrl: string | undefined;
  return {
    name: 'switchboard:content-security-policy-meta',
    configureServer(server) {
      // The dev server's page runs Vite's HMR client: its policy allows that socket, as the header does.
      server.httpServer?.once('listening', () => (devServerUrl = server.resolvedUrls?.local[0]));
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy(devServerUrl) }, injectTo: 'head-prepend' },
    ],
  };
}
