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

/**
 * How a chat answer is paced, on both servers. Every field is off by default, so answers go out at
 * once, byte for byte as recorded. "Chunks" are the token chunks (reasoning and answer); the finish,
 * usage and [DONE] events that follow them are not counted. A plain (non-streamed) answer takes the
 * same time the stream would, then arrives whole (or is dropped, or never comes).
 */
export interface StreamKnobs {
  /** Silence before anything is sent, status line included. */
  firstByteDelayMs?: number;
  /** Pause between two token chunks: 2,000 tokens at 5 ms stream at a steady 200 tokens/s. */
  tokenDelayMs?: number;
  /** After this many token chunks (0: right after the headers), the stream pauses for `stallMs`. */
  stallAfterChunks?: number;
  /** How long the stall lasts; unset: until the client hangs up or the server closes. */
  stallMs?: number;
  /** After this many token chunks the connection is cut: no finish chunk, no usage, no [DONE], no end of the chunked body. */
  dropAfterChunks?: number;
  /** After this many token chunks the upstream fails and the proxy says so in an error event (its own shape), then ends the stream. */
  errorAfterChunks?: number;
}

/** What both servers' simulated upstreams answer, and how. */
export interface ChatAnswerOptions {
  /** What upstreams answer (default "Hi from upstream"), streamed in word chunks. */
  chatReply?: string;
  /** A reply of this many filler tokens instead of `chatReply`, e.g. 2,000 for a benchmark. */
  replyTokens?: number;
  /** Streamed before the answer by a model whose metadata says it reasons (LiteLLM: `reasoning_content`; OpenRouter: `reasoning`). */
  reasoningReply?: string;
  /** Pacing, stalls, drops and mid-stream errors of chat answers (default: none, answers go out at once). */
  stream?: StreamKnobs;
  /** Knobs for one model as asked for; its fields replace `stream`'s, e.g. one slow model among fast ones. */
  streamByModel?: Record<string, StreamKnobs>;
  /** Models whose chat completions are never answered (no status, no byte) until the client hangs up. */
  hangModels?: string[];
}

/** How one chat completion ended, seen from the server. */
export type ChatEndingKind =
  /** The server ended its answer itself (a reply, an error, or an error event). */
  | 'finished'
  /** The client hung up before the answer was complete: what Stop or a deadline does. */
  | 'client-closed'
  /** The server cut the connection on purpose (`dropAfterChunks`). */
  | 'dropped'
  /** close() ended it. */
  | 'server-closed';

export interface ChatEnding {
  /** The `model` of the request ("" when it had none). */
  model: string;
  stream: boolean;
  ending: ChatEndingKind;
  /** Token chunks (reasoning and answer) the answer had got through before the end; for a plain answer, generated but not yet sent. */
  chunksSent: number;
}

/** What a chat-serving test server lets a test observe about the answers it gave. */
export interface ChatObservations {
  /** One entry per chat completion, in the order they ended. */
  readonly chatEndings: readonly ChatEnding[];
  /** Chat completions (streamed or not) the client hung up on before the server finished them. */
  readonly abortedStreams: number;
}
