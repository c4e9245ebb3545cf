import { useRef, type RefObject } from 'react';
import { useOpencodeClipboard } from '../../hooks/useOpencodeClipboard';

interface CopyButtonProps {
  text: string;
  label: string;
  testId: string;
  /** What is selected for Ctrl+C where the clipboard refuses. */
  fallbackTarget?: RefObject<HTMLElement | null>;
}

const SAID = { idle: '', copied: 'Copied', selected: 'Selected: press Ctrl+C (⌘C on a Mac)' } as const;

/** Copies `text`; says so, or selects the text where the clipboard is not allowed. */
export function CopyButton({ text, label, testId, fallbackTarget }: CopyButtonProps) {
  const none = useRef<HTMLElement | null>(null);
  const { state, copy } = useOpencodeClipboard(text, fallbackTarget ?? none);
  return (
    <span className="playground-copy">
      <button type="button" className="button button-small" data-testid={testId} onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" aria-live="polite" className="playground-copy-status" data-testid={`${testId}-status`} data-state={state}>
        {SAID[state]}
      </span>
    </span>
  );
}
