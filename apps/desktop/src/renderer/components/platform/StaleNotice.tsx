import { useNow } from '../../hooks/useNow';
import type { CatalogState } from '../../lib/catalog-state';
import { formatAbsoluteTime, formatRelativeTime } from '../../lib/format';

interface StaleNoticeProps {
  testIdPrefix: string;
  catalog: CatalogState;
  clock(): number;
}

/**
 * Says that the list shown is the last one known, not the proxy's current one,
 * and why: the sentence of the failed fetch. Nothing is removed meanwhile.
 */
export function StaleNotice({ testIdPrefix, catalog, clock }: StaleNoticeProps) {
  const now = useNow(clock);
  const { error, fetchedAt } = catalog;
  return (
    <div className="stale-notice" role="status" data-testid={`${testIdPrefix}-stale-notice`} data-kind={error?.kind}>
      <p>
        <strong>Out of date</strong> — showing{' '}
        {fetchedAt === null ? (
          'the last list fetched'
        ) : (
          <>
            the list fetched <span title={formatAbsoluteTime(fetchedAt)}>{formatRelativeTime(fetchedAt, now)}</span>
          </>
        )}
        . It can still be used.
      </p>
      <p className="stale-reason">{error ? error.message : 'The proxy may offer other models by now. Refresh to check.'}</p>
    </div>
  );
}
