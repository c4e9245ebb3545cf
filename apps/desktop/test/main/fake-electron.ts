import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { MessagePort as NodeMessagePort } from 'node:worker_threads';

/** Small stand-ins for the Electron objects main touches; they record, they never decide. */

export class FakeFrame {
  constructor(public url: string) {}
}

type OpenHandler = (details: { url: string }) => { action: string };
type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

class FakeSession {
  permissionRequestHandler: PermissionHandler | null = null;
  headersListener: HeadersListener | null = null;
  setPermissionRequestHandler(handler: PermissionHandler): void {
    this.permissionRequestHandler = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame;
  session = new FakeSession();
  windowOpenHandler: OpenHandler | null = null;
  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation-like event and reports whether a listener prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedFile: string | null = null;
  loadedUrl: string | null = null;
  shown = false;
  focused = false;
  minimized = false;
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.mainFrame.url = pathToFileURL(path).href;
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return false;
  }
}

// `never` lets Electron's handler type (event: IpcMainInvokeEvent) be stored here without a cast.
export type InvokeHandler = (event: never, input?: unknown) => Promise<unknown>;

// As for InvokeHandler: `never` lets a listener typed with Electron's IpcMainEvent be stored.
export type MessageListener = (event: never, message?: unknown) => void;

export class FakeIpcMain {
  handlers = new Map<string, InvokeHandler>();
  handleCalls: string[] = [];
  listeners = new Map<string, MessageListener>();
  on(channel: string, listener: MessageListener): this {
    this.listeners.set(channel, listener);
    return this;
  }
  /** Delivers a message as ipcRenderer.postMessage would, with `event` as its IpcMainEvent. */
  emit(channel: string, event: unknown, message?: unknown): void {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no listener for ${channel}`);
    listener(event as never, message);
  }
  handle(channel: string, handler: InvokeHandler): void {
    this.handleCalls.push(channel);
    this.handlers.set(channel, handler);
  }
  /** Calls a registered handler the way Electron would for `event`. */
  invoke(channel: string, event: unknown, input?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event as never, input);
  }
}

/** The event Electron passes for a message from `contents`' frame `frame` (its main frame by default). */
export function eventFrom(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame };
}

/**
 * A real port (node:worker_threads) in the shape of Electron's
 * MessagePortMain: messages come as `{ data }`, and 'close' fires when
 * either end closes, as Electron's does when the page's end goes away.
 */
export function electronPort(port: NodeMessagePort) {
  const shaped = {
    postMessage: (message: unknown) => port.postMessage(message),
    on(event: 'message' | 'close', listener: ((message: { data: unknown }) => void) | (() => void)) {
      if (event === 'message') port.on('message', (data: unknown) => (listener as (message: { data: unknown }) => void)({ data }));
      else port.on('close', listener as () => void);
      return shaped;
    },
    start: () => port.start(),
    close: () => port.close(),
  };
  return shaped;
}
