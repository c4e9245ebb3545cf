// A worker thread has no TypeScript loader of its own: register tsx (as `pnpm bench` does with --import), then load main.
import { register } from 'tsx/esm/api';

register();
await import('./core-worker.ts');
