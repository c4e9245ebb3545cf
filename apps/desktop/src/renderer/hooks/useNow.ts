import { useEffect, useState } from 'react';

/**
 * The time from `clock`, read again every `intervalMs`, so "3 min ago" keeps up
 * while a panel stays open. A time slightly behind is harmless: ages are
 * clamped at zero ("just now").
 */
export function useNow(clock: () => number, intervalMs = 30_000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}
