import { useModelCatalog } from '../../hooks/useModelCatalog';
import { listOf } from '../../lib/catalog-state';
import type { Availability } from '../../lib/current-model';
import { addressTerm, LITELLM } from '../../lib/platforms';
import type { SavedChoice } from '../../lib/saved-choices';
import { CurrentModelFacts } from '../playground/CurrentModelFacts';
import { Playground } from '../playground/Playground';

interface OverviewProps {
  current: SavedChoice | null;
  availability: Availability;
  /** The saved connections with a model chosen on them: the playground may ask any of them. */
  choices: readonly SavedChoice[];
}

// The catalog read while nothing is in use: it is never asked anything.
const NOTHING_IN_USE = { platform: LITELLM, endpointId: null };

/** Home: the model in use with what is known of it, and a playground to try it (or any other connected model). */
export function Overview({ current, availability, choices }: OverviewProps) {
  const platform = current?.instance.platform;
  const catalog = useModelCatalog(current?.instance ?? NOTHING_IN_USE);
  const model = current ? listOf(catalog.state, current.view.url)?.find((entry) => entry.id === current.view.selectedModel) : undefined;
  return (
    <main className="overview stack" id="overview" tabIndex={-1}>
      <section className="card" aria-labelledby="overview-connection">
        <h2 id="overview-connection" className="card-title">
          Model in use
        </h2>
        {current && platform ? (
          <dl className="facts" data-testid="overview-connection">
            <dt>Platform</dt>
            <dd>{platform.displayName}</dd>
            {platform.instances === 'named' ? (
              <>
                <dt>Name</dt>
                <dd>{current.view.name}</dd>
              </>
            ) : null}
            <dt>{addressTerm(platform)}</dt>
            <dd>{current.view.url}</dd>
            <dt>Model</dt>
            <dd data-testid="overview-model">
              {current.view.selectedModel}
              {availability === 'missing' ? <span className="warning-text"> (no longer offered by the proxy)</span> : null}
            </dd>
            <CurrentModelFacts model={model} />
          </dl>
        ) : (
          <p className="muted">
            No proxy is set up yet. Open <strong>Settings</strong> › <strong>Proxy Platforms</strong> to connect one and
            choose a model.
          </p>
        )}
      </section>
      <Playground choices={choices} current={current} />
    </main>
  );
}
