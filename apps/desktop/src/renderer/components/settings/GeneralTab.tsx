import { version } from '../../../../package.json';
import { ProxySection } from '../network/ProxySection';

export function GeneralTab() {
  return (
    <div className="stack">
      <h3 className="panel-title">About Switchboard</h3>
      <p>
        Switchboard connects the agent tools you use to the LLM proxy you already run. Pick a proxy platform, choose a
        model, and Switchboard writes an OpenAI-compatible provider config for your agent runtime.
      </p>
      <p className="muted">API keys are kept in your system keychain and never written to a file.</p>
      <dl className="facts">
        <dt>Version</dt>
        <dd data-testid="app-version">{version}</dd>
      </dl>
      <ProxySection />
    </div>
  );
}
