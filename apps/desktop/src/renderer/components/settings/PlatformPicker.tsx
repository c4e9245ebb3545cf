import type { PlatformDescriptor } from '../../lib/platforms';

interface PlatformPickerProps {
  platforms: readonly PlatformDescriptor[];
  selectedId: string | null;
  onSelect(id: string): void;
}

/** One toggle button per platform; a planned platform is shown disabled. */
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
            aria-label={platform.label}
            aria-describedby={summaryId}
            aria-pressed={platform.id === selectedId}
            disabled={!platform.available}
            data-testid={`platform-${platform.id}-button`}
            onClick={() => onSelect(platform.id)}
          >
            <span className="platform-name">{platform.label}</span>
            <span className="platform-summary" id={summaryId}>
              {platform.summary}
            </span>
          </button>
        );
      })}
    </div>
  );
}
