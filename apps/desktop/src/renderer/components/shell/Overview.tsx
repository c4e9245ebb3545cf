import type { LiteLLMConfigView } from '@switchboard/shared';
import type { Availability } from '../../lib/current-model';

interface OverviewProps {
  config: LiteLLMConfigView | null | undefined;
  availability: Availability;
}

/** The main area: what is set up, and where to change it. */
export function Overview({ config, availability }: OverviewProps) {
  const inUse = config?.connected && config.selectedModel ? config : null;
  return (
    <main className="overview" id="overview" tabIndex={-1}>
      <section className="card" aria-labelledby="overview-connection">
        <h2 id="overview-connection" className="card-title">
          Proxy connection
        </h2>
        {inUse ? (
          <dl className="facts">
            <dt>Platform</dt>
            <dd>LiteLLM</dd>
            <dt>Proxy</dt>
            <dd>{inUse.url}</dd>
            <dt>Model</dt>
            <dd>
              {inUse.selectedModel}
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
