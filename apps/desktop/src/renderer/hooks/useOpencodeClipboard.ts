import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** `copied`: on the clipboard; `selected`: the clipboard refused, so the text is selected for Ctrl+C. */
export type CopyState = 'idle' | 'copied' | 'selected';

const SHOWN_FOR_MS = 2500;

function selectContents(element: HTMLElement | null): void {
  const selection = window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Copies `text` to the clipboard; where the clipboard is not available (an
 * insecure page, a refused permission), selects `fallbackTarget`'s text so
 * the user can copy it by hand. The state falls back to idle after a moment.
 */
export function useOpencodeClipboard(text: string, fallbackTarget: RefObject<HTMLElement | null>): { state: CopyState; copy(): Promise<void> } {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(async () => {
    let next: CopyState = 'copied';
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
    } catch {
      selectContents(fallbackTarget.current);
      next = 'selected';
    }
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), SHOWN_FOR_MS);
  }, [text, fallbackTarget]);

  return { state, copy };
}
