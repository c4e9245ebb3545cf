import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

// atomically truncates longer names to its own pattern, which would lose the randomness; stay under its limit.
const LIMIT_BASENAME_LENGTH = 128;
const SUFFIX_LENGTH = '.tmp-'.length + 24;

/** Names Switchboard's temporary files take (24 hex; older versions used 12), so a later write can recognise strays. */
export const TEMP_NAME = /\.tmp-(?:[0-9a-f]{12}|[0-9a-f]{24})$/;

/**
 * A fresh temporary name beside `path`. 96 random bits: nobody can plant a
 * link at it in advance, which a timestamp-and-counter name would allow.
 */
export function temporaryNameFor(path: string): string {
  const suffix = `.tmp-${randomBytes(12).toString('hex')}`;
  const base = basename(path);
  return base.length + SUFFIX_LENGTH <= LIMIT_BASENAME_LENGTH ? `${path}${suffix}` : join(dirname(path), `.switchboard${suffix}`);
}
