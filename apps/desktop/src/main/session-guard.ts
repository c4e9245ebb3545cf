import type { Session } from 'electron';
import { withContentSecurityPolicy } from './content-security-policy.js';

/** Session-wide defences: no permission is ever granted, and every response carries the app's CSP. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'webRequest'>, policy: string): void {
  // The UI needs no camera, notifications, location or the like; a request for one means something is wrong.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}
