import type { CatalogState } from '../../lib/catalog-state';
import { ModelCombobox } from '../model-picker/ModelCombobox';
import { Spinner } from '../ui/Spinner';
import { AccessNote } from './AccessNote';
import { LastFetched } from './LastFetched';
import { StaleNotice } from './StaleNotice';

interface ModelSectionProps {
  testIdPrefix: string;
  catalog: CatalogState;
  clock(): number;
  selectedId: string | null;
  currentId: string | null;
  onSelect(id: string): void;
  /** Refresh asks the saved proxy again; null when the list shown is not the saved proxy's (a test's). */
  onRefresh: (() => void) | null;
}

/** The model picker with what is known about the list: its age, whether it is stale, and a way to refresh it. */
export function ModelSection({ testIdPrefix, catalog, clock, selectedId, currentId, onSelect, onRefresh }: ModelSectionProps) {
  const { models, fetching } = catalog;
  if (models === null) {
    if (fetching === null) return null;
    return (
      <p className="loading-line" data-testid={`${testIdPrefix}-models-loading`}>
        <Spinner />
        Loading models from your proxy…
      </p>
    );
  }
  const note = catalog.accessNote ? <AccessNote text={catalog.accessNote} /> : null;
  if (models.length === 0) {
    return (
      <>
        {note}
        <p className="hint-card">The proxy answered but lists no models. Add models to its config, then test again.</p>
      </>
    );
  }

  const refreshing = fetching !== null;
  const stale = catalog.error !== null || (catalog.expired && !refreshing);
  const toolbar = (
    <div className="catalog-toolbar">
      {catalog.enriching ? (
        <span className="catalog-progress" data-testid={`${testIdPrefix}-metadata-loading`}>
          <Spinner />
          Loading details…
        </span>
      ) : null}
      {catalog.fetchedAt !== null ? <LastFetched testIdPrefix={testIdPrefix} fetchedAt={catalog.fetchedAt} clock={clock} /> : null}
      {onRefresh ? (
        <button
          type="button"
          className="button button-small"
          data-testid={`${testIdPrefix}-refresh-button`}
          // Not `disabled`: a focused button that becomes disabled drops focus to the page.
          aria-disabled={refreshing}
          aria-busy={refreshing}
          onClick={refreshing ? undefined : onRefresh}
        >
          {refreshing ? <Spinner /> : null}
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      ) : null}
    </div>
  );

  return (
    <section className="catalog stack-tight" aria-label="Models" data-testid={`${testIdPrefix}-catalog`} data-stale={stale} data-details={catalog.enriching ? 'loading' : 'loaded'}>
      {stale ? <StaleNotice testIdPrefix={testIdPrefix} catalog={catalog} clock={clock} /> : null}
      {note}
      <ModelCombobox testIdPrefix={testIdPrefix} models={models} selectedId={selectedId} currentId={currentId} onSelect={onSelect} toolbar={toolbar} />
    </section>
  );
}
