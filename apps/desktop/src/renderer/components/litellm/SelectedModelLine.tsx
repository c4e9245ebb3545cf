import { noLongerOffered } from '../../lib/current-model';

interface SelectedModelLineProps {
  modelId: string | null;
  /** The latest list of the proxy does not have it. */
  missing: boolean;
}

/** Which model "Use This Model" would save, and a warning when the proxy no longer offers it. */
export function SelectedModelLine({ modelId, missing }: SelectedModelLineProps) {
  if (modelId === null) {
    return (
      <p className="selected-model" data-testid="litellm-selected-model">
        No model selected
      </p>
    );
  }
  return (
    <div className="selected-model">
      <p data-testid="litellm-selected-model">
        Selected: <strong>{modelId}</strong>
      </p>
      {missing ? (
        <p className="warning-text" role="status" data-testid="litellm-selected-missing">
          {noLongerOffered(modelId)} Choose another model.
        </p>
      ) : null}
    </div>
  );
}
