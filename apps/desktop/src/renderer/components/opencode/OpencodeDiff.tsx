import { useMemo } from 'react';
import type { OpencodePreview } from '@switchboard/shared';
import { countChanges, diffRows } from '../../lib/opencode-diff';

interface OpencodeDiffProps {
  diff: OpencodePreview['diff'];
  /** The diff's test id: opencode's, or an agent's (`agent-<id>-diff`) in Settings › Agents. */
  testId?: string;
}

/** The change to the config file, written out as a unified diff: added lines green, removed lines red, hunks marked. */
export function OpencodeDiff({ diff, testId = 'opencode-config-diff' }: OpencodeDiffProps) {
  const lines = useMemo(() => diffRows(diff), [diff]);
  const { added, removed } = useMemo(() => countChanges(diff), [diff]);

  return (
    <figure className="opencode-diff-figure">
      <figcaption className="field-help">
        {added} line{added === 1 ? '' : 's'} added, {removed} removed
      </figcaption>
      {/* Focusable so the keyboard can scroll it. */}
      <pre className="opencode-diff" data-testid={testId} tabIndex={0}>
        {lines.map((line, index) => (
          <span key={index} className={`diff-line diff-${line.kind}`} data-kind={line.kind}>
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}
