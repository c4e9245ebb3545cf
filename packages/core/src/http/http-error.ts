import type { ProxyError, ProxyErrorKind } from '@switchboard/shared';

/** Thrown inside the HTTP layer only; public functions turn it into a Result. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: ProxyErrorKind,
    message: string,
    /** A URL that would likely work instead, offered in one click (the origin of a LiteLLM page answered in place of data). */
    readonly suggestedUrl?: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }

  toProxyError(): ProxyError {
    return this.suggestedUrl === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, suggestedUrl: this.suggestedUrl };
  }
}
