/**
 * Calls main is answering now. A real main answers after a real round trip,
 * not on the next tick, so the DOM helpers wait for these to settle before
 * the test looks at the page. A call held by the test is not counted.
 */
let count = 0;
let started = 0;
let drained: Array<() => void> = [];

export function track<T>(answer: Promise<T>): Promise<T> {
  count += 1;
  started += 1;
  const done = () => {
    count -= 1;
    if (count === 0) {
      const waiting = drained;
      drained = [];
      for (const resolve of waiting) resolve();
    }
  };
  answer.then(done, done);
  return answer;
}

/** Resolves once no call is in flight (at once when none is). */
export function whenIdle(): Promise<void> {
  return count === 0 ? Promise.resolve() : new Promise((resolve) => drained.push(resolve));
}

export function inFlight(): number {
  return count;
}

/** How many calls have been sent so far: a change means the page is still at work. */
export function callsStarted(): number {
  return started;
}
