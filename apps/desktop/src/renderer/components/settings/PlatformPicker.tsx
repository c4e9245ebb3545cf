import type { PlatformDescriptor, PlatformId } from '../../lib/platforms';

interface PlatformPickerProps {
  platforms: readonly PlatformDescriptor[];
  selectedId: PlatformId | null;
  onSelect(id: PlatformId): void;
}

/** One toggle button per platform, named by the platform; its description says what it is. */
export function PlatformPicker({ platforms, selectedId, onSelect }: PlatformPickerProps) {
  return (
    <div role="group" aria-label="Platforms" className="platform-picker">
      {platforms.map((platform) => {
        const summaryId = `platform-summary-${platform.id}`;
        return (
          <button
            key={platform.id}
            type="button"
            className="platform-button"
            aria-label={platform.displayName}
            aria-describedby={summaryId}
            aria-pressed={platform.id === selectedId}
            data-testid={`platform-${platform.id}-button`}
            onClick={() => onSelect(platform.id)}
          >
            <span className="platform-name">{platform.displayName}</span>
            <span className="platform-summary" id={summaryId}>
              {platform.description}
            </span>
          </button>
        );
      })}
    </div>
  );
}
