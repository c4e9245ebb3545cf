import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { fixturesDir } from '../src/index.js';
import type { RunningServer } from '../src/index.js';

export interface RecordedCase {
  request: string;
  status: number;
  content_type: string;
  body: unknown;
}

export const litellmDir = join(fixturesDir, 'litellm-1.81.12');

export const recorded = JSON.parse(readFileSync(join(litellmDir, 'responses.json'), 'utf8')) as Record<string, RecordedCase>;

export function recordedCase(name: string): RecordedCase {
  const found = recorded[name];
  if (!found) throw new Error(`no recorded case ${name}`);
  return found;
}

export const MASTER = { authorization: 'Bearer sk-master-1234' };

/** Closes every server a test started, even when the test failed half-way. */
export function useServers(): <T extends RunningServer>(server: Promise<T>) => Promise<T> {
  const open: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (starting) => {
    const server = await starting;
    open.push(server);
    return server;
  };
}

/** One SSE event as it arrived: its text (comment lines included) and when. */
interface ArrivedEvent {
  text: string;
  atMs: number;
}

/** A chat chunk's fields the tests read, whichever server sent it. */
export interface ChatChunk {
  /** Absent from an error event. */
  choices?: { delta: { content?: string; reasoning_content?: string; reasoning?: string; role?: string }; finish_reason?: string | null }[];
  usage?: Record<string, unknown>;
  error?: unknown;
}

export interface ReadStream {
  events: ArrivedEvent[];
  /** How the body ended when it did not end cleanly (a cut connection), else null. */
  failure: Error | null;
  /** The data events' JSON, [DONE] and comments left out. */
  chunks: ChatChunk[];
  done: boolean;
}

/** Reads an SSE body to its end (or its failure), noting when each event arrived. */
export async function readStream(response: Response): Promise<ReadStream> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: ArrivedEvent[] = [];
  let buffer = '';
  let failure: Error | null = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        events.push({ text: buffer.slice(0, end), atMs: performance.now() });
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) {
    failure = error as Error;
  }
  const data = events.map((e) => e.text).filter((t) => t.startsWith('data: ')).map((t) => t.slice('data: '.length));
  return {
    events,
    failure,
    chunks: data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as ChatChunk),
    done: data.includes('[DONE]'),
  };
}

/** The answer text of streamed chunks. */
export function contentOf(chunks: ChatChunk[]): string {
  return chunks.map((c) => c.choices?.[0]?.delta.content ?? '').join('');
}

/** Chunks that carry a token (reasoning or answer), as the knobs count them. */
export function tokenChunks(chunks: ChatChunk[]): ChatChunk[] {
  return chunks.filter((c) => {
    const delta = c.choices?.[0]?.delta;
    return c.error === undefined && Boolean(delta?.content || delta?.reasoning_content || delta?.reasoning);
  });
}
