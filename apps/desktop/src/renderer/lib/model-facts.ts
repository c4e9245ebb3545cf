import { isChatModel, type Model } from '@switchboard/shared';
import { formatTokens } from './format';

function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (value >= 1) return `$${Number.isInteger(value) ? value : value.toFixed(2)}`;
  return `$${Number(value.toPrecision(2))}`;
}

/** The known facts about a model, as short phrases; unknown ones are left out, never shown as 0. */
export function modelFacts(model: Model): string[] {
  const facts: string[] = [];
  if (model.contextLength) facts.push(`${formatTokens(model.contextLength)} context`);
  if (model.maxOutputTokens) facts.push(`${formatTokens(model.maxOutputTokens)} output`);
  if (model.inputCostPerMillion !== null && model.outputCostPerMillion !== null) {
    facts.push(`${formatUsd(model.inputCostPerMillion)} in / ${formatUsd(model.outputCostPerMillion)} out per 1M`);
  }
  const abilities = [
    model.supportsVision ? 'vision' : null,
    model.supportsTools ? 'tools' : null,
    model.supportsReasoning ? 'reasoning' : null,
  ].filter((ability): ability is string => ability !== null);
  if (abilities.length > 0) facts.push(abilities.join(', '));
  return facts;
}

/** "embedding", "image_generation", …: a model an agent cannot chat with; null for chat models. */
export function nonChatMode(model: Model): string | null {
  return isChatModel(model) ? null : model.mode;
}
