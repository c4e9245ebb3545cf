import type { StatusLine } from '../../lib/status-line';

interface StatusLineViewProps {
  status: StatusLine | null;
  testId: string;
}

/**
 * A polite live region that is always in the page, so screen readers hear each
 * change. Progress has no spinner here: the busy button next to it shows one.
 */
export function StatusLineView({ status, testId }: StatusLineViewProps) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid={testId}
      data-tone={status?.tone ?? 'idle'}
      data-kind={status?.kind}
      className={`status-line ${status ? `status-${status.tone}` : 'status-idle'}`}
    >
      {status ? <span>{status.text}</span> : null}
    </div>
  );
}
