/** Asks for `callback` before the next paint; answers a handle for {@link FrameScheduler.cancel}. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface FrameBatch<T> {
  /** Queues an item; the first of a frame asks for that frame. */
  push(item: T): void;
  /** Hands over what is queued now, without waiting for the frame (a final event must not wait a frame). */
  flush(): void;
  /** Drops what is queued and the frame asked for. */
  dispose(): void;
}

/**
 * Collects items (a stream's events) and hands them over once per animation
 * frame: a model streaming 100 tokens a second re-renders the answer at most
 * once per frame, not once per token.
 */
export function frameBatch<T>(deliver: (items: T[]) => void, frames: FrameScheduler = animationFrames): FrameBatch<T> {
  let queued: T[] = [];
  let handle: number | null = null;
  const flush = () => {
    if (handle !== null) frames.cancel(handle);
    handle = null;
    if (queued.length === 0) return;
    const items = queued;
    queued = [];
    deliver(items);
  };
  return {
    push(item) {
      queued.push(item);
      handle ??= frames.request(() => {
        handle = null;
        flush();
      });
    },
    flush,
    dispose() {
      if (handle !== null) frames.cancel(handle);
      handle = null;
      queued = [];
    },
  };
}
