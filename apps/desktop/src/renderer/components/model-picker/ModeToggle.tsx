interface ModeToggleProps {
  testId: string;
  /** How many embedding, image, audio, Responses-API-only and other non-chat models the list has. */
  count: number;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** Non-chat models are hidden by default: an agent calling /v1/chat/completions cannot talk to them. The switch says how many there are. */
export function ModeToggle({ testId, count, checked, onChange }: ModeToggleProps) {
  return (
    <label className="mode-toggle" title="Embedding, image, audio, Responses-API-only and other models an agent cannot chat with through /v1/chat/completions">
      <input
        type="checkbox"
        role="switch"
        data-testid={testId}
        checked={checked}
        disabled={count === 0 && !checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      Show non-chat models ({count})
    </label>
  );
}
