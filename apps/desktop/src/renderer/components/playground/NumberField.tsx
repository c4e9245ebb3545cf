import { useId, useState } from 'react';
import { readNumber, type NumberRule } from '../../lib/playground-params';

interface NumberFieldProps {
  label: string;
  testId: string;
  value: number | null;
  rule: NumberRule;
  placeholder: string;
  /** A valid value (null: empty, left to the model), or `problem` while the typed text is not one. */
  onChange(value: number | null, problem: string | null): void;
}

/**
 * A number the person may leave empty. What is typed stays as typed while it
 * is not a valid number (the sentence under it says why); the parent keeps
 * only valid values, and remounts the field (by key) when a kept draft
 * replaces them.
 */
export function NumberField({ label, testId, value, rule, placeholder, onChange }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="field playground-param">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={rule.integer ? 'numeric' : 'decimal'}
        data-testid={testId}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          const read = readNumber(event.target.value, label, rule);
          setProblem(read.problem);
          onChange(read.value, read.problem);
        }}
      />
      {problem ? (
        <p id={`${id}-problem`} className="field-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
