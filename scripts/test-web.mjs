// Runs the extension-host test suite (test/extension, built to dist/test/web/index.js by
// `node esbuild.mjs`) in VS Code for the web, in Debian's headless Chromium, offline. The
// workspace folder is samples/. Prints mocha's report and a last line
// `extension-host: N passed, M failed`; exits 0 only when every test passed.
// After the suite, saves the screenshots of the workbench the tests ask for to docs/images/
// (vscode-web-diagnostics.png and vscode-web-hover.png: see test/extension/suite/readme-*.test.ts).
//
// Usage: node esbuild.mjs && node scripts/test-web.mjs [--verbose] [--headed]
//   --verbose   also print the browser console, page errors and test-web's request log
//   env PORT                   the port to serve on (default: any free port)
//   env OKR_WEB_TEST_TIMEOUT   overall time limit in seconds (default 300)
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { checkChromium, freePort, launchChromium, repoRoot, serveVSCodeWeb } from './vscode-web.mjs';

const verbose = process.argv.includes('--verbose');
const headed = process.argv.includes('--headed');
const timeoutSeconds = Number(process.env.OKR_WEB_TEST_TIMEOUT ?? 300);
const testsPath = path.join(repoRoot, 'dist', 'test', 'web', 'index.js');
const screenshotDir = path.join(repoRoot, 'docs', 'images');
// Handshake with the readme-*screenshot.test.ts files: a test logs `[okr-tests] screenshot: ready`,
// optionally followed by a file name (`… ready vscode-web-hover.png`; without one:
// vscode-web-diagnostics.png), then polls the files below, which it fetches from the test-web
// server. `screenshot-wanted` exists while the runner takes screenshots; `screenshot-taken` says
// "pending" until the first picture is saved, then "done" for the unnamed one and
// "done NAME" for a named one (so that each test waits for its own).
const defaultScreenshot = 'vscode-web-diagnostics.png';
const screenshotName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.png$/; // a plain file name in docs/images/
const screenshotReady = /\[okr-tests\] screenshot: ready(?:\s+(\S+))?\s*$/;
const screenshotWanted = path.join(path.dirname(testsPath), 'screenshot-wanted');
const screenshotTaken = path.join(path.dirname(testsPath), 'screenshot-taken');
const summaryPattern = /extension-host: (\d+) passed, (\d+) failed/;
// A test that needs a click inside a webview (test/extension/suite/preview-map.test.ts) logs
// `[okr-tests] click: ["selector", …]`: each selector's first element in any frame is clicked, in turn.
const clickRequest = /\[okr-tests\] click: (\[.*\])\s*$/;
/** Workbench log lines of no interest here, shown only with --verbose. */
const workbenchChatter = [
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Found additional builtin location extensions/,
  /^Updating additional builtin extensions cache/,
  /^Loading development extension at/,
  /^Ignoring the error while validating workspace folder/,
  /^Request to '.*\/static\/devextensions\/package\.nls\.json' failed with status code 404/,
  /^\[AgentHost:/,
  /^\[AccountPolicyGate\]/,
];

/** Clicks the first element each selector finds in any frame of the page (webviews are frames), waiting up to 20 s for it. */
async function clickInFrames(page, selectors) {
  for (const selector of selectors) {
    const deadline = Date.now() + 20_000;
    let clicked = false;
    while (!clicked && Date.now() < deadline) {
      for (const frame of page.frames()) {
        try {
          // Playwright's selectors: `:visible` waits for a shown element (a hidden quick input keeps its old rows).
          const element = await frame.$(selector);
          if (!element) continue;
          // A real click where the element is on screen; else the same click event, dispatched
          // (a box of a wide map may lie outside the panel).
          await element.click({ timeout: 2_000 }).catch(() => element.dispatchEvent('click'));
          clicked = true;
          if (verbose) console.log(`test-web: clicked ${selector}`);
          break;
        } catch (error) {
          if (verbose) console.log(`test-web: clicking ${selector}: ${error}`);
          // The frame went away while looking: try the others, then again.
        }
      }
      if (!clicked) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (!clicked) console.error(`test-web: found nothing to click for ${selector}`);
  }
}

function fail(message) {
  console.error(`test-web: ${message}`);
  process.exit(1);
}

async function main() {
  const started = Date.now();
  try {
    checkChromium();
  } catch (error) {
    fail(error.message);
  }
  for (const built of [testsPath, path.join(repoRoot, 'dist', 'client', 'browser.js'), path.join(repoRoot, 'dist', 'server', 'browser.js')]) {
    if (!existsSync(built)) fail(`${path.relative(repoRoot, built)} is missing: run \`node esbuild.mjs\` first`);
  }
  await fs.writeFile(screenshotWanted, 'scripts/test-web.mjs\n');
  await fs.writeFile(screenshotTaken, 'pending\n');

  let server;
  let browser;
  let summary; // { passed, failed, line }
  let screenshots = Promise.resolve(); // the screenshots asked for, one after the other
  let clicks = Promise.resolve(); // the clicks asked for, one after the other
  let outcome; // { code } from the workbench, or { error }
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const end = (result) => {
    if (!outcome) {
      outcome = result;
      finish();
    }
  };
  const timer = setTimeout(() => end({ error: `timed out after ${timeoutSeconds} s` }), timeoutSeconds * 1000);
  const interrupt = () => end({ error: 'interrupted' });
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  /** Saves a screenshot to docs/images/`name` (the default one when `name` is undefined). */
  const takeScreenshot = async (page, name) => {
    try {
      if (name !== undefined && !screenshotName.test(name)) throw new Error(`"${name}" is not a file name like vscode-web-hover.png`);
      const screenshotPath = path.join(screenshotDir, name ?? defaultScreenshot);
      await fs.mkdir(screenshotDir, { recursive: true });
      await page.screenshot({ path: screenshotPath });
      console.log(`test-web: screenshot saved to ${path.relative(repoRoot, screenshotPath)}`);
    } catch (error) {
      console.error(`test-web: the screenshot failed: ${error}`);
    } finally {
      await fs.writeFile(screenshotTaken, name === undefined ? 'done\n' : `done ${name}\n`).catch(() => {});
    }
  };

  try {
    const port = Number(process.env.PORT) || (await freePort());
    server = await serveVSCodeWeb({ port, extensionTestsPath: testsPath, printServerLog: verbose });
    browser = await launchChromium({ headless: !headed });
    const { page } = browser;

    // The workbench reports through these two functions when it runs extension tests.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && workbenchChatter.some((pattern) => pattern.test(text))) return;
      const match = summaryPattern.exec(text);
      if (match) summary = { passed: Number(match[1]), failed: Number(match[2]), line: text.trim() };
      const click = clickRequest.exec(text);
      if (click) {
        clicks = clicks.then(() => clickInFrames(page, JSON.parse(click[1])));
        return;
      }
      const ready = screenshotReady.exec(text);
      if (ready) {
        screenshots = screenshots.then(() => takeScreenshot(page, ready[1]));
        return;
      }
      (console[type] ?? console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => end({ code }));
    page.on('crash', () => end({ error: 'the page crashed' }));
    page.on('pageerror', (error) => verbose && console.error(`[page error] ${error}`));
    if (verbose) page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));

    console.log(`test-web: VS Code for the web on ${server.url}, workspace folder samples/, tests ${path.relative(repoRoot, testsPath)}`);
    await page.goto(server.url);
    await finished;
    await screenshots;
    await clicks;
  } catch (error) {
    end({ error: error?.stack ?? String(error) });
  } finally {
    clearTimeout(timer);
    // Never hang on cleanup.
    const guard = setTimeout(() => {
      console.error('test-web: cleanup hung; exiting');
      process.exit(1);
    }, 20_000);
    guard.unref();
    if (browser?.blocked.length) {
      console.warn(`test-web: refused ${browser.blocked.length} non-local request(s), e.g. ${browser.blocked.slice(0, 3).join(', ')}`);
    }
    await browser?.close();
    server?.dispose();
    await fs.rm(screenshotWanted, { force: true });
    await fs.rm(screenshotTaken, { force: true });
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const problems = [];
  if (outcome.error) problems.push(outcome.error);
  else if (outcome.code !== 0) problems.push(`the workbench reported exit code ${outcome.code}`);
  if (!summary) problems.push('mocha reported no result');
  for (const problem of problems) console.error(`test-web: ${problem}`);
  console.log(`test-web: finished in ${seconds} s`);
  console.log(summary ? summary.line : 'extension-host: no result');
  const ok = problems.length === 0 && summary.failed === 0;
  process.exit(ok ? 0 : 1);
}

main().catch((error) => fail(error?.stack ?? String(error)));
