// `npm start`: builds the extension (`node esbuild.mjs`), then serves VS Code for the web with it
// and the samples/ folder on http://localhost:3000 (env PORT for another port), offline, until
// Ctrl+C. Open the address in a browser on this machine. See scripts/vscode-web.mjs.
import { spawnSync } from 'node:child_process';
import { repoRoot, serveVSCodeWeb } from './vscode-web.mjs';

const port = Number(process.env.PORT || 3000);

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('start: the build failed (node esbuild.mjs)');
  process.exit(build.status ?? 1);
}

let server;
try {
  server = await serveVSCodeWeb({ port });
} catch (error) {
  console.error(`start: ${error.message ?? error}`);
  process.exit(1);
}
console.log(`VS Code for the web with the OKR extension: ${server.url}`);
console.log('(workspace folder: samples/; rebuild with `node esbuild.mjs` and reload the page; Ctrl+C to stop)');

const stop = () => {
  server.dispose();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
