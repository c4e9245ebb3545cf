import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The browser host is a small Node server: bundle our TypeScript, leave real npm packages (keytar, conf) as imports.
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src/browser-host/main.ts'),
    outDir: 'out/browser-host',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
  ssr: { noExternal: ['@switchboard/core', '@switchboard/shared'] },
});
