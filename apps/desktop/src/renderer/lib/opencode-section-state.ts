import type { OpencodePreview, WrittenConfig } from '@switchboard/shared';
import type { UiError } from './errors';
import { errorLine, type StatusLine } from './status-line';

/** What the opencode part of a platform panel shows after Use This Model. */
export interface OpencodeSectionState {
  busy: 'previewing' | 'writing' | null;
  /** The change waiting for Write config; null when none is shown. */
  preview: OpencodePreview | null;
  status: StatusLine | null;
  /** The file changed after the preview (or could not be written): offer to look at the change again. */
  reviewAgain: boolean;
}

export type OpencodeSectionAction =
  | { type: 'preview-started' }
  | { type: 'preview-succeeded'; preview: OpencodePreview }
  | { type: 'preview-failed'; error: UiError }
  | { type: 'write-started'; reviewed: boolean }
  | { type: 'write-succeeded'; written: WrittenConfig; reviewed: boolean }
  | { type: 'write-failed'; error: UiError };

export const initialOpencodeSection: OpencodeSectionState = { busy: null, preview: null, status: null, reviewAgain: false };

/** "Written to …; the previous file is kept at …", or "Created …" for a new file. */
function writtenSentence({ path, backupPath }: WrittenConfig): string {
  return backupPath === null ? `Created ${path}` : `Written to ${path}; the previous file is kept at ${backupPath}`;
}

/** What a write made by "keep opencode in sync" says. */
function syncedSentence({ path, backupPath }: WrittenConfig): string {
  const backup = backupPath === null ? ' (a new file)' : ` (the previous file is kept at ${backupPath})`;
  return `opencode config updated: ${path}${backup}`;
}

export function opencodeSectionReducer(state: OpencodeSectionState, action: OpencodeSectionAction): OpencodeSectionState {
  switch (action.type) {
    case 'preview-started':
      return {
        busy: 'previewing',
        preview: null,
        reviewAgain: false,
        status: { tone: 'progress', text: 'Working out the change to the opencode config…' },
      };
    case 'preview-succeeded':
      return { ...state, busy: null, preview: action.preview, status: null };
    case 'preview-failed':
      return { ...state, busy: null, preview: null, status: errorLine(action.error) };
    case 'write-started':
      return {
        ...state,
        busy: 'writing',
        preview: action.reviewed ? state.preview : null,
        reviewAgain: false,
        status: { tone: 'progress', text: 'Writing the opencode config…' },
      };
    case 'write-succeeded': {
      const text = action.reviewed ? writtenSentence(action.written) : syncedSentence(action.written);
      return { busy: null, preview: null, reviewAgain: false, status: { tone: 'success', text } };
    }
    case 'write-failed': {
      // The diff on screen is no longer what a write would do: hide it and offer a fresh look.
      const stale = action.error.kind === 'config-write';
      return { ...state, busy: null, preview: stale ? null : state.preview, reviewAgain: stale, status: errorLine(action.error) };
    }
  }
}
