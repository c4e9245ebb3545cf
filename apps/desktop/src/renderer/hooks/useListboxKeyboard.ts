import { useCallback, type KeyboardEvent } from 'react';

export interface ListboxKeyboardOptions {
  optionCount: number;
  /** The active option's ordinal (headers are not counted), or -1. */
  active: number;
  /** How far PageUp and PageDown move. */
  pageSize?: number;
  onActivate(ordinal: number): void;
  /** Enter on the active option. */
  onChoose(ordinal: number): void;
  /** Escape; return true when it was used (so it does not also close the dialog). */
  onEscape(): boolean;
  /** Any navigation key: the popup should be shown. */
  onOpen(): void;
}

/**
 * Keys for a combobox whose focus stays in its input (WAI-ARIA combobox with
 * aria-activedescendant): arrows, Home/End, PageUp/PageDown, Enter, Escape.
 * Which option is active is the caller's state, kept by model id, so it
 * survives the list being regrouped under it.
 */
export function useListboxKeyboard(options: ListboxKeyboardOptions): (event: KeyboardEvent<HTMLElement>) => void {
  const { optionCount, active, pageSize = 8, onActivate, onChoose, onEscape, onOpen } = options;
  return useCallback(
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
      const next = nextActive(event.key, active, optionCount - 1, pageSize);
      if (next === null) return;
      event.preventDefault();
      onOpen();
      if (optionCount > 0) onActivate(next);
    },
    [active, optionCount, pageSize, onActivate, onChoose, onEscape, onOpen],
  );
}

/** Where a navigation key moves the active option; null for any other key. */
function nextActive(key: string, active: number, last: number, pageSize: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return active < 0 ? 0 : Math.min(active + 1, last);
    case 'ArrowUp':
      return active < 0 ? last : Math.max(active - 1, 0);
    case 'PageDown':
      return Math.min(Math.max(active, 0) + pageSize, last);
    case 'PageUp':
      return Math.max(active - pageSize, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** A key that types a character (type-to-search), not a shortcut or a navigation key. */
export function isPrintableKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ';
}
