/**
 * A value that lives outside React, in the shape `useSyncExternalStore`
 * reads: components subscribe and render again only when `set` gives a new
 * value (compared with `Object.is`), and code that has awaited reads the value
 * as it is now. The renderer's one idiom for state shared between components
 * (the catalog, opencode's settings): every store is this, not a listener set
 * of its own.
 */
interface SnapshotStore<T> {
  subscribe(listener: () => void): () => void;
  get(): T;
  set(next: T): void;
}

/** What a store does when it gains its first reader, and loses its last one (read from main, forget). */
interface ReaderHooks {
  first?(): void;
  last?(): void;
}

export function createSnapshotStore<T>(initial: T, readers: ReaderHooks = {}): SnapshotStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) readers.first?.();
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        readers.last?.();
      };
    },
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      listeners.forEach((listener) => listener());
    },
  };
}
