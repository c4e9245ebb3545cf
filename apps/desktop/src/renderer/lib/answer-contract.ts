/**
 * The contract's channel table and stream table, loaded apart from the
 * start-up bundle: the first frame needs none of their schemas, only the
 * answers and events that come after it.
 */
export { contract, streamContract } from '@switchboard/shared';
