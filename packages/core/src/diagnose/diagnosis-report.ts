import type { DiagnosisStepEvent } from '@switchboard/shared';
import type { ProbeRequest } from './probe.js';

/** The settings a reproducing `curl` needs besides the request. */
export interface ReportSetting {
  keyVariable: string;
  proxy: string | null;
  caFile: string | null;
  /** Custom headers: a secret one as the variable `switchboard run` sets for it, never its value. */
  headers: ReadonlyArray<{ name: string; value: string } | { name: string; variable: string }>;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as a `curl`: the key as the variable `switchboard run` sets,
 * the route's proxy, CA file and headers with it. The key goes in
 * `--oauth2-bearer`, not a `Bearer …` header: the redactor every event
 * passes masks whatever follows "Bearer", the variable's name included.
 */
function reproduce(request: ProbeRequest, setting: ReportSetting): string {
  const keyed = Object.keys(request.headers).some((name) => name.toLowerCase() === 'authorization');
  const extra: string[] = [];
  for (const header of setting.headers) {
    extra.push('value' in header ? `-H ${shellQuote(`${header.name}: ${header.value}`)}` : `-H "${header.name.replace(/[^A-Za-z0-9-]/g, '')}: $${header.variable}"`);
  }
  if (setting.proxy !== null) extra.push(`--proxy ${shellQuote(setting.proxy)}`);
  if (setting.caFile !== null) extra.push(`--cacert ${shellQuote(setting.caFile)}`);
  const head = [`curl -sS -i ${request.method === 'POST' ? '-X POST ' : ''}${shellQuote(request.url)}`];
  if (keyed) head.push(`--oauth2-bearer "$${setting.keyVariable}"`);
  if (request.body !== undefined) head.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(request.body))}`);
  return [...head, ...extra].join(' \\\n  ');
}

function line(event: DiagnosisStepEvent): string {
  const time = event.ms === null ? '' : ` (${Math.round(event.ms)} ms)`;
  const fix = event.fix === null ? '' : `\n         → ${event.fix}`;
  return `${event.step.padEnd(8)} ${event.state.toUpperCase()}${time}: ${event.detail}${fix}`;
}

/** Plain text for Copy report: each step as it ended, then the request to run by hand. */
export function diagnosisReport(heading: string, steps: readonly DiagnosisStepEvent[], request: ProbeRequest | null, setting: ReportSetting): string {
  const parts = [heading, '', ...steps.map(line)];
  if (request !== null) parts.push('', 'To reproduce the last request (set the variable to the key first):', reproduce(request, setting));
  return parts.join('\n').slice(0, 100_000);
}
