import type { SwitchboardBridge } from '@switchboard/shared';

declare global {
  interface Window {
    /** Set by the preload script in Electron and by the bridge script in the browser host. */
    switchboard: SwitchboardBridge;
  }
}
