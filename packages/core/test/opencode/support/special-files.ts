import { execFileSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { afterEach } from 'vitest';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** What can sit at a path instead of a regular file, each made for real; the phrase is how the refusal names it. */
export const SPECIAL_FILES: readonly { kind: string; phrase: string; make(path: string): Promise<void> }[] = [
  { kind: 'a FIFO', phrase: 'a named pipe (FIFO)', make: async (path) => void execFileSync('mkfifo', [path]) },
  { kind: 'a folder', phrase: 'a folder', make: async (path) => void execFileSync('mkdir', [path]) },
  {
    kind: 'a socket',
    phrase: 'a socket',
    make: (path) =>
      new Promise((done) => {
        const server = createServer();
        servers.push(server);
        server.listen(path, () => done());
      }),
  },
  { kind: 'a link to /dev/zero', phrase: 'a character device', make: (path) => symlink('/dev/zero', path) },
];
