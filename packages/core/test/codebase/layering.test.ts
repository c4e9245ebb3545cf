import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

/*
 * The direction of imports (DESIGN.md) is an allow-list per layer in
 * eslint.config.js. This lints one-line files placed in each layer through the
 * repository's own ESLint config: an import the layer's list does not name
 * must fail `pnpm lint` with a sentence naming it, and the imports the layer
 * lives on must pass. The files are never written; ESLint is handed their text.
 */

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const eslint = new ESLint({ cwd: repoRoot });

const layerFolders = {
  shared: 'packages/shared/src',
  core: 'packages/core/src',
  main: 'apps/desktop/src/main',
  preload: 'apps/desktop/src/preload',
  renderer: 'apps/desktop/src/renderer',
  'browser-host': 'apps/desktop/src/browser-host',
  cli: 'packages/cli/src',
  'test-servers': 'packages/test-servers/src',
} as const;
type Layer = keyof typeof layerFolders;

const refused: Array<[Layer, string]> = [
  ['shared', "import { createApi } from '@switchboard/core';"],
  ['shared', "import { readFileSync } from 'node:fs';"],
  ['shared', "import { useState } from 'react';"],
  ['core', "import { app } from 'electron';"],
  ['core', "import { useState } from 'react';"],
  ['core', "import { startLiteLLMServer } from '@switchboard/test-servers';"],
  ['core', "import { isLoopbackAddress } from '../../../apps/desktop/src/browser-host/request-guard.js';"],
  ['main', "import { ipcRenderer } from 'electron';"],
  ['main', "import { formatTokens } from '../renderer/lib/format.js';"],
  ['main', "import { parsePort } from '../browser-host/parse-port.js';"],
  ['main', "import { useState } from 'react';"],
  ['preload', "import { readFileSync } from 'node:fs';"],
  ['preload', "import { shell } from 'electron';"],
  ['preload', "import { createApi } from '@switchboard/core';"],
  ['preload', "import { appUrl } from '../main/app-url.js';"],
  ['renderer', "import { readFileSync } from 'node:fs';"],
  ['renderer', "import { readFileSync } from 'fs';"],
  ['renderer', "const os = () => import('node:os');"],
  ['renderer', "import { ipcRenderer } from 'electron';"],
  ['renderer', "import { createApi } from '@switchboard/core';"],
  ['renderer', "import { createApi } from '../../../../packages/core/src/index.js';"],
  ['renderer', "import { z } from 'zod';"],
  ['renderer', "import { appUrl } from '../main/app-url.js';"],
  ['browser-host', "import { app } from 'electron';"],
  ['browser-host', "import { appUrl } from '../main/app-url.js';"],
  ['browser-host', "import { useState } from 'react';"],
  ['cli', "import { app } from 'electron';"],
  ['cli', "import { startLiteLLMServer } from '@switchboard/test-servers';"],
  ['cli', "import { parsePort } from '../../../apps/desktop/src/browser-host/parse-port.js';"],
  ['test-servers', "import { createApi } from '@switchboard/core';"],
];

const allowed: Array<[Layer, string]> = [
  ['shared', "import { z } from 'zod';"],
  ['core', "import { readFileSync } from 'node:fs'; import { z } from 'zod'; import { channels } from '@switchboard/shared';"],
  ['main', "import { app, ipcMain } from 'electron'; import ElectronStore from 'electron-store'; import { createApi } from '@switchboard/core';"],
  ['preload', "import { contextBridge, ipcRenderer } from 'electron'; import { channels } from '@switchboard/shared';"],
  ['renderer', "import { useState } from 'react'; import { createRoot } from 'react-dom/client'; import { useVirtualizer } from '@tanstack/react-virtual'; import { channels } from '@switchboard/shared';"],
  ['browser-host', "import { createServer } from 'node:http'; import { createApi } from '@switchboard/core';"],
  ['cli', "import { spawn } from 'node:child_process'; import { createApi } from '@switchboard/core';"],
  ['test-servers', "import { createServer } from 'node:http';"],
];

async function layerErrors(layer: Layer, code: string, file = 'layering-probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(repoRoot, layerFolders[layer], file) });
  return (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('boundaries/')).map((message) => message.message);
}

describe('the direction of imports is an allow-list per layer', () => {
  test.each(refused)('%s may not: %s', async (layer, code) => {
    const source = /from '([^']+)'|import\('([^']+)'\)/.exec(code);
    const errors = await layerErrors(layer, code);
    expect(errors).toEqual([expect.stringContaining(`The ${layer} layer may not import "${source?.[1] ?? source?.[2]}"`)]);
  });

  test.each(allowed)('%s may: %s', async (layer, code) => {
    expect(await layerErrors(layer, code)).toEqual([]);
  });

  test('a source file outside every layer is refused, so a new folder is placed on purpose', async () => {
    const [result] = await eslint.lintText('export const x = 1;\n', { filePath: join(repoRoot, 'apps/desktop/src/utility/probe.ts') });
    expect(result?.messages.map((message) => message.ruleId)).toEqual(['boundaries/no-unknown-files']);
  });

  test('every layer has an import refused and one allowed above', () => {
    for (const layer of Object.keys(layerFolders)) {
      expect(refused.some(([from]) => from === layer), layer).toBe(true);
      expect(allowed.some(([from]) => from === layer), layer).toBe(true);
    }
  });
});
