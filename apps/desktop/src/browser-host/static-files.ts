import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads a file of the built renderer, refusing any path that escapes its
 * folder. `path` is already decoded (once: decoding again would let `%252e`
 * become `.`).
 */
export async function readStaticFile(rootDir: string, path: string): Promise<StaticFile | null> {
  const relative = path === '/' ? '/index.html' : path;
  const full = normalize(join(rootDir, relative));
  if (!full.startsWith(rootDir.endsWith(sep) ? rootDir : rootDir + sep)) return null;
  try {
    return { body: await readFile(full), contentType: TYPES[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** The bridge must run before the app bundle, so it goes first in <head>. */
export function injectBridge(html: string): string {
  return html.replace('<head>', '<head>\n    <script src="/switchboard-bridge.js"></script>');
}
