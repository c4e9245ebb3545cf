import { describe, expect, it } from 'vitest';
import { withDeadline } from '../../src/files/with-deadline.js';

describe('a file operation with a deadline', () => {
  it('answers with the sentence when the work hangs, within the bound, and cleans up what the work opens later', async () => {
    let finishLate: () => void = () => undefined;
    const closed: string[] = [];
    const started = Date.now();
    const answer = withDeadline(
      50,
      () => new Error('Reading x took longer than 0.05 s'),
      async (onLate) => {
        // Stands for a read stuck on a hung mount: it opens its handle only after the deadline has passed.
        await new Promise<void>((done) => (finishLate = done));
        onLate(async () => void closed.push('handle'));
        return 'text';
      },
    );
    await expect(answer).rejects.toThrow('took longer than 0.05 s');
    expect(Date.now() - started).toBeLessThan(1_000);
    finishLate();
    await new Promise((done) => setTimeout(done, 10));
    expect(closed).toEqual(['handle']);
  });

  it('answers with the work when it is in time, and cleans nothing up', async () => {
    const closed: string[] = [];
    const answer = await withDeadline(1_000, () => new Error('late'), async (onLate) => {
      onLate(async () => void closed.push('handle'));
      return 'text';
    });
    expect(answer).toBe('text');
    expect(closed).toEqual([]);
  });
});
