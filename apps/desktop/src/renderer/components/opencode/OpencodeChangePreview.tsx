import type { OpencodePreview } from '@switchboard/shared';
import { OpencodeDiff } from './OpencodeDiff';

interface OpencodeChangePreviewProps {
  preview: OpencodePreview;
}

/** What Write config would do to the file, shown in place before anything is written. */
export function OpencodeChangePreview({ preview }: OpencodeChangePreviewProps) {
  return (
    <div className="stack-tight" data-testid="opencode-config-preview">
      <p>
        {preview.changed ? 'Change to ' : 'opencode config: '}
        <code className="opencode-path" data-testid="opencode-config-path">
          {preview.filePath}
        </code>
      </p>
      {preview.keyInPlainText ? (
        <p className="opencode-warning" data-testid="opencode-plain-key-notice">
          <strong>The API key goes into this file in plain text.</strong> Switchboard makes the file readable by you only. To keep
          the key in the keychain instead, turn off “Write the API key into the config file” in Settings › opencode.
        </p>
      ) : null}
      {preview.responsesOnlyLeftOut.length > 0 ? <ResponsesOnlyNote ids={preview.responsesOnlyLeftOut} /> : null}
      {preview.changed ? (
        <OpencodeDiff diff={preview.diff} />
      ) : (
        <p className="muted" data-testid="opencode-config-unchanged">
          No changes: opencode already uses this model
        </p>
      )}
    </div>
  );
}

/** Which models the entry leaves out because they only speak the Responses API, and how to have them written. */
function ResponsesOnlyNote({ ids }: { ids: readonly string[] }) {
  const which = ids.length === 1 ? 'model that only speaks' : `${ids.length} models that only speak`;
  return (
    <p className="muted" data-testid="opencode-responses-only-note">
      Left out: the {which} the Responses API ({ids.join(', ')}), which opencode’s OpenAI-compatible provider cannot call. To
      write {ids.length === 1 ? 'it' : 'them'} too, turn on “Also write models that only speak the Responses API” in Settings ›
      opencode.
    </p>
  );
}
