import { STREAM_LIMITS } from '@switchboard/shared';
import { useId, useState } from 'react';

interface CheckSelectionProps {
  /** The chat models of the list, by id. */
  chatIds: readonly string[];
  mode: 'all' | 'some';
  chosen: ReadonlySet<string>;
  onMode(mode: 'all' | 'some'): void;
  onToggle(modelId: string): void;
}

/** Which models a check covers: every chat model, or those ticked (found by typing part of an id). */
export function CheckSelection({ chatIds, mode, chosen, onMode, onToggle }: CheckSelectionProps) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const tooMany = chatIds.length > STREAM_LIMITS.maxModelsPerCheck;
  const needle = filter.trim().toLowerCase();
  const shown = mode === 'some' ? chatIds.filter((modelId) => modelId.toLowerCase().includes(needle)) : [];
  return (
    <fieldset className="check-selection">
      <legend>Models to check</legend>
      <label className="check-choice">
        <input type="radio" name={`${id}-mode`} data-testid="check-models-all" checked={mode === 'all'} disabled={tooMany} onChange={() => onMode('all')} />
        All chat models ({chatIds.length})
      </label>
      {tooMany ? (
        <p className="field-help">A check covers at most {STREAM_LIMITS.maxModelsPerCheck} models: choose them below.</p>
      ) : null}
      <label className="check-choice">
        <input type="radio" name={`${id}-mode`} data-testid="check-models-some" checked={mode === 'some'} onChange={() => onMode('some')} />
        A selection ({chosen.size} chosen)
      </label>
      {mode === 'some' ? (
        <div className="check-picker stack-tight">
          <input
            type="text"
            aria-label="Find models to check"
            placeholder="Find models by id"
            data-testid="check-models-filter"
            value={filter}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setFilter(event.target.value)}
          />
          <ul className="check-list" aria-label="Chat models">
            {shown.map((modelId) => (
              <li key={modelId}>
                <label className="check-choice">
                  <input type="checkbox" data-testid="check-models-option" data-model-id={modelId} checked={chosen.has(modelId)} onChange={() => onToggle(modelId)} />
                  <span className="check-model-id">{modelId}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
