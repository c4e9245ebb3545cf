export { FileRefusal, isErrno, reason } from './file-kind.js';
export { inspectBackup, inspectTarget } from './inspect-target.js';
export { inTurn } from './path-queue.js';
export { readRegularFile, type ReadLimits } from './read-regular-file.js';
export { removeStaleTemps, STALE_AFTER_MS } from './stale-temps.js';
export { syncFolder } from './sync-folder.js';
export { temporaryNameFor } from './temp-name.js';
export { decodeUtf8 } from './utf8.js';
export { writeNewFile } from './write-new-file.js';
