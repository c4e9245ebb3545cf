import { parseInstanceId, type InstanceId } from '@switchboard/shared';

const PREFIX = 'switchboard key ';

/** The CLI's command that prints a platform's key from the keychain and nothing else (packages/cli): what agents run for their key. */
export function keyCommandFor(instanceId: InstanceId): string {
  return `${PREFIX}${instanceId}`;
}

/** Whether a config value is that command: it names where the key is fetched from, not the key, so a preview may show it. */
export function isKeyCommand(value: string): boolean {
  return value.startsWith(PREFIX) && parseInstanceId(value.slice(PREFIX.length)) !== null;
}
