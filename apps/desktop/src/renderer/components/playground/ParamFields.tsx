import { MAX_TOKEN_LIMIT, type GenerationParams } from '@switchboard/shared';
import { NumberField } from './NumberField';
import { StopSequences } from './StopSequences';

interface ParamFieldsProps {
  params: GenerationParams;
  onChange(change: Partial<GenerationParams>): void;
  /** A field's typed text is (or is no longer) a problem: Send waits until none is. */
  onProblem(field: string, problem: string | null): void;
}

const TEMPERATURE = { min: 0, max: 2, integer: false };
const TOP_P = { min: 0, max: 1, integer: false };
const MAX_TOKENS = { min: 1, max: MAX_TOKEN_LIMIT, integer: true };

/** The parameters every model takes; empty means "leave it to the model". */
export function ParamFields({ params, onChange, onProblem }: ParamFieldsProps) {
  return (
    <div className="playground-params">
      <NumberField
        label="Temperature"
        testId="playground-temperature"
        value={params.temperature}
        rule={TEMPERATURE}
        placeholder="model default"
        onChange={(temperature, problem) => {
          onProblem('temperature', problem);
          if (!problem) onChange({ temperature });
        }}
      />
      <NumberField
        label="Top-p"
        testId="playground-top-p"
        value={params.topP}
        rule={TOP_P}
        placeholder="model default"
        onChange={(topP, problem) => {
          onProblem('topP', problem);
          if (!problem) onChange({ topP });
        }}
      />
      <NumberField
        label="Max output tokens"
        testId="playground-max-tokens"
        value={params.maxOutputTokens}
        rule={MAX_TOKENS}
        placeholder="model default"
        onChange={(maxOutputTokens, problem) => {
          onProblem('maxOutputTokens', problem);
          if (!problem) onChange({ maxOutputTokens });
        }}
      />
      <StopSequences value={params.stop} onChange={(stop) => onChange({ stop })} />
    </div>
  );
}
