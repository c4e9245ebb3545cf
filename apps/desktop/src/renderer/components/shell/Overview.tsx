import type { Availability } from '../../lib/current-model';
import { addressTerm } from '../../lib/platforms';
import type { SavedChoice } from '../../lib/saved-choices';

interface OverviewProps {
  current: SavedChoice | null;
  availability: Availability;
}

/** The main area: what is set up, and where to change it. */
export function Overview({ current, availability }: OverviewProps) {
  const platform = current?.instance.platform;
  return (
    <main className="overview" id="overview" tabIndex={-1}>
      <section className="card" aria-labelledby="overview-connection">
        <h2 id="overview-connection" className="card-title">
          Proxy connection
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
            <dd>
              {current.view.selectedModel}
              {availability === 'missing' ? <span className="warning-text"> (no longer offered by the proxy)</span> : null}
            </dd>
          </dl>
        ) : (
          <p className="muted">
            No proxy is set up yet. Open <strong>Settings</strong> › <strong>Proxy Platforms</strong> to connect one and
            choose a model.
          </p>
        )}
      </section>
    </main>
  );
}
