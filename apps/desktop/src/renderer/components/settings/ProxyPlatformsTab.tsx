import { useState } from 'react';
import { PLATFORMS, platformById, type PlatformId } from '../../lib/platforms';
import type { PlatformChange, SavedChoice } from '../../lib/saved-choices';
import { NamedInstancesPanel } from '../platform/NamedInstancesPanel';
import { PlatformPanel } from '../platform/PlatformPanel';
import { PlatformPicker } from './PlatformPicker';

interface ProxyPlatformsTabProps {
  /** The choice in use: its platform (and endpoint) open first. */
  current: SavedChoice | null;
  onChange(change: PlatformChange): void;
}

export function ProxyPlatformsTab({ current, onChange }: ProxyPlatformsTabProps) {
  const [chosen, setChosen] = useState<PlatformId | null>(null);
  // The platform in use is open by default; otherwise the user picks one.
  const selectedId = chosen ?? current?.instance.platform.id ?? null;
  // Once a platform is shown it stays: its panel's first word (loaded, saved, disconnected) pins it, so
  // disconnecting it does not close the panel under the user.
  const onPanelChange = (change: PlatformChange) => {
    if (chosen === null) setChosen(change.instance.platform.id);
    onChange(change);
  };
  const platform = selectedId ? platformById(selectedId) : null;

  return (
    <div className="stack">
      <div>
        <h3 className="panel-title">Proxy Platforms</h3>
        <p className="muted">Choose where your LLM traffic goes.</p>
      </div>
      <PlatformPicker platforms={PLATFORMS} selectedId={selectedId} onSelect={setChosen} />
      {platform === null ? (
        <p className="hint-card">Select a platform to set it up.</p>
      ) : platform.instances === 'named' ? (
        <NamedInstancesPanel
          key={platform.id}
          platform={platform}
          preferredId={current?.instance.platform === platform ? current.instance.endpointId : null}
          onChange={onPanelChange}
        />
      ) : (
        <PlatformPanel key={platform.id} instance={{ platform, endpointId: null }} onChange={onPanelChange} />
      )}
    </div>
  );
}
