import { REASONING_EFFORTS, type GenerationParams } from '@switchboard/shared';
import { useId } from 'react';
import { schemaProblem, type CapabilityControls, type ResponseFormatType } from '../../lib/playground-params';

interface CapabilityFieldsProps {
  controls: CapabilityControls;
  params: GenerationParams;
  onChange(change: Partial<GenerationParams>): void;
}

const FORMAT_LABELS: Record<ResponseFormatType, string> = { text: 'Text', json_object: 'JSON object', json_schema: 'JSON schema' };

const EXAMPLE_SCHEMA = '{\n  "type": "object",\n  "properties": { "answer": { "type": "string" } },\n  "required": ["answer"]\n}';

/** Reasoning effort and the response format: only where the model's metadata says it takes them. */
export function CapabilityFields({ controls, params, onChange }: CapabilityFieldsProps) {
  const id = useId();
  const format = controls.responseFormats.includes(params.responseFormat.type) ? params.responseFormat : { type: 'text' as const };
  const schemaText = format.type === 'json_schema' ? format.schema : '';
  const problem = format.type === 'json_schema' ? schemaProblem(schemaText) : null;
  if (!controls.reasoningEffort && controls.responseFormats.length < 2) return null;

  const chooseFormat = (type: ResponseFormatType) => {
    if (type === 'json_schema') onChange({ responseFormat: { type, schema: params.responseFormat.type === 'json_schema' ? params.responseFormat.schema : EXAMPLE_SCHEMA } });
    else onChange({ responseFormat: { type } });
  };

  return (
    <div className="playground-params">
      {controls.reasoningEffort ? (
        <div className="field playground-param">
          <label htmlFor={`${id}-effort`}>Reasoning effort</label>
          <select
            id={`${id}-effort`}
            data-testid="playground-reasoning-effort"
            value={params.reasoningEffort ?? ''}
            onChange={(event) => onChange({ reasoningEffort: REASONING_EFFORTS.find((effort) => effort === event.target.value) ?? null })}
          >
            <option value="">Model default</option>
            {REASONING_EFFORTS.map((effort) => (
              <option key={effort} value={effort}>
                {effort}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {controls.responseFormats.length > 1 ? (
        <div className="field playground-param">
          <label htmlFor={`${id}-format`}>Response format</label>
          <select
            id={`${id}-format`}
            data-testid="playground-response-format"
            value={format.type}
            onChange={(event) => chooseFormat(controls.responseFormats.find((type) => type === event.target.value) ?? 'text')}
          >
            {controls.responseFormats.map((type) => (
              <option key={type} value={type}>
                {FORMAT_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {format.type === 'json_schema' ? (
        <div className="field playground-schema">
          <label htmlFor={`${id}-schema`}>JSON schema</label>
          <textarea
            id={`${id}-schema`}
            data-testid="playground-json-schema"
            className="playground-code"
            rows={6}
            spellCheck={false}
            value={schemaText}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-schema-problem` : undefined}
            onChange={(event) => onChange({ responseFormat: { type: 'json_schema', schema: event.target.value } })}
          />
          {problem ? (
            <p id={`${id}-schema-problem`} className="field-error" data-testid="playground-json-schema-problem">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
