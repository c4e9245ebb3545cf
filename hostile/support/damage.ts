/** What a hostile case did to Switchboard, beyond whether its own assertions held. */
export interface Damage {
  /** The thing under attack stopped: the host process exited, or stopped answering. */
  crashes: string[];
  /** A secret appeared where a person or a log could read it. */
  leaks: string[];
  /** A setting or a file is gone or torn. */
  lost: string[];
}

/** What the reporter reads back from a test's meta (vitest's TaskMeta cannot be augmented through its re-export). */
export interface HostileMeta {
  hostile?: { crashes: number; leaks: number; lost: number };
}

export const noDamage = (): Damage => ({ crashes: [], leaks: [], lost: [] });
