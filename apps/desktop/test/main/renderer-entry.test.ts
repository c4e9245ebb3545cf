import { describe, expect, it } from 'vitest';
import { rendererEntryUrl, resolveRendererEntry } from '../../src/main/renderer-entry.js';

const BUILT = '/opt/switchboard/out/renderer/index.html';

describe('resolveRendererEntry', () => {
  it('uses the built index.html when no dev server is given', () => {
    expect(resolveRendererEntry({}, false, BUILT)).toEqual({ kind: 'file', path: BUILT });
  });

  it("uses electron-vite's dev server while developing", () => {
    expect(resolveRendererEntry({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false, BUILT)).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173/',
    });
  });

  it('ignores the variable in a packaged app', () => {
    expect(resolveRendererEntry({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, true, BUILT)).toEqual({ kind: 'file', path: BUILT });
  });

  it('ignores a value that is not a web URL', () => {
    expect(resolveRendererEntry({ ELECTRON_RENDERER_URL: 'file:///tmp/evil.html' }, false, BUILT)).toEqual({ kind: 'file', path: BUILT });
  });
});

describe('rendererEntryUrl', () => {
  it('is the file URL of the built page, percent-encoded like a frame URL', () => {
    expect(rendererEntryUrl({ kind: 'file', path: '/opt/My Apps/out/renderer/index.html' })).toBe(
      'file:///opt/My%20Apps/out/renderer/index.html',
    );
  });
});
