import type { Model } from '@switchboard/shared';
import { ModelCombobox } from '../model-picker/ModelCombobox';
import { Spinner } from '../ui/Spinner';

interface ModelSectionProps {
  models: readonly Model[] | null;
  loading: boolean;
  selectedId: string | null;
  currentId: string | null;
  onSelect(id: string): void;
}

/** The model picker once models are known; a loading line while they are fetched. */
export function ModelSection({ models, loading, selectedId, currentId, onSelect }: ModelSectionProps) {
  if (loading) {
    return (
      <p className="loading-line" data-testid="litellm-models-loading">
        <Spinner />
        Loading models from your proxy…
      </p>
    );
  }
  if (models === null) return null;
  if (models.length === 0) {
    return <p className="hint-card">The proxy answered but lists no models. Add models to its config, then test again.</p>;
  }
  return <ModelCombobox models={models} selectedId={selectedId} currentId={currentId} onSelect={onSelect} />;
}
