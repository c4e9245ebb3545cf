import { expect, test } from 'vitest';
import { noDamage, type Damage, type HostileMeta } from './damage.js';

/** Handed to each case, to record damage as it sees it; assertions about the answer stay plain `expect`s. */
export interface Probe {
  crash(what: string): void;
  lost(what: string): void;
  /** Records a leak for each secret that appears in `text` (an answer, a page, a log line, a file). */
  noLeak(where: string, text: string, secrets: readonly string[]): void;
}

export interface HostileCase {
  name: string;
  run(probe: Probe): Promise<void> | void;
}

function probeFor(damage: Damage): Probe {
  return {
    crash: (what) => damage.crashes.push(what),
    lost: (what) => damage.lost.push(what),
    noLeak(where, text, secrets) {
      for (const secret of secrets) if (secret !== '' && text.includes(secret)) damage.leaks.push(`${where} shows a secret`);
    },
  };
}

/**
 * Registers one test per case. A case fails when its assertions fail or when
 * it records any damage; the damage is also kept in the test's meta, which
 * the hostile reporter counts.
 */
export function hostileCases(cases: readonly HostileCase[]): void {
  for (const hostile of cases) {
    test(hostile.name, async ({ task }) => {
      const damage = noDamage();
      try {
        await hostile.run(probeFor(damage));
      } finally {
        (task.meta as HostileMeta).hostile = { crashes: damage.crashes.length, leaks: damage.leaks.length, lost: damage.lost.length };
      }
      expect(damage, 'no crash, no leak, nothing lost').toEqual(noDamage());
    });
  }
}
