/** Median and percentiles of a sample, for benchmark figures. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs `work` a few times unmeasured, then `runs` times measured, and returns the durations in ms. */
export async function measure(work: () => Promise<unknown>, runs: number, warmups = 3): Promise<number[]> {
  for (let i = 0; i < warmups; i += 1) await work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return durations;
}
