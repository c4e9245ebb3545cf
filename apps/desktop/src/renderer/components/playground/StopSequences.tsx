import { useId, useState } from 'react';
import { decodeStop, encodeStop } from '../../lib/playground-params';

const MAX_STOPS = 4;

interface StopSequencesProps {
  value: readonly string[];
  onChange(stop: string[]): void;
}

/**
 * Up to four stop sequences, one field each; a field appears once the ones
 * before it are filled. A line break is typed as \n, a tab as \t.
 */
export function StopSequences({ value, onChange }: StopSequencesProps) {
  const id = useId();
  const [typed, setTyped] = useState<string[]>(() => value.map(encodeStop));
  const shown = Math.min(MAX_STOPS, typed.filter((text) => text !== '').length + 1);
  const change = (index: number, text: string) => {
    const next = Array.from({ length: MAX_STOPS }, (_, i) => (i === index ? text : (typed[i] ?? '')));
    setTyped(next);
    onChange(next.filter((entry) => entry !== '').map(decodeStop));
  };
  return (
    <fieldset className="playground-stops">
      <legend>Stop sequences</legend>
      <p id={`${id}-help`} className="field-help">
        The answer ends where one appears. Type a line break as \n.
      </p>
      <div className="playground-stop-fields">
        {Array.from({ length: shown }, (_, index) => (
          <input
            key={index}
            type="text"
            aria-label={`Stop sequence ${index + 1}`}
            aria-describedby={`${id}-help`}
            data-testid={`playground-stop-${index + 1}`}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            value={typed[index] ?? ''}
            onChange={(event) => change(index, event.target.value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
