import { fileURLToPath } from 'node:url';

// Main is bundled into out/main/index.js, so these resolve next to it inside out/.
export const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
export const rendererIndexPath = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
