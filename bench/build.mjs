// Bundles the benchmarks: bench/*.ts → dist/bench/*.js (node, CommonJS), as scripts/build-tests.mjs
// does for the test suites. playwright-core stays external (it finds its own files at run time), and
// so does js-yaml (W1 skips its column when it is missing).
//   node bench/build.mjs && node --expose-gc dist/bench/bench.js [--quick]
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const entryPoints = {};
for (const file of readdirSync(here)) {
  if (file.endsWith('.ts') && !file.endsWith('.d.ts')) entryPoints[file.replace(/\.ts$/, '')] = join(here, file);
}

await esbuild.build({
  entryPoints,
  outdir: join(root, 'dist', 'bench'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  // js-yaml is not our dependency (it comes with @vscode/vsce): found at run time, or skipped.
  external: ['vscode', 'playwright-core', 'esbuild', 'js-yaml'],
  // Prefer ES modules: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
});
