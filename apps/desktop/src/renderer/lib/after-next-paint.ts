/**
 * Runs `callback` once the next frame has been painted: a requestAnimationFrame
 * callback runs just before the paint, a task queued from it runs after. For
 * work that must not hold up what is about to be shown. Returns a cancel.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
