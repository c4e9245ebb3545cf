export interface RecordedRequest {
  method: string;
  /** Path plus query string, exactly as the client sent it. */
  path: string;
  /** Lower-cased names; repeated headers are joined with ", ". */
  headers: Record<string, string | undefined>;
  body: string;
}

export interface RunningServer {
  /** e.g. "http://127.0.0.1:43123", no trailing slash; https when serving TLS. */
  url: string;
  port: number;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Stops listening and destroys open sockets, including ones left hanging on purpose. */
  close(): Promise<void>;
}

export type FailureMode =
  | 'hang'
  | 'slow-body'
  | 'html'
  | 'invalid-json'
  | 'wrong-shape'
  | 'huge-body'
  | 'server-error'
  | 'not-found'
  | 'redirect';
