import type { ProxyMode, ProxySettingsView } from '@switchboard/shared';
import { Fragment, useId, type FormEvent } from 'react';
import { useProxySettings } from '../../hooks/useProxySettings';
import { secretPlaceholder } from '../../lib/secret-field';
import { StatusLineView } from '../platform/StatusLineView';
import { Spinner } from '../ui/Spinner';

const MODE_LABELS: Record<ProxyMode, string> = {
  environment: 'From the environment',
  none: 'No proxy',
  url: 'This proxy',
};

/** What each environment variable says (credentials already masked by main), or that none is set. */
function EnvironmentFacts({ environment }: { environment: ProxySettingsView['environment'] }) {
  const set = (
    [
      ['HTTPS_PROXY', environment.httpsProxy],
      ['HTTP_PROXY', environment.httpProxy],
      ['NO_PROXY', environment.noProxy],
    ] as const
  ).filter(([, value]) => value !== null);
  if (set.length === 0) return <p className="field-help" data-testid="network-proxy-environment">No proxy is set in the environment: requests go straight out.</p>;
  return (
    <dl className="facts" data-testid="network-proxy-environment">
      {set.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function savedSummary(saved: ProxySettingsView): string {
  if (saved.mode === 'none') return 'In use: no proxy.';
  if (saved.mode === 'environment') return 'In use: the proxy from the environment.';
  return `In use: ${saved.url ?? 'a proxy'}${saved.username ? ` as ${saved.username}` : ''}${saved.hasPassword ? ', password in the keychain' : ''}.`;
}

/**
 * Settings › General › Network: how Switchboard's requests go out. Loopback
 * addresses never use the proxy (main's rule); the password goes to the
 * keychain and is never shown back.
 */
export function ProxySection() {
  const id = useId();
  const proxy = useProxySettings();
  const { form, saved } = proxy;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void proxy.save();
  };
  const failed = proxy.status?.tone === 'error';
  const statusId = `${id}-status`;

  return (
    <section className="stack" aria-labelledby={`${id}-title`} data-testid="network-proxy">
      <h3 className="panel-title" id={`${id}-title`}>
        Network
      </h3>
      {/* The form waits for the saved settings, so what main answers never overwrites what is typed. */}
      {saved === null && proxy.status === null ? (
        <p className="loading-line" data-testid="network-proxy-loading">
          <Spinner />
          Loading network settings…
        </p>
      ) : (
        <form className="stack" noValidate onSubmit={onSubmit}>
          <fieldset className="radio-group">
            <legend>Outgoing proxy</legend>
            {(Object.keys(MODE_LABELS) as ProxyMode[]).map((mode) => (
              <label key={mode} className="radio-option">
                <input type="radio" name={`${id}-mode`} value={mode} checked={form.mode === mode} onChange={() => proxy.edit({ mode })} />
                {MODE_LABELS[mode]}
              </label>
            ))}
          </fieldset>
          {form.mode === 'environment' && saved ? <EnvironmentFacts environment={saved.environment} /> : null}
          {form.mode === 'url' ? (
            <div className="field-grid">
              <div className="field">
                <label htmlFor={`${id}-url`}>Outgoing proxy URL</label>
                <input
                  id={`${id}-url`}
                  type="url"
                  inputMode="url"
                  value={form.url}
                  placeholder="http://proxy.example.com:3128"
                  onChange={(event) => proxy.edit({ url: event.target.value })}
                  aria-invalid={failed || undefined}
                  aria-describedby={failed ? statusId : undefined}
                  autoComplete="off"
                  spellCheck={false}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-username`}>Proxy username</label>
                <input id={`${id}-username`} type="text" value={form.username} onChange={(event) => proxy.edit({ username: event.target.value })} autoComplete="off" spellCheck={false} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-password`}>Proxy password</label>
                <input
                  id={`${id}-password`}
                  type="password"
                  value={form.password.typed}
                  placeholder={secretPlaceholder(form.password)}
                  onChange={(event) => proxy.edit({ password: { ...form.password, typed: event.target.value } })}
                  autoComplete="off"
                />
                {form.password.stored ? (
                  <label className="checkbox-option">
                    <input type="checkbox" checked={form.password.forgotten} onChange={(event) => proxy.edit({ password: { ...form.password, forgotten: event.target.checked } })} />
                    Forget the stored password
                  </label>
                ) : null}
              </div>
            </div>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button-primary" data-testid="network-proxy-save" disabled={proxy.busy || saved === null} aria-busy={proxy.busy}>
              {proxy.busy ? <Spinner /> : null}
              Save
            </button>
            <div id={statusId}>
              <StatusLineView status={proxy.status} testId="network-proxy-status" />
            </div>
          </div>
          {saved ? (
            <p className="muted" data-testid="network-proxy-saved">
              {savedSummary(saved)} Requests to this computer (localhost, 127.0.0.1) never go through a proxy.
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
