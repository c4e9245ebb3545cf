import type { Channel, ChannelInput, ChannelOutput } from '@switchboard/shared';
import type * as AnswerContractModule from './answer-contract';
import { bridgeMissing, malformedAnswer, transportError, type UiError } from './errors';

type AnswerContract = typeof AnswerContractModule;

// Loaded apart from the start-up bundle by the first call, which the first screen makes once it is drawn, so
// it never competes with the first frame; once here it is used without waiting. A failed load is tried again
// by the next call.
let answerContract: Promise<AnswerContract> | null = null;
let loadedModule: AnswerContract | null = null;
/** The schemas that check what main sends (the channels' answers, the streams' events), loaded once. */
export function loadAnswerContract(): Promise<AnswerContract> {
  if (answerContract) return answerContract;
  const loading = import('./answer-contract');
  answerContract = loading;
  loading.then(
    (module) => (loadedModule = module),
    () => {
      if (answerContract === loading) answerContract = null;
    },
  );
  return loading;
}
// Imported once the page has already loaded (a test harness, a late import), nothing is left to compete with.
if (typeof document !== 'undefined' && document.readyState === 'complete') void loadAnswerContract();

/** The schemas if they have loaded, to be used without waiting; null before. */
export function loadedAnswerContract(): AnswerContract | null {
  return loadedModule;
}

export function contractUnavailable(error: unknown): UiError {
  const reason = error instanceof Error && error.message !== '' ? ` (${error.message.replace(/[.\s]+$/, '')})` : '';
  return {
    kind: 'transport',
    message: `Switchboard could not load the part of the window that checks answers${reason}. Reload the window to try again.`,
  };
}

/** What every call in the renderer settles to: it never rejects. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UiError };

type Args<C extends Channel> = ChannelInput<C> extends undefined ? [] : [ChannelInput<C>];

/** Channels whose output is a `Result` (ok/value or ok/error). */
type ResultChannel = {
  [C in Channel]: ChannelOutput<C> extends { ok: boolean } ? C : never;
}[Channel];
type ValueOf<C extends Channel> = Extract<ChannelOutput<C>, { ok: true }> extends { value: infer V } ? V : never;

/**
 * Calls a channel on `window.switchboard` (Electron preload or browser host alike),
 * checks the answer against the contract, and turns a rejection into a sentence.
 */
export async function invokeSafe<C extends Channel>(channel: C, ...input: Args<C>): Promise<Outcome<ChannelOutput<C>>> {
  if (loadedModule === null) void loadAnswerContract();
  let raw: unknown;
  try {
    if (typeof window.switchboard?.invoke !== 'function') return { ok: false, error: bridgeMissing };
    raw = await window.switchboard.invoke(channel, ...input);
  } catch (error) {
    return { ok: false, error: transportError(error) };
  }
  let contract = loadedModule?.contract ?? null;
  if (contract === null) {
    try {
      ({ contract } = await loadAnswerContract());
    } catch (error) {
      return { ok: false, error: contractUnavailable(error) };
    }
  }
  const parsed = contract[channel].output.safeParse(raw);
  if (!parsed.success) return { ok: false, error: malformedAnswer };
  return { ok: true, value: parsed.data as ChannelOutput<C> };
}

/** A checked answer that is a `Result` flattened into the outcome: its value, or the proxy's error in the same shape. */
export function flattenResult<T>(settled: Outcome<{ ok: true; value: T } | { ok: false; error: UiError }>): Outcome<T> {
  if (!settled.ok) return settled;
  const result = settled.value;
  return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
}

/** Like {@link invokeSafe}, for channels answering a `Result`: flattens the proxy's error into the same shape. */
export async function invokeResult<C extends ResultChannel>(channel: C, ...input: Args<C>): Promise<Outcome<ValueOf<C>>> {
  const settled = await invokeSafe(channel, ...input);
  return flattenResult(settled as Outcome<{ ok: true; value: ValueOf<C> } | { ok: false; error: UiError }>);
}
