// Runs the extension-host test suite (test/extension, built to dist/test/node/index.js by
// `node esbuild.mjs`) in desktop VS Code with @vscode/test-electron, samples/ as the workspace
// folder. Desktop VS Code cannot be downloaded on the machines of this project, so it must be
// installed already: give its executable in VSCODE_EXECUTABLE.
//
// Usage: VSCODE_EXECUTABLE=/path/to/code node scripts/test-desktop.mjs
//   (on Linux e.g. /usr/share/code/code, on macOS
//    "/Applications/Visual Studio Code.app/Contents/MacOS/Electron")
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repoRoot, samplesDir } from './vscode-web.mjs';

const require = createRequire(import.meta.url);
const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
const extensionTestsPath = path.join(repoRoot, 'dist', 'test', 'node', 'index.js');

if (!vscodeExecutablePath) {
  console.error(
    [
      'test-desktop: no desktop VS Code to run the tests in.',
      'There is no desktop VS Code on this machine and it cannot be downloaded here. Set',
      'VSCODE_EXECUTABLE to the executable of an installed one, for example:',
      '  VSCODE_EXECUTABLE=/usr/share/code/code npm run test:desktop',
      'The same suite runs in VS Code for the web without it: npm run test:web',
    ].join('\n'),
  );
  process.exit(1);
}
if (!existsSync(vscodeExecutablePath)) {
  console.error(`test-desktop: VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
  process.exit(1);
}
for (const built of [extensionTestsPath, path.join(repoRoot, 'dist', 'client', 'node.js'), path.join(repoRoot, 'dist', 'server', 'node.js')]) {
  if (!existsSync(built)) {
    console.error(`test-desktop: ${path.relative(repoRoot, built)} is missing: run \`node esbuild.mjs\` first`);
    process.exit(1);
  }
}

const { runTests } = require('@vscode/test-electron');
try {
  // test-electron gives VS Code its own user data and extensions folders under .vscode-test/.
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [samplesDir, '--disable-extensions'],
  });
  console.log('test-desktop: all tests passed');
} catch (error) {
  console.error(`test-desktop: ${error.message ?? error}`);
  process.exit(1);
}
