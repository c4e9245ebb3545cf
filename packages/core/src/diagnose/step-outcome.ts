import type { CertificateSummary, ProxyErrorKind } from '@switchboard/shared';

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

/** The code Node or undici put on an error, looking through `cause`. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}
