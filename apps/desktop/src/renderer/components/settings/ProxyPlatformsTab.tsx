import type { LiteLLMConfigView } from '@switchboard/shared';
import { useState } from 'react';
import { PLATFORMS } from '../../lib/platforms';
import { PlatformPicker } from './PlatformPicker';
import { platformPanels } from './platform-panels';

interface ProxyPlatformsTabProps {
  config: LiteLLMConfigView | null | undefined;
  onConfigChange(view: LiteLLMConfigView): void;
}

export function ProxyPlatformsTab({ config, onConfigChange }: ProxyPlatformsTabProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  // The platform in use is open by default; otherwise the user picks one.
  const selectedId = chosen ?? (config?.connected ? 'litellm' : null);
  const Panel = selectedId ? platformPanels[selectedId] : undefined;

  return (
    <div className="stack">
      <div>
        <h3 className="panel-title">Proxy Platforms</h3>
        <p className="muted">Choose where your LLM traffic goes.</p>
      </div>
      <PlatformPicker platforms={PLATFORMS} selectedId={selectedId} onSelect={setChosen} />
      {Panel ? <Panel onConfigChange={onConfigChange} /> : <p className="hint-card">Select a platform to set it up.</p>}
    </div>
  );
}
