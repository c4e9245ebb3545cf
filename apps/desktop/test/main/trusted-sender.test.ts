import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src/main/trusted-sender.js';
import { eventFrom, FakeFrame, FakeWebContents } from './fake-electron.js';

const FILE_APP = 'file:///opt/switchboard/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

function windowShowing(url: string) {
  const webContents = new FakeWebContents(url);
  return { webContents, window: { webContents } };
}

describe('isTrustedSender with the built renderer', () => {
  it('trusts the main frame of the app window on the app page, with or without a #route or query', () => {
    for (const url of [FILE_APP, `${FILE_APP}#/settings`, `${FILE_APP}?tab=models`]) {
      const { webContents, window } = windowShowing(url);
      expect(isTrustedSender(eventFrom(webContents), window, FILE_APP)).toBe(true);
    }
  });

  it('refuses another webContents even on the same page', () => {
    const { window } = windowShowing(FILE_APP);
    expect(isTrustedSender(eventFrom(new FakeWebContents(FILE_APP)), window, FILE_APP)).toBe(false);
  });

  it('refuses a subframe of the app window even with the app URL', () => {
    const { webContents, window } = windowShowing(FILE_APP);
    expect(isTrustedSender(eventFrom(webContents, new FakeFrame(FILE_APP)), window, FILE_APP)).toBe(false);
  });

  it('refuses a frame that no longer exists', () => {
    const { webContents, window } = windowShowing(FILE_APP);
    expect(isTrustedSender(eventFrom(webContents, null), window, FILE_APP)).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///tmp/evil.html', 'file:///opt/switchboard/out/renderer/other.html', 'about:blank', 'not a url'])(
    'refuses the app window showing %s',
    (url) => {
      const { webContents, window } = windowShowing(url);
      expect(isTrustedSender(eventFrom(webContents), window, FILE_APP)).toBe(false);
    },
  );

  it('refuses rather than throws when the window is already destroyed', () => {
    const { webContents } = windowShowing(FILE_APP);
    const destroyed = {
      get webContents(): never {
        throw new TypeError('Object has been destroyed');
      },
    };
    expect(isTrustedSender(eventFrom(webContents), destroyed, FILE_APP)).toBe(false);
  });
});

describe('isTrustedSender with the dev server', () => {
  it('trusts any page on the dev server origin', () => {
    const { webContents, window } = windowShowing('http://localhost:5173/src/index.html');
    expect(isTrustedSender(eventFrom(webContents), window, DEV_APP)).toBe(true);
  });

  it.each(['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'https://evil.example/'])(
    'refuses another origin: %s',
    (url) => {
      const { webContents, window } = windowShowing(url);
      expect(isTrustedSender(eventFrom(webContents), window, DEV_APP)).toBe(false);
    },
  );
});
