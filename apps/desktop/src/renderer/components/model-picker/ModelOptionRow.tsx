import type { Model, ModelHealth } from '@switchboard/shared';
import { memo, useContext } from 'react';
import { ShownModelHealthContext } from '../../hooks/useModelHealth';
import { titleOf } from '../../lib/catalog-index';
import { checkFailed } from '../../lib/model-health';
import { formatAbsoluteTime } from '../../lib/format';
import { capabilityBadges, modelFacts, modeBadge, underlyingOf } from '../../lib/model-facts';
import { Icon } from '../ui/Icon';
import { Highlighted } from './Highlighted';

export interface ModelOptionRowProps {
  model: Model;
  /** DOM id, for aria-activedescendant. */
  id: string;
  ordinal: number;
  setSize: number;
  selected: boolean;
  active: boolean;
  /** The model saved as the one in use. */
  current: boolean;
  /** Search matches in the name and in the id. */
  titleRanges: readonly number[];
  idRanges: readonly number[];
  /** Where the virtual list puts the row. */
  start: number;
  height: number;
  onChoose(ordinal: number): void;
}

/**
 * One model: name and badges; its id, the model behind an alias and the admin's description on one line under it;
 * then context window, output limit and price, each saying where it came from. Two lines whatever the model says,
 * so every row has the height the virtual list gives it.
 */
function OptionRow({ model, id, ordinal, setSize, selected, active, current, titleRanges, idRanges, start, height, onChoose }: ModelOptionRowProps) {
  const title = titleOf(model);
  const mode = modeBadge(model);
  const underlying = underlyingOf(model);
  const showId = title !== model.id;
  // From the picker's parent, so the picker passes nothing; the row re-renders when a check changes it.
  const health = useContext(ShownModelHealthContext)?.[model.id];
  const failed = checkFailed(health) ? health : null;
  return (
    <div
      role="option"
      id={id}
      aria-selected={selected}
      aria-posinset={ordinal + 1}
      aria-setsize={setSize}
      data-model-id={model.id}
      data-active={active || undefined}
      data-current={current || undefined}
      className="model-option"
      style={{ height, transform: `translateY(${start}px)` }}
      // Keep focus in the search input, as the combobox pattern expects.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onChoose(ordinal)}
    >
      <span className="model-option-check">{selected ? <Icon name="check" /> : null}</span>
      <span className="model-option-main">
        <span className="model-option-title">
          <span className="model-option-name">
            <Highlighted text={title} ranges={titleRanges} />
          </span>
          {current ? (
            <span className="badge" data-badge="current" title="The model Switchboard is set to use">
              current
            </span>
          ) : null}
          {failed ? (
            <span className="badge badge-danger" data-badge="check-failed" data-state={failed.state} title={failedCheckTitle(failed)}>
              {failed.state === 'timeout' ? 'check timed out' : 'check failed'}
            </span>
          ) : null}
          {mode ? (
            <span className="badge badge-neutral" data-badge={mode.kind} title={mode.title}>
              {mode.label}
            </span>
          ) : null}
          {capabilityBadges(model).map((badge) => (
            <span key={badge.capability} className="badge badge-capability" data-capability={badge.capability} title={badge.title}>
              {badge.label}
            </span>
          ))}
        </span>
        {showId || underlying || model.description ? (
          <span className="model-option-sub">
            {showId ? (
              <span className="model-option-id">
                <Highlighted text={model.id} ranges={idRanges} />
              </span>
            ) : null}
            {underlying ? (
              <span className="model-option-underlying" data-testid="model-row-underlying" title={`Served by ${underlying}`}>
                → {underlying}
              </span>
            ) : null}
            {model.description ? (
              <span className="model-option-description" data-testid="model-row-description" title={model.description}>
                {model.description}
              </span>
            ) : null}
          </span>
        ) : null}
      </span>
      <span className="model-option-facts">
        {modelFacts(model).map((fact) => (
          <span key={fact.key} className="fact" data-fact={fact.key} data-known={fact.known} data-typed={fact.typed || undefined} title={fact.title}>
            {fact.known ? (
              <span className="fact-value">{fact.value}</span>
            ) : (
              <>
                <span className="fact-value" aria-hidden="true">
                  {fact.value}
                </span>
                <span className="visually-hidden">unknown</span>
              </>
            )}
            {fact.unit ? <span className="fact-unit"> {fact.unit}</span> : null}
            {fact.typed ? (
              <span className="fact-typed">
                <span aria-hidden="true"> · you</span>
                <span className="visually-hidden">, entered by you</span>
              </span>
            ) : null}
          </span>
        ))}
      </span>
    </div>
  );
}

/** "Last check (22 Nov 2026, 14:05:09) failed: <sentence>", in the badge's tooltip. */
function failedCheckTitle(health: ModelHealth): string {
  const what = health.state === 'timeout' ? 'timed out' : 'failed';
  return `Last check (${formatAbsoluteTime(health.checkedAt)}) ${what}${health.message ? `: ${health.message}` : ''}. Check it again from its platform's settings.`;
}

const sameRanges = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** Rows re-render only when something they show changes: a keystroke re-renders the rows in view, not the list. */
export const ModelOptionRow = memo(OptionRow, (before, after) => {
  for (const key of Object.keys(after) as Array<keyof ModelOptionRowProps>) {
    if (key === 'titleRanges' || key === 'idRanges') {
      if (!sameRanges(before[key], after[key])) return false;
    } else if (before[key] !== after[key]) {
      return false;
    }
  }
  return true;
});
