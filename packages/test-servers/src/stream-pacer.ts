import type { ServerResponse } from 'node:http';
import type { ChatWatch } from './chat-watch.js';
import type { StreamKnobs } from './types.js';

/** Where the paced chunks stopped: all sent, a planned drop or upstream error, or the client left. */
export type PaceOutcome = 'all' | 'drop' | 'error' | 'gone';

export interface KeepAlive {
  everyMs: number;
  tick: () => void;
}

/**
 * Walks the timeline the knobs describe for `count` token chunks, calling `write` for each. A knob
 * set past the last chunk takes effect after it, before the finish, so `dropAfterChunks: 99` on a
 * three-token reply still ends without [DONE].
 */
export async function paceChunks(
  count: number,
  knobs: StreamKnobs,
  watch: ChatWatch,
  write: (index: number) => Promise<boolean>,
  keepAlive?: KeepAlive,
): Promise<PaceOutcome> {
  for (let index = 0; index <= count; index += 1) {
    const reached = (after: number | undefined): boolean => after !== undefined && index === Math.min(after, count);
    if (reached(knobs.dropAfterChunks)) return 'drop';
    if (reached(knobs.errorAfterChunks)) return 'error';
    if (reached(knobs.stallAfterChunks) && !(await watch.pause(knobs.stallMs ?? Infinity, keepAlive))) return 'gone';
    if (index === count) break;
    if (index > 0 && !(await watch.pause(knobs.tokenDelayMs ?? 0, keepAlive))) return 'gone';
    if (!(await write(index))) return 'gone';
    watch.sent();
  }
  return watch.gone ? 'gone' : 'all';
}

/**
 * Cuts the connection the way a crashed proxy or a broken network does: what was written still
 * arrives, then the socket closes with the chunked body unfinished.
 */
export function dropConnection(res: ServerResponse, watch: ChatWatch): void {
  watch.end('dropped');
  const socket = res.socket;
  if (!socket) return void res.destroy();
  socket.once('finish', () => socket.destroy());
  socket.end();
}
