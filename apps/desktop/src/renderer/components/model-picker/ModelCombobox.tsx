import type { Model } from '@switchboard/shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useListboxKeyboard } from '../../hooks/useListboxKeyboard';
import { useModelRows } from '../../hooks/useModelRows';
import { plural } from '../../lib/format';
import { ordinalOf } from '../../lib/model-rows';
import { Icon } from '../ui/Icon';
import { ModelGroupHeader } from './ModelGroupHeader';
import { ModelOptionRow } from './ModelOptionRow';

export const GROUP_ROW_HEIGHT = 30;
export const OPTION_ROW_HEIGHT = 48;

interface ModelComboboxProps {
  models: readonly Model[];
  /** The model picked in this form (not saved yet). */
  selectedId: string | null;
  /** The model saved as the one in use, marked "current". */
  currentId: string | null;
  onSelect(id: string): void;
}

/**
 * A searchable, virtualized model picker following the WAI-ARIA combobox
 * pattern: focus stays in the search input, the active option is pointed at
 * with aria-activedescendant, and only the rows in view are rendered.
 */
export function ModelCombobox({ models, selectedId, currentId, onSelect }: ModelComboboxProps) {
  const baseId = useId();
  const listboxId = `${baseId}-listbox`;
  const optionId = (ordinal: number) => `${baseId}-option-${ordinal}`;
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(true);
  const listRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const navigated = useRef(false);

  const modelRows = useModelRows(models, query, currentId);
  const { rows, optionRowIndex, optionCount } = modelRows;
  const selectedOrdinal = ordinalOf(modelRows, selectedId);

  const choose = useCallback(
    (ordinal: number) => {
      const row = rows[optionRowIndex[ordinal] ?? -1];
      if (row?.kind === 'option') onSelect(row.model.id);
    },
    [rows, optionRowIndex, onSelect],
  );
  const onEscape = useCallback(() => {
    if (query !== '') {
      setQuery('');
      return true;
    }
    if (expanded) {
      setExpanded(false);
      return true;
    }
    return false;
  }, [query, expanded]);
  const open = useCallback(() => setExpanded(true), []);

  const keyboard = useListboxKeyboard({
    optionCount,
    onChoose: choose,
    onEscape,
    onOpen: open,
    resetKey: modelRows.query,
    resetTo: modelRows.query.trim() === '' ? selectedOrdinal : 0,
  });

  const estimateSize = useCallback(
    (index: number) => (rows[index]?.kind === 'group' ? GROUP_ROW_HEIGHT : OPTION_ROW_HEIGHT),
    [rows],
  );
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    // Rows have fixed heights, so nothing needs a synchronous re-render (which React 19 warns about in effects).
    useFlushSync: false,
  });

  // Keep the active option, or else the selected one, in view; again once the list gets a size
  // (it has none while its tab is hidden).
  const focusOrdinal = keyboard.active >= 0 ? keyboard.active : selectedOrdinal;
  const focusRow = focusOrdinal >= 0 ? optionRowIndex[focusOrdinal] : undefined;
  const viewportHeight = virtualizer.scrollRect?.height ?? 0;
  useEffect(() => {
    if (!expanded || viewportHeight === 0 || focusRow === undefined) return;
    // The first time, centre the selected model; after a key press, move as little as possible.
    virtualizer.scrollToIndex(focusRow, { align: navigated.current ? 'auto' : 'center' });
  }, [expanded, viewportHeight, focusRow, virtualizer]);

  const activeId = expanded && keyboard.active >= 0 ? optionId(keyboard.active) : undefined;
  const countText =
    optionCount === 0
      ? 'No models match'
      : optionCount === models.length
        ? plural(models.length, 'model', 'models')
        : `${plural(optionCount, 'model', 'models')} of ${models.length}`;

  return (
    <div className="combobox" ref={rootRef}>
      <label htmlFor={`${baseId}-input`}>Model</label>
      <div className="search-field">
        <Icon name="search" />
        <input
          id={`${baseId}-input`}
          type="text"
          role="combobox"
          data-testid="litellm-search-input"
          placeholder="Search models by name or id"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-describedby={`${baseId}-count`}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setExpanded(true);
          }}
          onClick={open}
          // Bring the whole picker (input and list) into view in the scrolling panel.
          onFocus={() => rootRef.current?.scrollIntoView?.({ block: 'nearest' })}
          onKeyDown={(event) => {
            navigated.current = true;
            keyboard.onKeyDown(event);
          }}
        />
      </div>
      <p id={`${baseId}-count`} role="status" className="model-count" data-testid="litellm-model-count">
        {countText}
      </p>
      <div className="model-list-frame" hidden={!expanded}>
        <div ref={listRef} role="listbox" id={listboxId} aria-label="Models" data-testid="litellm-model-select" className="model-listbox">
          <div role="presentation" className="model-listbox-inner" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const style = { height: item.size, transform: `translateY(${item.start}px)` };
              return row.kind === 'group' ? (
                <ModelGroupHeader key={item.key} row={row} style={style} />
              ) : (
                <ModelOptionRow
                  key={item.key}
                  row={row}
                  id={optionId(row.ordinal)}
                  style={style}
                  selected={row.model.id === selectedId}
                  active={row.ordinal === keyboard.active}
                  setSize={optionCount}
                  onChoose={(ordinal) => {
                    keyboard.setActive(ordinal);
                    choose(ordinal);
                  }}
                />
              );
            })}
          </div>
        </div>
        {optionCount === 0 ? <p className="model-empty">Try a different search.</p> : null}
      </div>
    </div>
  );
}
