/**
 * What Electron's two ends of a stream say over its MessagePort, declared
 * once for the preload and main. The preload sends one message on
 * {@link STREAM_IPC_CHANNEL} with the port; from then on main posts events
 * and one `end`, and the preload may post `cancel`.
 */
export const STREAM_IPC_CHANNEL = 'switchboard:stream';

/** Main to the page: an event as the pump sent it, or the end (`error` is the transport's sentence, if it failed). */
export type StreamPortMessage = { type: 'event'; event: unknown } | { type: 'end'; error: string | null };

/** The page to main: stop the stream and close the upstream. */
export type StreamCancelMessage = { type: 'cancel' };
