import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSecurityPolicy } from '@switchboard/shared';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaContentSecurityPolicy } from '../../../../packages/shared/src/content-security-policy.js';
import config from '../../electron.vite.config.js';

/** Every Content-Security-Policy <meta> of a page, its content decoded as a browser reads the attribute. */
function metaPolicies(html: string): string[] {
  const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((match) => decode(match[1] ?? ''));
}

describe("the renderer's built index.html", () => {
  let outDir = '';
  let html = '';

  beforeAll(async () => {
    // The renderer as the app's own build config builds it (same root, plugins and options), into a folder of its own.
    outDir = await mkdtemp(join(tmpdir(), 'switchboard-renderer-'));
    const renderer = (config as { renderer: InlineConfig }).renderer;
    await build({ ...renderer, configFile: false, logLevel: 'silent', build: { ...renderer.build, outDir, emptyOutDir: true } });
    html = await readFile(join(outDir, 'index.html'), 'utf8');
  }, 60_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it("carries exactly shared's policy, once, before any script", () => {
    expect(metaPolicies(html)).toEqual([metaContentSecurityPolicy()]);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('is the policy the hosts send as a header, less what only a header can carry', () => {
    const header = contentSecurityPolicy().split('; ');
    expect(metaContentSecurityPolicy().split('; ')).toEqual(header.filter((directive) => !directive.startsWith('frame-ancestors ')));
    expect(metaContentSecurityPolicy()).toContain("script-src 'self';");
  });
});
