import { isChatModel, isResponsesOnlyModel, type MetadataField, type MetadataSource, type Model } from '@switchboard/shared';
import { formatExact, formatTokens, formatUsd } from './format';

/** Shown for anything nobody told us; never 0, which would read as a real value. */
const UNKNOWN = '—';

const SOURCE_LABELS: Record<MetadataSource, string> = {
  proxy: 'from the proxy',
  'public-map': "from LiteLLM's public price map",
  user: 'entered by you',
};

/** "from the proxy", "from LiteLLM's public price map", "entered by you"; "unknown" when no source said. */
export function sourceLabel(source: MetadataSource | undefined): string {
  return source ? SOURCE_LABELS[source] : 'unknown';
}

type FactKey = 'context' | 'output' | 'price';

/** One figure in a model's row: its short text, the unit after it, and a tooltip saying what it is and where it came from. */
export interface ModelFact {
  key: FactKey;
  /** "128K", "$2.50 / $10.00", or {@link UNKNOWN}. */
  value: string;
  unit: string;
  known: boolean;
  title: string;
  /** The user typed it (a custom endpoint's limits): the row says so. */
  typed: boolean;
}

function tokensFact(model: Model, field: 'contextLength' | 'maxOutputTokens', key: FactKey, unit: string, what: string): ModelFact {
  const value = model[field];
  if (value === null) return { key, value: UNKNOWN, unit, known: false, title: `${what}: unknown`, typed: false };
  const source = model.sources[field];
  return { key, value: formatTokens(value), unit, known: true, title: `${what}: ${formatExact(value)} tokens, ${sourceLabel(source)}`, typed: source === 'user' };
}

function sourcesOf(model: Model, fields: readonly MetadataField[]): string {
  const labels = [...new Set(fields.map((field) => sourceLabel(model.sources[field])))];
  return labels.join(' and ');
}

const usd = (value: number | null) => (value === null ? UNKNOWN : formatUsd(value));

const CACHE_PRICES: ReadonlyArray<['cacheReadCostPerMillion' | 'cacheWriteCostPerMillion', string]> = [
  ['cacheReadCostPerMillion', 'to read'],
  ['cacheWriteCostPerMillion', 'to write'],
];

/** "; cached input $1.25 to read, $3.75 to write, from the proxy": the prompt cache's prices, where known. */
function cachePrices(model: Model): string {
  const known = CACHE_PRICES.filter(([field]) => model[field] !== null);
  if (known.length === 0) return '';
  const prices = known.map(([field, what]) => `${usd(model[field])} ${what}`).join(', ');
  return `; cached input ${prices}, ${sourcesOf(model, known.map(([field]) => field))}`;
}

function priceFact(model: Model): ModelFact {
  const input = model.inputCostPerMillion;
  const output = model.outputCostPerMillion;
  const unit = 'per M';
  if (input === null && output === null) return { key: 'price', value: UNKNOWN, unit, known: false, title: 'Price per million tokens: unknown', typed: false };
  const from = sourcesOf(model, ['inputCostPerMillion', 'outputCostPerMillion']);
  // The catalog keeps a 0 only where it is real (a placeholder arrives as null), so 0 and 0 is a free model.
  if (input === 0 && output === 0) {
    return { key: 'price', value: 'Free', unit: '', known: true, title: `Free: $0 input, $0 output per million tokens, ${from}${cachePrices(model)}`, typed: false };
  }
  return {
    key: 'price',
    value: `${usd(input)} / ${usd(output)}`,
    unit,
    known: true,
    title: `Price per million tokens: ${usd(input)} input, ${usd(output)} output, ${from}${cachePrices(model)}`,
    typed: false,
  };
}

/** Context window, output limit and price, always in that order, so rows line up; unknown ones say so. */
export function modelFacts(model: Model): ModelFact[] {
  return [
    tokensFact(model, 'contextLength', 'context', 'ctx', 'Context window'),
    tokensFact(model, 'maxOutputTokens', 'output', 'out', 'Maximum output'),
    priceFact(model),
  ];
}

type Capability = 'vision' | 'tools' | 'reasoning' | 'pdf' | 'web-search' | 'prompt-caching';

type CapabilityField = 'supportsVision' | 'supportsTools' | 'supportsReasoning' | 'supportsPdf' | 'supportsWebSearch' | 'supportsPromptCaching';

export interface CapabilityBadge {
  capability: Capability;
  /** What the badge says: a word or two, so the badges stay on one line. */
  label: string;
  title: string;
}

const CAPABILITIES: ReadonlyArray<[Capability, CapabilityField, string, string]> = [
  ['vision', 'supportsVision', 'vision', 'Accepts images'],
  ['tools', 'supportsTools', 'tools', 'Calls tools (function calling)'],
  ['reasoning', 'supportsReasoning', 'reasoning', 'Reasons before answering'],
  ['pdf', 'supportsPdf', 'PDF', 'Accepts PDF files as input'],
  ['web-search', 'supportsWebSearch', 'web search', 'Can search the web while answering'],
  ['prompt-caching', 'supportsPromptCaching', 'caching', 'Caches prompts, so repeated input costs less'],
];

/** A badge for each ability the model is known to have; an unknown or absent ability shows none. */
export function capabilityBadges(model: Model): CapabilityBadge[] {
  return CAPABILITIES.filter(([, field]) => model[field] === true).map(([capability, field, label, what]) => ({
    capability,
    label,
    title: `${what}, ${sourceLabel(model.sources[field])}`,
  }));
}

/** The badge of a model an agent cannot chat with: its mode, or that it speaks only the Responses API. */
export interface ModeBadge {
  kind: 'mode' | 'responses-only';
  label: string;
  title: string;
}

/** "embedding", "image generation", "Responses API only": a model an agent cannot chat with; null for chat models. */
export function modeBadge(model: Model): ModeBadge | null {
  if (isResponsesOnlyModel(model)) {
    return {
      kind: 'responses-only',
      label: 'Responses API only',
      title:
        'Speaks only the OpenAI Responses API (/v1/responses): agents that call /v1/chat/completions, such as opencode with an OpenAI-compatible provider, cannot use it',
    };
  }
  if (isChatModel(model)) return null;
  const mode = (model.mode ?? '').replaceAll('_', ' ');
  return { kind: 'mode', label: mode, title: `Mode: ${mode}` };
}

/** The model behind an alias ("anthropic/claude-3-5-sonnet-20241022"), when it says more than the id itself. */
export function underlyingOf(model: Model): string | null {
  const { underlying } = model;
  return underlying && underlying !== model.id ? underlying : null;
}
