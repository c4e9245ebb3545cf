import { noLongerOffered } from '../../lib/current-model';

interface SelectedModelLineProps {
  testIdPrefix: string;
  modelId: string | null;
  /** The latest list of the proxy does not have it. */
  missing: boolean;
}

/** Which model "Use This Model" would save, and a warning when the proxy no longer offers it. */
export function SelectedModelLine({ testIdPrefix, modelId, missing }: SelectedModelLineProps) {
  if (modelId === null) {
    return (
      <p className="selected-model" data-testid={`${testIdPrefix}-selected-model`}>
        No model selected
      </p>
    );
  }
  return (
    <div className="selected-model">
      <p data-testid={`${testIdPrefix}-selected-model`}>
        Selected: <strong>{modelId}</strong>
      </p>
      {missing ? (
        <p className="warning-text" role="status" data-testid={`${testIdPrefix}-selected-missing`}>
          {noLongerOffered(modelId)} Choose another model.
        </p>
      ) : null}
    </div>
  );
}
