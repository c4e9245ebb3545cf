import type { Ref } from 'react';
import { Spinner } from '../ui/Spinner';

interface TestButtonProps {
  ref: Ref<HTMLButtonElement>;
  testId: string;
  disabled: boolean;
  testing: boolean;
}

/** Submits the connection form; says "Testing…" with a spinner while the test runs. */
export function TestButton({ ref, testId, disabled, testing }: TestButtonProps) {
  return (
    <button ref={ref} type="submit" className="button" data-testid={testId} disabled={disabled} aria-busy={testing}>
      {testing ? (
        <>
          <Spinner />
          Testing…
        </>
      ) : (
        'Test Connection'
      )}
    </button>
  );
}
