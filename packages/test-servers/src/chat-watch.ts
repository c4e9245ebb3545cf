import type { ServerResponse } from 'node:http';
import type { Lifecycle } from './http-server.js';
import type { ChatEnding, ChatEndingKind, ChatObservations } from './types.js';

/** One chat answer under way: whether its client is still there, and how it ends. */
export interface ChatWatch {
  /** True once the client hung up or the server closed: nothing more should be written. */
  readonly gone: boolean;
  /** Waits `ms` (Infinity: until the client leaves); resolves false when the client left meanwhile. `tick` runs every `everyMs` while waiting. */
  pause(ms: number, keepAlive?: { everyMs: number; tick: () => void }): Promise<boolean>;
  /** One more token chunk went out. */
  sent(): void;
  /** The server ends the answer itself; later hang-ups are not counted. */
  end(kind: Extract<ChatEndingKind, 'finished' | 'dropped'>): void;
}

/** The log of chat endings a server exposes, and the watches that fill it. */
export interface ChatLog extends ChatObservations {
  /** `lifecycle` tells a hang-up from close() tearing the socket down. */
  watch(res: ServerResponse, lifecycle: Lifecycle, model: string, stream: boolean): ChatWatch;
}

/** Gives a running server the log's live figures (Object.assign would copy them once, frozen at zero). */
export function withChatObservations<T extends object>(server: T, log: ChatLog): T & ChatObservations {
  return Object.defineProperties(server, {
    chatEndings: { get: () => log.chatEndings, enumerable: true },
    abortedStreams: { get: () => log.abortedStreams, enumerable: true },
  }) as T & ChatObservations;
}

export function createChatLog(): ChatLog {
  const endings: ChatEnding[] = [];
  return {
    chatEndings: endings,
    get abortedStreams() {
      return endings.filter((entry) => entry.ending === 'client-closed').length;
    },
    watch(res, lifecycle, model, stream) {
      let chunksSent = 0;
      let settled = false;
      const left = new AbortController();
      const settle = (ending: ChatEndingKind): void => {
        if (settled) return;
        settled = true;
        endings.push({ model, stream, ending, chunksSent });
      };
      // Recorded the moment the socket closes, so a test can assert a Stop without waiting on the server's timers.
      const onClose = (): void => {
        settle(lifecycle.closing ? 'server-closed' : 'client-closed');
        left.abort();
      };
      // The client may have left during the server's latency, before this watch began.
      if (res.destroyed || res.socket?.destroyed === true) onClose();
      else res.once('close', onClose);
      return {
        get gone() {
          return left.signal.aborted;
        },
        pause: (ms, keepAlive) => pauseUnlessGone(ms, left.signal, keepAlive),
        sent() {
          chunksSent += 1;
        },
        end: settle,
      };
    },
  };
}

function pauseUnlessGone(ms: number, gone: AbortSignal, keepAlive?: { everyMs: number; tick: () => void }): Promise<boolean> {
  if (gone.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const ticker = keepAlive && keepAlive.everyMs > 0 ? setInterval(keepAlive.tick, keepAlive.everyMs) : undefined;
    const timer = Number.isFinite(ms) ? setTimeout(() => finish(true), ms) : undefined;
    const onGone = (): void => finish(false);
    function finish(stillThere: boolean): void {
      clearTimeout(timer);
      clearInterval(ticker);
      gone.removeEventListener('abort', onGone);
      resolve(stillThere);
    }
    gone.addEventListener('abort', onGone, { once: true });
  });
}
