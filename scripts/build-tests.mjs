// Bundles the node-side test suites (test/unit, test/lsp, test/cli, test/fuzz) so node's test runner can run them
// without a TypeScript loader: test/X/name.test.ts → dist/test/X/name.test.js.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const suites = ['unit', 'lsp', 'cli', 'fuzz'];
const entryPoints = {};
for (const suite of suites) {
  const dir = join('test', suite);
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.test.ts')) entryPoints[`${suite}/${file.replace(/\.ts$/, '')}`] = join(dir, file);
  }
}

await esbuild.build({
  entryPoints,
  outdir: 'dist/test',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
  // Prefer ES modules: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
});
