import type { CSSProperties } from 'react';
import { modelFacts, nonChatMode } from '../../lib/model-facts';
import type { OptionRow } from '../../lib/model-rows';
import { Icon } from '../ui/Icon';

interface ModelOptionRowProps {
  row: OptionRow;
  id: string;
  style: CSSProperties;
  selected: boolean;
  active: boolean;
  setSize: number;
  onChoose(ordinal: number): void;
}

/** One model in the listbox: name, badges, then its id and what is known about it. */
export function ModelOptionRow({ row, id, style, selected, active, setSize, onChoose }: ModelOptionRowProps) {
  const { model } = row;
  const mode = nonChatMode(model);
  const facts = modelFacts(model).join(' · ');
  const showId = model.name !== '' && model.name !== model.id;
  return (
    <div
      role="option"
      id={id}
      aria-selected={selected}
      aria-posinset={row.ordinal + 1}
      aria-setsize={setSize}
      data-model-id={model.id}
      data-active={active || undefined}
      className="model-option"
      style={style}
      // Keep focus in the search input, as the combobox pattern expects.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onChoose(row.ordinal)}
    >
      <span className="model-option-check">{selected ? <Icon name="check" /> : null}</span>
      <span className="model-option-text">
        <span className="model-option-title">
          <span className="model-option-name">{model.name || model.id}</span>
          {row.current ? <span className="badge">current</span> : null}
          {mode ? <span className="badge badge-neutral">{mode}</span> : null}
        </span>
        {showId || facts ? (
          <span className="model-option-details">
            {showId ? <span className="model-option-id">{model.id}</span> : null}
            {showId && facts ? ' · ' : null}
            {facts}
          </span>
        ) : null}
      </span>
    </div>
  );
}
