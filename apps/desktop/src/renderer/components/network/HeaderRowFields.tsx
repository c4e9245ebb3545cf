import { secretPlaceholder } from '../../lib/secret-field';
import type { HeaderRow } from '../../lib/header-rows';

interface HeaderRowFieldsProps {
  id: string;
  row: HeaderRow;
  onEdit(change: Partial<HeaderRow>): void;
  onRemove(): void;
}

/** One custom header: a secret one's value is typed like a key and never shown back once stored. */
export function HeaderRowFields({ id, row, onEdit, onRemove }: HeaderRowFieldsProps) {
  return (
    <li className="header-row" data-testid="network-header-row">
      <div className="field">
        <label htmlFor={`${id}-name`}>Header name</label>
        <input id={`${id}-name`} type="text" value={row.name} placeholder="x-litellm-api-key" onChange={(event) => onEdit({ name: event.target.value })} autoComplete="off" spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-value`}>Header value</label>
        {row.secret ? (
          <input
            id={`${id}-value`}
            type="password"
            value={row.secretValue.typed}
            placeholder={secretPlaceholder(row.secretValue)}
            onChange={(event) => onEdit({ secretValue: { ...row.secretValue, typed: event.target.value } })}
            autoComplete="off"
          />
        ) : (
          <input id={`${id}-value`} type="text" value={row.value} onChange={(event) => onEdit({ value: event.target.value })} autoComplete="off" spellCheck={false} />
        )}
      </div>
      <label className="checkbox-option">
        {/* Turning a plain value into a secret moves what is typed along, so nothing typed is lost. */}
        <input
          type="checkbox"
          checked={row.secret}
          onChange={(event) =>
            onEdit(
              event.target.checked
                ? { secret: true, value: '', secretValue: { ...row.secretValue, typed: row.value } }
                : { secret: false, value: row.secretValue.typed, secretValue: { ...row.secretValue, typed: '' } },
            )
          }
        />
        Secret
      </label>
      <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove header ${row.name.trim() || 'without a name'}`}>
        Remove
      </button>
    </li>
  );
}
