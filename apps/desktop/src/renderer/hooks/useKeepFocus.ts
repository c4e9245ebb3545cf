import { useEffect, useRef, type RefObject } from 'react';

/**
 * A focused button that becomes disabled (e.g. while busy) drops focus to
 * <body>. When `busy` ends and focus is still lost, put it back on `target`.
 */
export function useKeepFocus(busy: boolean, target: RefObject<HTMLElement | null>): void {
  const wasBusy = useRef(false);
  useEffect(() => {
    if (busy) {
      wasBusy.current = true;
      return;
    }
    if (!wasBusy.current) return;
    wasBusy.current = false;
    if (document.activeElement === null || document.activeElement === document.body) target.current?.focus();
  }, [busy, target]);
}
