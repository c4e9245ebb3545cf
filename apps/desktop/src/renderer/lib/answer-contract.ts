/**
 * The contract's channel table, loaded apart from the start-up bundle: the
 * first frame needs none of its schemas, only the answers that come after it.
 */
export { contract } from '@switchboard/shared';
