import { useNow } from '../../hooks/useNow';
import { formatAbsoluteTime, formatRelativeTime } from '../../lib/format';

interface LastFetchedProps {
  testIdPrefix: string;
  fetchedAt: number;
  clock(): number;
}

/** "Last fetched 3 min ago", with the exact time in its tooltip. */
export function LastFetched({ testIdPrefix, fetchedAt, clock }: LastFetchedProps) {
  const now = useNow(clock);
  const exact = formatAbsoluteTime(fetchedAt);
  return (
    <span className="last-fetched" data-testid={`${testIdPrefix}-last-fetched`} data-fetched-at={fetchedAt} title={`Fetched ${exact}`}>
      Last fetched <time dateTime={new Date(fetchedAt).toISOString()}>{formatRelativeTime(fetchedAt, now)}</time>
    </span>
  );
}
