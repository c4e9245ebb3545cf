export * from './contract.js';
export * from './errors.js';
export * from './key-input.js';
export * from './model.js';
export * from './platform.js';
export * from './url.js';
