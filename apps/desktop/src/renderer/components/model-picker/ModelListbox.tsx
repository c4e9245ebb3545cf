import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { isPrintableKey } from '../../hooks/useListboxKeyboard';
import { titleOf, type CatalogIndex } from '../../lib/catalog-index';
import { rowAt } from '../../lib/model-rows';
import { matchRanges, sliceRanges, type CatalogView } from '../../lib/model-search';
import { ModelGroupHeader } from './ModelGroupHeader';
import { ModelOptionRow } from './ModelOptionRow';

const GROUP_ROW_HEIGHT = 28;
export const OPTION_ROW_HEIGHT = 52;
/** The listbox's height in combobox.css: the first render fills it, instead of waiting for a measurement. */
const LIST_HEIGHT = 280;

interface ModelListboxProps {
  id: string;
  testId: string;
  optionId(ordinal: number): string;
  index: CatalogIndex;
  view: CatalogView;
  selectedId: string | null;
  currentId: string | null;
  /** The active option's ordinal, or -1. */
  active: number;
  /** The option to keep in view: the active one, else the selected one; -1 for none. */
  scrollTarget: number;
  /** True once the user has moved with the keyboard: scroll as little as possible from then on. */
  navigated: RefObject<boolean>;
  onChoose(ordinal: number): void;
  /** Navigation keys pressed while the list itself has focus. */
  onNavigate(event: KeyboardEvent<HTMLElement>): void;
  /** A character typed while the list has focus: it goes to the search. */
  onType(character: string): void;
  /** The models of the rows in view (and a few around), each time they change: their metadata is asked first. */
  onRowsShown?(ids: string[]): void;
}

const NO_RANGES: readonly number[] = [];

/** The virtual list of options: only the rows in view (and a few around) are in the DOM. */
export function ModelListbox({ id, testId, optionId, index, view, selectedId, currentId, active, scrollTarget, navigated, onChoose, onNavigate, onType, onRowsShown }: ModelListboxProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback((row: number) => ((view.rows[row] ?? 0) < 0 ? GROUP_ROW_HEIGHT : OPTION_ROW_HEIGHT), [view]);
  const getItemKey = useCallback(
    (row: number) => {
      const code = view.rows[row];
      if (code === undefined) return row;
      return code < 0 ? `group:${~code}` : (index.models[code]?.id ?? row);
    },
    [index, view],
  );
  const virtualizer = useVirtualizer({
    count: view.rows.length,
    getScrollElement: () => listRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    initialRect: { width: 0, height: LIST_HEIGHT },
    // Rows have fixed heights, so nothing needs a synchronous re-render (which React 19 warns about in effects).
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items[items.length - 1]?.index ?? -1;

  // One uFuzzy info() call for the rows in view, per search and per scroll position.
  const ranges = useMemo(() => {
    const positions: number[] = [];
    for (let row = firstRow; row <= lastRow; row++) {
      const code = view.rows[row];
      if (code !== undefined && code >= 0) positions.push(code);
    }
    return matchRanges(index, view.query, positions);
  }, [index, view, firstRow, lastRow]);

  useEffect(() => {
    if (!onRowsShown) return;
    const ids: string[] = [];
    for (let row = firstRow; row <= lastRow; row++) {
      const code = view.rows[row];
      const model = code !== undefined && code >= 0 ? index.models[code] : undefined;
      if (model) ids.push(model.id);
    }
    if (ids.length > 0) onRowsShown(ids);
  }, [onRowsShown, index, view, firstRow, lastRow]);

  // Where the name and the id sit in each searched entry: only wanted while something is highlighted.
  const text = ranges.size > 0 ? index.searchText() : null;

  const targetRow = scrollTarget >= 0 ? view.optionRows[scrollTarget] : undefined;
  const viewportHeight = virtualizer.scrollRect?.height ?? 0;
  useEffect(() => {
    // Again once the list gets a size: it has none while its tab or popup is hidden.
    if (viewportHeight === 0 || targetRow === undefined) return;
    // The first time, centre the selected model; after a key press, move as little as possible.
    virtualizer.scrollToIndex(targetRow, { align: navigated.current ? 'auto' : 'center' });
  }, [viewportHeight, targetRow, virtualizer, navigated]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isPrintableKey(event)) {
      event.preventDefault();
      onType(event.key);
    } else {
      onNavigate(event);
    }
  };

  return (
    <div ref={listRef} role="listbox" id={id} aria-label="Models" tabIndex={-1} data-testid={testId} className="model-listbox" onKeyDown={onKeyDown}>
      <div role="presentation" className="model-listbox-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowAt(index, view, item.index);
          if (!row) return null;
          if (row.kind === 'group') return <ModelGroupHeader key={item.key} row={row} start={item.start} height={item.size} />;
          const found = ranges.get(row.position);
          const title = titleOf(row.model);
          return (
            <ModelOptionRow
              key={item.key}
              model={row.model}
              id={optionId(row.ordinal)}
              ordinal={row.ordinal}
              setSize={view.optionCount}
              selected={row.model.id === selectedId}
              active={row.ordinal === active}
              current={row.model.id === currentId}
              titleRanges={found && text ? sliceRanges(found, text.titleAt[row.position] ?? 0, title.length) : NO_RANGES}
              idRanges={found && text ? sliceRanges(found, text.idAt[row.position] ?? 0, row.model.id.length) : NO_RANGES}
              start={item.start}
              height={item.size}
              onChoose={onChoose}
            />
          );
        })}
      </div>
    </div>
  );
}
