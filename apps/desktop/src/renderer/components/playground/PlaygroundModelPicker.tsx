import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ShownModelHealthContext, useModelHealth } from '../../hooks/useModelHealth';
import { usePlaygroundCatalog } from '../../hooks/usePlaygroundCatalog';
import { instanceId as instanceIdOf } from '../../lib/platforms';
import { choiceLabel, type SavedChoice } from '../../lib/saved-choices';
import { ModelCombobox } from '../model-picker/ModelCombobox';
import { Spinner } from '../ui/Spinner';

interface PlaygroundModelPickerProps {
  /** The saved connections the playground may use. */
  choices: readonly SavedChoice[];
  /** The connection and model the playground is set to. */
  choice: SavedChoice;
  modelId: string;
  /** The connection and model the app is set to use: that model is marked "current" in its list. */
  current: SavedChoice | null;
  onChoose(choice: SavedChoice, modelId: string): void;
}

/**
 * Which model the playground asks: a button naming it, opening the same
 * searchable picker as Settings over any connected platform's models.
 */
export function PlaygroundModelPicker({ choices, choice, modelId, current, onChoose }: PlaygroundModelPickerProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Closing puts focus back on the button: the search input it was in is gone.
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  // Escape the combobox did not use (an empty search, a collapsed list) closes the picker.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };
  const [browsing, setBrowsing] = useState<SavedChoice>(choice);
  const shown = choices.find((entry) => instanceIdOf(entry.instance) === instanceIdOf(browsing.instance)) ?? choice;
  return (
    <div className="playground-model">
      <div className="playground-model-row">
        <span className="playground-model-label" id={`${id}-label`}>
          Model
        </span>
        <button
          ref={buttonRef}
          type="button"
          className="button playground-model-button"
          data-testid="playground-model"
          data-instance-id={instanceIdOf(choice.instance)}
          data-model-id={modelId}
          aria-expanded={open}
          aria-controls={`${id}-picker`}
          aria-describedby={`${id}-label`}
          onClick={() => setOpen(!open)}
        >
          <span className="playground-model-platform">{choiceLabel(choice)}</span>
          <span className="playground-model-id">{modelId}</span>
          <span className="muted">{open ? 'Close' : 'Change'}</span>
        </button>
      </div>
      {open ? (
        <div id={`${id}-picker`} className="playground-model-picker stack-tight" onKeyDown={onKeyDown}>
          {choices.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-platform`}>Platform</label>
              <select
                id={`${id}-platform`}
                data-testid="playground-platform"
                value={instanceIdOf(shown.instance)}
                onChange={(event) => setBrowsing(choices.find((entry) => instanceIdOf(entry.instance) === event.target.value) ?? choice)}
              >
                {choices.map((entry) => (
                  <option key={instanceIdOf(entry.instance)} value={instanceIdOf(entry.instance)}>
                    {choiceLabel(entry)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <PlatformModels
            key={instanceIdOf(shown.instance)}
            choice={shown}
            selectedId={instanceIdOf(shown.instance) === instanceIdOf(choice.instance) ? modelId : null}
            currentId={current && instanceIdOf(current.instance) === instanceIdOf(shown.instance) ? current.view.selectedModel : null}
            onSelect={(picked) => {
              onChoose(shown, picked);
              close();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

interface PlatformModelsProps {
  choice: SavedChoice;
  selectedId: string | null;
  currentId: string | null;
  onSelect(modelId: string): void;
}

/** One connection's models in the picker, each flagged where its last check failed. */
function PlatformModels({ choice, selectedId, currentId, onSelect }: PlatformModelsProps) {
  const catalog = usePlaygroundCatalog(choice);
  const health = useModelHealth(catalog.instanceId);
  const { models, fetching, error } = catalog.state;
  if (models === null) {
    if (error) return <p className="status-line status-error">{error.message}</p>;
    return (
      <p className="loading-line">
        <Spinner />
        {fetching ? 'Loading models…' : 'No models listed yet.'}
      </p>
    );
  }
  return (
    <ShownModelHealthContext.Provider value={health}>
      <ModelCombobox testIdPrefix="playground" models={models} selectedId={selectedId} currentId={currentId} onSelect={onSelect} />
    </ShownModelHealthContext.Provider>
  );
}
