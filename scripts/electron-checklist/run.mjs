// Runs Electronegativity over the built Electron app (apps/desktop/out: main,
// preload, renderer) and fails on any finding not accepted, with its reason,
// in exceptions.json beside this file. Run `pnpm build` first.
//
// It runs offline: Electronegativity's CLI fetches translations from S3 at
// start and Electron's release list from GitHub in one check, so this calls
// its runner directly with the bundled English strings, and that one check
// is excluded (see exceptions.json).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const appDir = join(root, 'apps', 'desktop');
const outDir = join(appDir, 'out');
const exceptions = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'exceptions.json'), 'utf8'));

for (const part of ['main', 'preload', 'renderer']) {
  if (!existsSync(join(outDir, part))) {
    console.error(`electron-checklist: ${relative(root, join(outDir, part))} is missing. Run "pnpm build" first.`);
    process.exit(2);
  }
}

const toolDir = realpathSync(join(root, 'node_modules', '@doyensec', 'electronegativity'));
const requireTool = createRequire(join(toolDir, 'package.json'));

// The English strings ship with the tool; its own loader would first ask the network for newer ones.
const i18n = requireTool('i18n');
i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(toolDir, 'dist', 'locales'), updateFiles: false, objectNotation: true, register: globalThis });
i18n.setLocale('en-US');
const loaderPath = requireTool.resolve('./dist/locales/i18n.js');
const offlineLoader = new Module(loaderPath);
offlineLoader.filename = loaderPath;
offlineLoader.loaded = true;
offlineLoader.exports = { __esModule: true, default: async () => undefined };
Module._cache[loaderPath] = offlineLoader;

const run = requireTool('./dist/runner.js');
const electronVersion = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).devDependencies.electron;

const result = await run(
  {
    input: outDir,
    excludeFromScan: exceptions.excludedChecks.map((entry) => entry.check),
    // out/ has no package.json of its own: the version the app is built against.
    electronVersionOverride: electronVersion,
    isRelative: true,
    parserPlugins: [],
  },
  false,
);

const key = (finding) => `${finding.id} ${finding.file}`;
const accepted = new Map(exceptions.acceptedFindings.map((entry) => [`${entry.check} ${entry.file}`, entry.count ?? 1]));
const findings = result.issues.map((issue) => ({
  id: issue.id,
  file: issue.file,
  at: `${issue.location.line}:${issue.location.column}`,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  description: issue.description,
}));
// Accepted by check and file, up to a count: a second openExternal in the same file is a new finding.
const seen = new Map();
const unexplained = findings.filter((finding) => {
  seen.set(key(finding), (seen.get(key(finding)) ?? 0) + 1);
  return seen.get(key(finding)) > (accepted.get(key(finding)) ?? 0);
});
const stale = [...accepted.keys()].filter((entry) => !seen.has(entry));

console.log(`electron-checklist: Electronegativity ${requireTool('./package.json').version}, Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks over ${relative(root, outDir)}`);
for (const error of result.errors) console.log(`  could not check ${error.file ?? 'a file'}: ${error.message ?? error.error ?? 'unknown error'}`);
for (const finding of unexplained) {
  console.log(`  ${finding.id} (${finding.severity}, ${finding.confidence}) in ${finding.file} at ${finding.at}: ${finding.description}`);
}
for (const entry of stale) console.log(`  exceptions.json accepts "${entry}", which is no longer found: remove it.`);
const failed = unexplained.length + stale.length + result.errors.length;
console.log(
  failed === 0
    ? `electron-checklist: no findings (${accepted.size} accepted in exceptions.json, ${exceptions.excludedChecks.length} check excluded).`
    : `electron-checklist: ${unexplained.length} finding(s), ${stale.length} stale exception(s), ${result.errors.length} file(s) not checked.`,
);
process.exit(failed === 0 ? 0 : 1);
