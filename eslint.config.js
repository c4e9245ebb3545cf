import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Each layer of DESIGN.md's map, by folder. A source file (sourceFiles) outside every layer is an error
// (boundaries/no-unknown-files below), so a new folder of source is placed on purpose, never left unchecked.
const layers = [
  { type: 'shared', pattern: 'packages/shared/src' },
  { type: 'core', pattern: 'packages/core/src' },
  { type: 'main', pattern: 'apps/desktop/src/main' },
  { type: 'preload', pattern: 'apps/desktop/src/preload' },
  { type: 'renderer', pattern: 'apps/desktop/src/renderer' },
  { type: 'browser-host', pattern: 'apps/desktop/src/browser-host' },
  { type: 'cli', pattern: ['packages/cli/src', 'packages/cli/bin'] },
  { type: 'test-servers', pattern: 'packages/test-servers/src' },
  // Tests, e2e, the hostile suite, the bench and scripts: they reach whatever they exercise.
  {
    type: 'tooling',
    pattern: ['packages/*/test', 'apps/*/test', 'apps/*/scripts', 'e2e', 'hostile', 'bench', 'scripts'],
  },
];
const sourceFiles = ['packages/*/src/**', 'packages/*/bin/**', 'apps/*/src/**'];

const layer = (type) => ({ element: { type } });
const npm = (...source) => ({ module: { origin: 'external', source } });
const node = { module: { origin: 'core' } };
// Electron's APIs by process: main never reaches into a renderer's, the preload only bridges.
const electronMain = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'session', 'shell', 'App', 'IpcMain', 'IpcMainInvokeEvent', 'Session', 'WebContents'];
const electronPreload = ['contextBridge', 'ipcRenderer'];
const electron = (specifiers) => ({ to: npm('electron'), dependency: { specifiers } });

// An allow-list: every import is refused unless its layer's entry names where it goes.
const allowed = {
  shared: [npm('zod')],
  core: [layer('shared'), node, npm('atomically', 'conf', 'diff', 'eventsource-parser', 'jsonc-parser', 'keytar', 'toml-eslint-parser', 'undici', 'yaml', 'zod')],
  main: [layer('core'), layer('shared'), node, npm('electron-store'), electron(electronMain)],
  preload: [layer('shared'), electron(electronPreload)],
  renderer: [
    layer('shared'),
    npm('react', 'react-dom', '@tanstack/*', '@leeoniya/ufuzzy'),
    // The About line shows the app's version from its own manifest; the bundler inlines it.
    { file: { path: 'apps/desktop/package.json' } },
  ],
  'browser-host': [layer('core'), layer('shared'), node],
  cli: [layer('core'), layer('shared'), node, npm('tsx')],
  'test-servers': [node, npm('proxy', 'selfsigned')],
  tooling: [{ module: { origin: '*' } }, { element: { type: '*' } }, { element: { isUnknown: true } }],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/out/**', '**/dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/desktop/src/renderer/**/*.{ts,tsx}', 'apps/desktop/test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': layers.map((descriptor) => ({ ...descriptor, partialMatch: false })),
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export', 'require'],
      'import/resolver': { [`${import.meta.dirname}/scripts/eslint-typescript-resolver.cjs`]: {} },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          message: 'The {{from.element.type}} layer may not import "{{dependency.source}}": add it to that layer\'s allow-list in eslint.config.js only if DESIGN.md\'s direction of imports allows it.',
          policies: Object.entries(allowed).map(([type, to]) => ({ from: layer(type), allow: to.map((entity) => (entity.to ? entity : { to: entity })) })),
        },
      ],
    },
  },
  {
    files: sourceFiles,
    rules: { 'boundaries/no-unknown-files': 'error' },
  },
  {
    // Playwright fixtures that need nothing are declared with an empty pattern, by its API.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // ESLint loads an import resolver with require(), so that one file is CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
