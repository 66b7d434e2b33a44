// Entry of the extension-host tests in VS Code for the web (dist/test/web/index.js). The
// workbench loads this CommonJS module into the web-worker extension host and calls run(); the
// suite's result becomes the exit code the workbench reports (scripts/test-web.mjs).
import 'mocha/mocha.js'; // mocha's browser build: defines the global `mocha`

export function run(): Promise<void> {
  mocha.setup({
    ui: 'tdd',
    reporter: undefined, // mocha's default (spec): console.log, forwarded to the test runner
    timeout: 60_000,
    color: false,
  });
  // Loaded only now, so that `suite`/`test` exist when the files are evaluated.
  require('okr-extension-tests');
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        // scripts/test-web.mjs reads this line.
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
