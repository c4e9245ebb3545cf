import { memo } from 'react';
import { plural } from '../../lib/format';
import type { GroupRow } from '../../lib/model-rows';

interface ModelGroupHeaderProps {
  row: GroupRow;
  start: number;
  height: number;
}

/** A provider heading inside the listbox with its model count; presentational, so the listbox only holds options. */
export const ModelGroupHeader = memo(function ModelGroupHeader({ row, start, height }: ModelGroupHeaderProps) {
  return (
    <div role="presentation" className="model-group" style={{ height, transform: `translateY(${start}px)` }} data-group={row.label}>
      <span className="model-group-name">{row.label}</span>
      <span className="model-group-count">{plural(row.count, 'model', 'models')}</span>
    </div>
  );
});
