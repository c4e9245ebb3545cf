import type { CSSProperties } from 'react';
import { plural } from '../../lib/format';
import type { GroupRow } from '../../lib/model-rows';

/** A provider heading inside the listbox; presentational, so the listbox only holds options. */
export function ModelGroupHeader({ row, style }: { row: GroupRow; style: CSSProperties }) {
  return (
    <div role="presentation" className="model-group" style={style} data-group={row.label}>
      <span className="model-group-name">{row.label}</span>
      <span className="model-group-count">{plural(row.count, 'model', 'models')}</span>
    </div>
  );
}
