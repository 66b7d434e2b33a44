// Entry of the extension-host tests in desktop VS Code (dist/test/node/index.js), run by
// @vscode/test-electron (scripts/test-desktop.mjs). The same suite files as index.web.ts.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000 });
  // What mocha.addFile() + loadFiles() would do, for files that are bundled instead.
  mocha.suite.emit('pre-require', globalThis, 'okr-extension-tests', mocha);
  require('okr-extension-tests');
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        console.log(`extension-host: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed.`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error);
    }
  });
}
