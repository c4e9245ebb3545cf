// What core's wiring (api/) uses of generation; the rest stays inside this folder.
export { generate } from './generate.js';
export type { GenerateDeps, GenerateLimits, GenerateTarget } from './generate-types.js';
export { resolveCapabilities, type CapabilityContext } from './resolve-capabilities.js';
