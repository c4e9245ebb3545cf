'use strict';
// The import resolver the layer rules (eslint-plugin-boundaries) see imports through. Our sources write
// `./x.js` for `./x.ts` and name workspace packages whose exports are TypeScript, so Node's resolver finds
// neither; TypeScript's own resolution (the compiler the project already has) finds both, exactly as tsc does.
const { existsSync } = require('node:fs');
const { isBuiltin } = require('node:module');
const { dirname, resolve } = require('node:path');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
};
const cache = ts.createModuleResolutionCache(process.cwd(), (name) => name, compilerOptions);

module.exports = {
  interfaceVersion: 2,
  resolve(source, file) {
    if (isBuiltin(source)) return { found: true, path: null };
    const { resolvedModule } = ts.resolveModuleName(source, file, compilerOptions, ts.sys, cache);
    if (resolvedModule) return { found: true, path: resolvedModule.resolvedFileName };
    // A stylesheet or another asset the bundler imports: TypeScript does not resolve it, but it is a file.
    if (source.startsWith('.')) {
      const asset = resolve(dirname(file), source);
      if (existsSync(asset)) return { found: true, path: asset };
    }
    return { found: false };
  },
};
