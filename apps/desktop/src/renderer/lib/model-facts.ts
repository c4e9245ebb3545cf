import { isChatModel, type MetadataField, type MetadataSource, type Model } from '@switchboard/shared';
import { formatExact, formatTokens, formatUsd } from './format';

/** Shown for anything nobody told us; never 0, which would read as a real value. */
export const UNKNOWN = '—';

const SOURCE_LABELS: Record<MetadataSource, string> = {
  proxy: 'from the proxy',
  'public-map': "from LiteLLM's public price map",
  user: 'entered by you',
};

/** "from the proxy", "from LiteLLM's public price map", "entered by you"; "unknown" when no source said. */
export function sourceLabel(source: MetadataSource | undefined): string {
  return source ? SOURCE_LABELS[source] : 'unknown';
}

export type FactKey = 'context' | 'output' | 'price';

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

function priceFact(model: Model): ModelFact {
  const input = model.inputCostPerMillion;
  const output = model.outputCostPerMillion;
  const unit = 'per M';
  if (input === null && output === null) return { key: 'price', value: UNKNOWN, unit, known: false, title: 'Price per million tokens: unknown', typed: false };
  const text = (value: number | null) => (value === null ? UNKNOWN : formatUsd(value));
  return {
    key: 'price',
    value: `${text(input)} / ${text(output)}`,
    unit,
    known: true,
    title: `Price per million tokens: ${text(input)} input, ${text(output)} output, ${sourcesOf(model, ['inputCostPerMillion', 'outputCostPerMillion'])}`,
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

export type Capability = 'vision' | 'tools' | 'reasoning';

export interface CapabilityBadge {
  capability: Capability;
  title: string;
}

const CAPABILITIES: ReadonlyArray<[Capability, 'supportsVision' | 'supportsTools' | 'supportsReasoning', string]> = [
  ['vision', 'supportsVision', 'Accepts images'],
  ['tools', 'supportsTools', 'Calls tools (function calling)'],
  ['reasoning', 'supportsReasoning', 'Reasons before answering'],
];

/** A badge for each ability the model is known to have; an unknown or absent ability shows none. */
export function capabilityBadges(model: Model): CapabilityBadge[] {
  return CAPABILITIES.filter(([, field]) => model[field] === true).map(([capability, field, what]) => ({
    capability,
    title: `${what}, ${sourceLabel(model.sources[field])}`,
  }));
}

/** "embedding", "image generation", …: a model an agent cannot chat with; null for chat models. */
export function nonChatMode(model: Model): string | null {
  return isChatModel(model) ? null : (model.mode ?? '').replaceAll('_', ' ');
}
