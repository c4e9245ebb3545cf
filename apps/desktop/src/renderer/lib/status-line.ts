import type { UiError } from './errors';

/** One line in a status region: what just happened, and how it should look. */
export interface StatusLine {
  tone: 'progress' | 'success' | 'error';
  text: string;
  /** The error kind, for styling and tests; absent unless tone is `error`. */
  kind?: UiError['kind'];
}

export const errorLine = (error: UiError): StatusLine => ({ tone: 'error', text: error.message, kind: error.kind });
