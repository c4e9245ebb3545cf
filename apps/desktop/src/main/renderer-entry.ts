import { pathToFileURL } from 'node:url';
import { isWebUrl } from './app-url.js';

/** Where the window's page comes from: electron-vite's dev server while developing, the built file otherwise. */
export type RendererEntry = { kind: 'dev-server'; url: string } | { kind: 'file'; path: string };

export function resolveRendererEntry(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
  builtIndexPath: string,
): RendererEntry {
  const devServerUrl = env.ELECTRON_RENDERER_URL;
  // A packaged app never takes its page from the environment: whoever sets a
  // variable could otherwise swap in a page that talks to the keychain.
  if (!isPackaged && devServerUrl !== undefined && isWebUrl(devServerUrl)) return { kind: 'dev-server', url: devServerUrl };
  return { kind: 'file', path: builtIndexPath };
}

/** The URL the app's own frame has, against which senders and navigations are checked. */
export function rendererEntryUrl(entry: RendererEntry): string {
  return entry.kind === 'dev-server' ? entry.url : pathToFileURL(entry.path).href;
}
