import type { Model } from '@switchboard/shared';
import type { PlaygroundRun } from './playground-run';

/** One line of the metrics: what it is, and its value or "unknown". */
interface Metric {
  key: string;
  label: string;
  value: string;
}

const UNKNOWN = 'unknown';

const ms = (value: number | null): string => (value === null ? UNKNOWN : value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`);
const count = (value: number | null | undefined): string => (value === null || value === undefined ? UNKNOWN : String(value));

/** "$0.000123": the cost of one answer is small; three significant digits say it. */
function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  return usd >= 0.01 ? `$${usd.toFixed(4)}` : `$${Number(usd.toPrecision(3))}`;
}

/** Core's figures where it sent them; the renderer's own clock for a run stopped before core's last word. */
function timings(run: PlaygroundRun): { firstTokenMs: number | null; totalMs: number | null } {
  if (run.finish) return { firstTokenMs: run.finish.firstTokenMs, totalMs: run.finish.totalMs };
  const start = run.startedAt;
  if (start === null) return { firstTokenMs: null, totalMs: null };
  return { firstTokenMs: run.firstTokenAt === null ? null : run.firstTokenAt - start, totalMs: run.endedAt === null ? null : run.endedAt - start };
}

/** Completion tokens over the time they took to arrive (first token to last). */
export function tokensPerSecond(completionTokens: number | null, firstTokenMs: number | null, totalMs: number | null): number | null {
  if (completionTokens === null || firstTokenMs === null || totalMs === null) return null;
  const seconds = (totalMs - firstTokenMs) / 1000;
  return seconds > 0 && completionTokens > 0 ? completionTokens / seconds : null;
}

/** The catalog's prices times the tokens; null when a price (or a count) it needs is not known. */
export function costOf(model: Model | undefined, promptTokens: number | null, completionTokens: number | null): number | null {
  if (!model || promptTokens === null || completionTokens === null) return null;
  const input = model.inputCostPerMillion;
  const output = model.outputCostPerMillion;
  if ((promptTokens > 0 && input === null) || (completionTokens > 0 && output === null)) return null;
  return (promptTokens * (input ?? 0) + completionTokens * (output ?? 0)) / 1_000_000;
}

/** What `playground-metrics` shows for a run that has ended. */
export function runMetrics(run: PlaygroundRun, model: Model | undefined): Metric[] {
  const { firstTokenMs, totalMs } = timings(run);
  const usage = run.usage;
  const completion = usage?.completionTokens ?? null;
  const rate = tokensPerSecond(completion, firstTokenMs, totalMs);
  const cost = costOf(model, usage?.promptTokens ?? null, completion);
  const finish = run.finish;
  const metrics: Metric[] = [
    { key: 'first-token', label: 'Time to first token', value: ms(firstTokenMs) },
    { key: 'total-time', label: 'Total time', value: ms(totalMs) },
    { key: 'tokens-per-second', label: 'Tokens per second', value: rate === null ? UNKNOWN : rate.toFixed(1) },
    { key: 'prompt-tokens', label: 'Prompt tokens', value: count(usage?.promptTokens) },
    { key: 'completion-tokens', label: 'Completion tokens', value: count(completion) },
    { key: 'total-tokens', label: 'Total tokens', value: count(usage?.totalTokens) },
    { key: 'cost', label: 'Cost (catalog prices)', value: cost === null ? UNKNOWN : formatCost(cost) },
    { key: 'answered-by', label: 'Answered by', value: finish?.answeredBy ?? UNKNOWN },
    { key: 'finish-reason', label: 'Finish reason', value: finish?.finishReason ?? UNKNOWN },
  ];
  if (usage?.reasoningTokens) metrics.splice(5, 0, { key: 'reasoning-tokens', label: 'Reasoning tokens', value: String(usage.reasoningTokens) });
  // LiteLLM's own headers: only a LiteLLM proxy sends them.
  if (finish?.callId) metrics.push({ key: 'call-id', label: 'LiteLLM call id', value: finish.callId });
  if (finish?.responseCost !== null && finish?.responseCost !== undefined) {
    metrics.push({ key: 'response-cost', label: 'LiteLLM response cost', value: formatCost(finish.responseCost) });
  }
  return metrics;
}
