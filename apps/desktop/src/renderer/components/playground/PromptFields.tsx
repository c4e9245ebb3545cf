import type { PlaygroundDraft } from '@switchboard/shared';
import { useId } from 'react';

interface PromptFieldsProps {
  draft: PlaygroundDraft;
  /** The model's kept draft is still being read: typing now would be overwritten. */
  disabled: boolean;
  onChange(change: Partial<PlaygroundDraft>): void;
}

const MAX_CHARS = 100_000;

/** The system prompt (optional) and the prompt; Ctrl+Enter (⌘Enter) in either sends. */
export function PromptFields({ draft, disabled, onChange }: PromptFieldsProps) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-system`}>
          System prompt <span className="muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-system`}
          data-testid="playground-system"
          className="playground-textarea"
          rows={2}
          maxLength={MAX_CHARS}
          placeholder="You are a helpful assistant."
          value={draft.system}
          readOnly={disabled}
          onChange={(event) => onChange({ system: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-prompt`}>Prompt</label>
        <textarea
          id={`${id}-prompt`}
          data-testid="playground-prompt"
          className="playground-textarea"
          rows={5}
          maxLength={MAX_CHARS}
          placeholder="Ask the model something"
          aria-describedby={`${id}-prompt-help`}
          value={draft.prompt}
          readOnly={disabled}
          onChange={(event) => onChange({ prompt: event.target.value })}
        />
        <p id={`${id}-prompt-help`} className="field-help">
          Ctrl+Enter (⌘Enter on a Mac) sends.
        </p>
      </div>
    </>
  );
}
