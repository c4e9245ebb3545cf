/** Asks for `callback` before the next paint; answers a handle for {@link FrameScheduler.cancel}. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** Spaces hand-overs out: at least `gapMs` between two, on `clock` (performance.now() in the page). */
export interface FramePace {
  gapMs: number;
  clock: () => number;
}

const everyFrame: FramePace = { gapMs: 0, clock: () => 0 };

export interface FrameBatch<T> {
  /** Queues an item; the first of a frame asks for that frame. */
  push(item: T): void;
  /** Hands over at the next frame, however soon after the last hand-over (the pace waits for none). */
  hurry(): void;
  /** Hands over what is queued now, without waiting for the frame (a final event must not wait a frame). */
  flush(): void;
  /** Drops what is queued and the frame asked for. */
  dispose(): void;
}

/**
 * Collects items (a stream's events) and hands them over once per animation
 * frame: a model streaming 100 tokens a second re-renders the answer at most
 * once per frame, not once per token. With a `pace`, a frame that comes
 * sooner than `gapMs` after the last hand-over passes, and the next one hands
 * over; the first item after a pause still goes at the next frame.
 */
export function frameBatch<T>(deliver: (items: T[]) => void, frames: FrameScheduler = animationFrames, pace: FramePace = everyFrame): FrameBatch<T> {
  let queued: T[] = [];
  let handle: number | null = null;
  let handedAt = Number.NEGATIVE_INFINITY;
  let hurried = false;
  const flush = () => {
    if (handle !== null) frames.cancel(handle);
    handle = null;
    if (queued.length === 0) return;
    const items = queued;
    queued = [];
    hurried = false;
    handedAt = pace.clock();
    deliver(items);
  };
  const onFrame = () => {
    handle = null;
    if (!hurried && pace.clock() - handedAt < pace.gapMs) handle = frames.request(onFrame);
    else flush();
  };
  return {
    push(item) {
      queued.push(item);
      handle ??= frames.request(onFrame);
    },
    hurry() {
      hurried = true;
    },
    flush,
    dispose() {
      if (handle !== null) frames.cancel(handle);
      handle = null;
      queued = [];
    },
  };
}
