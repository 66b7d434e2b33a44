// esbuild options for the extension-host test bundles. esbuild.mjs imports this file (except with
// --production) and builds these beside the product bundles:
//   dist/test/web/index.js    the suite for VS Code for the web (scripts/test-web.mjs): a
//                             CommonJS module loaded into the web-worker extension host, mocha
//                             bundled in (its browser build), only `vscode` left external.
//   dist/test/node/index.js   the same suite for desktop VS Code (@vscode/test-electron,
//                             scripts/test-desktop.mjs); mocha is required from node_modules.
// Both entries `require('okr-extension-tests')`, a module generated here that imports every
// test/extension/suite/*.test.ts in name order, so a new test file needs no registration.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const suiteDir = path.join(here, 'suite');

/** Resolves `okr-extension-tests` to a generated module importing every suite/*.test.ts. */
const testFilesPlugin = {
  name: 'okr-extension-tests',
  setup(build) {
    build.onResolve({ filter: /^okr-extension-tests$/ }, () => ({ path: 'okr-extension-tests', namespace: 'okr-tests' }));
    build.onLoad({ filter: /.*/, namespace: 'okr-tests' }, () => {
      const files = fs
        .readdirSync(suiteDir)
        .filter((name) => name.endsWith('.test.ts'))
        .sort();
      return {
        contents: files.map((name) => `import ${JSON.stringify('./' + name)};`).join('\n') + '\n',
        resolveDir: suiteDir,
        loader: 'js',
        watchDirs: [suiteDir],
      };
    });
  },
};

/**
 * @param {import('esbuild').BuildOptions} common the options every bundle of esbuild.mjs shares
 * @returns {import('esbuild').BuildOptions[]}
 */
export function testBuilds(common) {
  return [
    {
      ...common,
      entryPoints: { 'test/web/index': path.join(here, 'index.web.ts') },
      outdir: path.join(root, 'dist'),
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      plugins: [testFilesPlugin],
    },
    {
      ...common,
      entryPoints: { 'test/node/index': path.join(here, 'index.node.ts') },
      outdir: path.join(root, 'dist'),
      platform: 'node',
      format: 'cjs',
      external: ['vscode', 'mocha'],
      plugins: [testFilesPlugin],
    },
  ];
}
