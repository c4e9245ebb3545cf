import type { Model } from '@switchboard/shared';
import { useCallback, useContext, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useCatalogView } from '../../hooks/useCatalogView';
import { useListboxKeyboard } from '../../hooks/useListboxKeyboard';
import { CatalogStoreContext } from '../../hooks/useModelCatalog';
import { plural } from '../../lib/format';
import { modelAtOrdinal, ordinalOf } from '../../lib/model-rows';
import { Icon } from '../ui/Icon';
import { ModelListbox } from './ModelListbox';
import { ModeToggle } from './ModeToggle';

interface ModelComboboxProps {
  /** Test ids: `${testIdPrefix}-search-input`, `-model-select`, `-model-count`, `-mode-toggle`. */
  testIdPrefix: string;
  models: readonly Model[];
  /** The model picked in this form (not saved yet). */
  selectedId: string | null;
  /** The model saved as the one in use, marked "current". */
  currentId: string | null;
  onSelect(id: string): void;
  /** Shown on the label's line: when the list was fetched, Refresh. */
  toolbar?: ReactNode;
}

/**
 * A searchable, virtualized model picker following the WAI-ARIA combobox
 * pattern: focus stays in the search input, the active option is pointed at
 * with aria-activedescendant, and only the rows in view are rendered.
 */
export function ModelCombobox({ testIdPrefix, models, selectedId, currentId, onSelect, toolbar }: ModelComboboxProps) {
  const baseId = useId();
  const listboxId = `${baseId}-listbox`;
  const optionId = useCallback((ordinal: number) => `${baseId}-option-${ordinal}`, [baseId]);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(true);
  const [showNonChat, setShowNonChat] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const navigated = useRef(false);

  // The rows in view get their metadata before the rest, from the catalog the list came from (if any).
  const catalogs = useContext(CatalogStoreContext);
  const onRowsShown = useCallback((ids: string[]) => catalogs?.rowsFirst.rowsShown(models, ids), [catalogs, models]);

  // The list opens scrolled to the selected model: its group is sorted before the list is first shown.
  const { index, view } = useCatalogView(models, query, showNonChat, selectedId);
  const { optionCount } = view;

  // The active option is kept by model id, so metadata regrouping the list under it does not move it.
  // A new search starts at its first match and clearing it goes back to the selected model: an edit of the
  // search forgets the option moved to (null), and the default is derived from the search as it is now.
  const [movedTo, setMovedTo] = useState<string | null>(selectedId);
  const activeId = movedTo ?? (view.query === '' ? selectedId : (modelAtOrdinal(index, view, 0)?.id ?? null));
  const search = (next: string) => {
    setQuery(next);
    setExpanded(true);
    if (next.trim() !== view.query) setMovedTo(null);
  };
  const active = ordinalOf(index, view, activeId);
  const selectedOrdinal = ordinalOf(index, view, selectedId);

  const activate = useCallback((ordinal: number) => setMovedTo(modelAtOrdinal(index, view, ordinal)?.id ?? null), [index, view]);
  const choose = useCallback(
    (ordinal: number) => {
      const model = modelAtOrdinal(index, view, ordinal);
      if (!model) return;
      setMovedTo(model.id);
      onSelect(model.id);
    },
    [index, view, onSelect],
  );
  const onEscape = () => {
    if (query !== '') {
      search('');
      return true;
    }
    if (expanded) {
      setExpanded(false);
      return true;
    }
    return false;
  };
  const open = useCallback(() => setExpanded(true), []);

  const onKeyDown = useListboxKeyboard({ optionCount, active, onActivate: activate, onChoose: choose, onEscape, onOpen: open });
  const onInputKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    navigated.current = true;
    onKeyDown(event);
  };
  // With focus on the list itself (clicked, or reached by Tab), keys act as in the input, and focus goes back there.
  const onListNavigate = (event: KeyboardEvent<HTMLElement>) => {
    onInputKeyDown(event);
    if (event.defaultPrevented) inputRef.current?.focus();
  };
  const onType = (character: string) => {
    search(query + character);
    inputRef.current?.focus();
  };

  const shownTotal = showNonChat ? index.models.length : index.chatCount;
  const nonChatCount = index.models.length - index.chatCount;
  const countText =
    optionCount === 0
      ? 'No models match'
      : optionCount === shownTotal
        ? plural(optionCount, 'model', 'models')
        : `${plural(optionCount, 'model', 'models')} of ${shownTotal}`;

  return (
    <div className="combobox" ref={rootRef}>
      <div className="combobox-label-row">
        <label htmlFor={`${baseId}-input`}>Model</label>
        {toolbar}
      </div>
      <div className="search-field">
        <Icon name="search" />
        <input
          ref={inputRef}
          id={`${baseId}-input`}
          type="text"
          role="combobox"
          data-testid={`${testIdPrefix}-search-input`}
          placeholder="Search models by name or id"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${baseId}-count`}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          value={query}
          onChange={(event) => search(event.target.value)}
          onClick={open}
          // Bring the whole picker (input and list) into view in the scrolling panel.
          onFocus={() => rootRef.current?.scrollIntoView?.({ block: 'nearest' })}
          onKeyDown={onInputKeyDown}
        />
      </div>
      <div className="combobox-meta">
        <p id={`${baseId}-count`} role="status" className="model-count" data-testid={`${testIdPrefix}-model-count`}>
          {countText}
        </p>
        <ModeToggle testId={`${testIdPrefix}-mode-toggle`} count={nonChatCount} checked={showNonChat} onChange={setShowNonChat} />
      </div>
      <div className="model-list-frame" hidden={!expanded}>
        <ModelListbox
          id={listboxId}
          testId={`${testIdPrefix}-model-select`}
          optionId={optionId}
          index={index}
          view={view}
          selectedId={selectedId}
          currentId={currentId}
          active={active}
          scrollTarget={active >= 0 ? active : selectedOrdinal}
          navigated={navigated}
          onChoose={choose}
          onNavigate={onListNavigate}
          onType={onType}
          onRowsShown={onRowsShown}
        />
        {optionCount === 0 ? (
          <p className="model-empty">{view.hiddenNonChat > 0 ? 'Only non-chat models match. Turn on “Show non-chat models” to see them.' : 'Try a different search.'}</p>
        ) : null}
      </div>
    </div>
  );
}
