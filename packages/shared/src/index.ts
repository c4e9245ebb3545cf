export * from './contract.js';
export { OpencodePreviewSchema, OpencodeSettingsViewSchema, type OpencodePreview, type OpencodeSettingsView } from './contract-opencode.js';
export * from './errors.js';
export * from './failure-log.js';
export * from './key-input.js';
export * from './model.js';
export * from './model-bounds.js';
export * from './platform.js';
export * from './url.js';
