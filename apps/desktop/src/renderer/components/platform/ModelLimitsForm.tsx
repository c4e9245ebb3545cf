import type { Model, ModelLimits } from '@switchboard/shared';
import { useId, useState, type FormEvent } from 'react';
import type { ModelLimitsSaver } from '../../hooks/useModelLimits';
import { draftFrom, limitPlaceholder, limitsFromDraft, typedLimitsText, type LimitDraft } from '../../lib/model-limits';
import { Spinner } from '../ui/Spinner';
import { StatusLineView } from './StatusLineView';

interface ModelLimitsFormProps {
  testIdPrefix: string;
  modelId: string;
  /** The model as the list shows it (undefined while no list is shown). */
  model: Model | undefined;
  /** What the user typed for it before. */
  typed: ModelLimits | undefined;
  /** null while the endpoint is not saved: limits belong to a saved endpoint. */
  saver: ModelLimitsSaver | null;
}

/**
 * A server that lists ids only says nothing about a model's context window or
 * output limit; the user can type them here (blank = unknown). Keyed by model
 * in the panel, so the fields start again for another model.
 */
export function ModelLimitsForm({ testIdPrefix, modelId, model, typed, saver }: ModelLimitsFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<LimitDraft>(() => draftFrom(typed));
  const entered = typedLimitsText(typed);
  const field = (key: keyof LimitDraft, label: string, placeholder: string, testId: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        inputMode="numeric"
        data-testid={testId}
        value={draft[key]}
        placeholder={placeholder}
        disabled={saver === null}
        onChange={(event) => setDraft((current) => ({ ...current, [key]: event.target.value }))}
        autoComplete="off"
      />
    </div>
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!saver) return;
    const parsed = limitsFromDraft(draft);
    if (parsed.ok) void saver.save(modelId, parsed.limits);
    else saver.refuse(parsed.message);
  };

  return (
    <form className="limits-form stack-tight" aria-labelledby={`${id}-title`} noValidate onSubmit={onSubmit} data-testid={`${testIdPrefix}-limits-form`}>
      <h4 id={`${id}-title`} className="section-title">
        Limits of <span className="limits-model">{modelId}</span>
      </h4>
      <p className="field-help" data-testid={`${testIdPrefix}-limit-source`}>
        {saver === null
          ? 'Save this endpoint to enter limits for its models.'
          : (entered ?? 'The server does not say. Type them if you know them; leave a field empty for unknown.')}
      </p>
      <div className="limits-row">
        {field('context', 'Context window (tokens)', limitPlaceholder(model, 'contextLength'), `${testIdPrefix}-limit-context-input`)}
        {field('output', 'Output limit (tokens)', limitPlaceholder(model, 'maxOutputTokens'), `${testIdPrefix}-limit-output-input`)}
        <button
          type="submit"
          className="button"
          data-testid={`${testIdPrefix}-limit-save-button`}
          disabled={saver === null || saver.busy}
          aria-busy={saver?.busy ?? false}
        >
          {saver?.busy ? <Spinner /> : null}
          Save limits
        </button>
      </div>
      <StatusLineView status={saver?.status ?? null} testId={`${testIdPrefix}-limit-status`} />
    </form>
  );
}
