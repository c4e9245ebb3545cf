import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { contentSecurityPolicyMeta } from './vite/content-security-policy-meta';

// Workspace packages are TypeScript source, so they are bundled, never left as runtime imports.
const workspacePackages = ['@switchboard/core', '@switchboard/shared'];

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: workspacePackages },
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but `electron`: bundle everything else into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    // Relative asset paths: Electron loads the page from file://, the browser host from /.
    base: './',
    // The page's <meta> policy is shared's, written in at build time (vite/content-security-policy-meta.ts).
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; everything it ships is parsed before the first frame.
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
        treeshake: {
          // shared's modules only declare (schemas, pure functions): one the start-up code does not use can
          // stay out of the entry chunk, so the contract's schemas (and zod) load with the answer validation.
          moduleSideEffects: [{ test: /[\\/]packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
        },
      },
    },
  },
});
