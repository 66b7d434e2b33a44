// Builds every bundle of the extension with esbuild:
//   dist/client/node.js      the extension for desktop VS Code (starts the server over IPC)
//   dist/client/browser.js   the extension for VS Code for the web / vscode.dev
//   dist/server/node.js      the language server for Node (IPC from the client, or --stdio standalone)
//   dist/server/browser.js   the language server in a Web Worker
//   dist/cli/okr.js          the `okr` command line
//   dist/preview/*           the preview page (preview-ui/build.mjs), also inlined by `okr export --format html`
//   dist/test/*              the extension-host test suites (node and browser)
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { previewBuilds } from './preview-ui/build.mjs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  target: 'es2022',
  // Prefer ES modules: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
};

/** @type {import('esbuild').BuildOptions[]} */
export const builds = [
  {
    ...common,
    entryPoints: { 'client/node': 'client/src/node.ts', 'server/node': 'server/src/node.ts', 'cli/okr': 'server/src/cli/okr.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    // ES module dependencies (tinyglobby's fdir) read import.meta.url, which CommonJS lacks.
    define: { OKR_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  },
  {
    ...common,
    entryPoints: { 'client/browser': 'client/src/browser.ts' },
    outdir: 'dist',
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { 'server/browser': 'server/src/browser.ts' },
    outdir: 'dist',
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    format: 'iife',
  },
];

async function main() {
  const extra = [];
  if (!production) {
    // The extension-host test bundles live beside the product bundles but never ship.
    const { testBuilds } = await import('./test/extension/builds.mjs').catch(() => ({ testBuilds: () => [] }));
    extra.push(...testBuilds(common));
  }
  const all = [...builds, ...previewBuilds(common), ...extra];
  if (watch) {
    for (const options of all) (await esbuild.context(options)).watch();
    console.log('esbuild: watching for changes');
  } else {
    await Promise.all(all.map((options) => esbuild.build(options)));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
