import type { SwitchboardApi } from '@switchboard/shared';
import type { AppNotice } from '@switchboard/shared';

type AppApi = Pick<SwitchboardApi, Extract<keyof SwitchboardApi, `app:${string}`>>;

/** The channels about the app itself: for now, what opening the stores found worth telling the person. */
export function createAppApi(notices: readonly AppNotice[]): AppApi {
  return {
    'app:get-notices': async () => notices.map((notice) => ({ ...notice })),
  };
}
