import type { ProxyError, ProxyErrorKind } from '@switchboard/shared';

/** Thrown inside the HTTP layer only; public functions turn it into a Result. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: ProxyErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }

  toProxyError(): ProxyError {
    return { kind: this.kind, message: this.message };
  }
}
