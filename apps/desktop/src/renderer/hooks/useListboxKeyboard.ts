import { useCallback, useState, type KeyboardEvent } from 'react';

export interface ListboxKeyboardOptions {
  optionCount: number;
  /** Enter on the active option. */
  onChoose(ordinal: number): void;
  /** Escape; return true when it was used (so it does not also close the dialog). */
  onEscape(): boolean;
  /** Any navigation key: the popup should be shown. */
  onOpen(): void;
  /** When this changes (e.g. the search text), the active option goes back to `resetTo`. */
  resetKey: string;
  resetTo: number;
}

export interface ListboxKeyboard {
  /** The active option's ordinal (headers are not counted), or -1. */
  active: number;
  setActive(ordinal: number): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

/**
 * Active-option state and keys for a combobox whose focus stays in its input
 * (WAI-ARIA combobox with aria-activedescendant): ArrowDown/ArrowUp, Home/End,
 * Enter, Escape.
 */
export function useListboxKeyboard(options: ListboxKeyboardOptions): ListboxKeyboard {
  const { optionCount, onChoose, onEscape, onOpen, resetKey, resetTo } = options;
  const [rawActive, setActive] = useState(resetTo);
  const [trackedKey, setTrackedKey] = useState(resetKey);
  if (trackedKey !== resetKey) {
    // Adjusting state while rendering, as React recommends for "reset when a prop changes".
    setTrackedKey(resetKey);
    setActive(resetTo);
  }
  const active = optionCount === 0 ? -1 : Math.min(rawActive, optionCount - 1);
  const last = optionCount - 1;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Enter') {
        // Enter never submits the surrounding form from here.
        event.preventDefault();
        if (active >= 0) onChoose(active);
        return;
      }
      if (event.key === 'Escape') {
        if (onEscape()) {
          event.preventDefault();
          event.stopPropagation();
        }
        return;
      }
      const next = nextActive(event.key, active, last);
      if (next === null) return;
      event.preventDefault();
      onOpen();
      if (optionCount > 0) setActive(next);
    },
    [active, last, optionCount, onChoose, onEscape, onOpen],
  );

  return { active, setActive, onKeyDown };
}

/** Where a navigation key moves the active option; null for any other key. */
function nextActive(key: string, active: number, last: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return active < 0 ? 0 : Math.min(active + 1, last);
    case 'ArrowUp':
      return active < 0 ? last : Math.max(active - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
