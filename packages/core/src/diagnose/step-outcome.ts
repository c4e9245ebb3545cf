import type { CertificateSummary, ProxyErrorKind } from '@switchboard/shared';

export { errorCode, isAbort } from '../http/classify-network-error.js';

/** How one step ended, before it becomes an event: `fail` stops the run, the kind is the error's if it does. */
export type StepOutcome =
  | { state: 'ok'; detail: string; fix?: string | null }
  | { state: 'skip'; detail: string }
  | { state: 'fail'; kind: ProxyErrorKind; detail: string; fix: string; certificate?: CertificateSummary; suggestedUrl?: string };

export const ok = (detail: string, fix: string | null = null): StepOutcome => ({ state: 'ok', detail, fix });
export const skip = (detail: string): StepOutcome => ({ state: 'skip', detail });
export const failed = (kind: ProxyErrorKind, detail: string, fix: string, extra: { certificate?: CertificateSummary; suggestedUrl?: string } = {}): StepOutcome => ({
  state: 'fail',
  kind,
  detail,
  fix,
  ...extra,
});

/** A host and port as the steps reach them; `host` without IPv6 brackets. */
export interface Target {
  host: string;
  port: number;
  secure: boolean;
}

export function targetOf(url: URL): Target {
  const secure = url.protocol === 'https:';
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port === '' ? (secure ? 443 : 80) : Number(url.port), secure };
}

/** `host:port` as CONNECT and sentences write it (IPv6 in brackets). */
export function hostPort({ host, port }: Target): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
