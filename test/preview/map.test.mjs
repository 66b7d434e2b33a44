// The alignment map of the preview (preview-ui/src/map/) in Debian's Chromium, in the harness of
// preview.test.mjs (the webview's CSP, a fake VS Code host): the switch beside the table, the
// boxes and lines, collapse, key results, search, a click that posts reveal, the editor's cursor
// followed, the state kept across a reload; 10,000 objectives (first paint printed); the map in
// the command line's HTML export; the README's screenshot (docs/images/preview-map.png).
//   node esbuild.mjs && node --test test/preview/map.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { previewBuilds } from '../../preview-ui/build.mjs';
import { largeModel } from './large-model.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const CHROMIUM = '/usr/bin/chromium';

let browser;
let server;

/** The real model of samples/ai-search, as the command line exports it (today pinned by samples/okr.config.json). */
function sampleModel() {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/okr.js'), 'export', '--format', 'json', 'ai-search'], { cwd: path.join(root, 'samples'), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`The preview tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium); it is not there.`);
  const common = { bundle: true, minify: false, sourcemap: true, sourcesContent: false, logLevel: 'error', target: 'es2022', mainFields: ['module', 'main'] };
  await Promise.all(previewBuilds(common).map((options) => esbuild.build(options)));
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The harness in a fresh context; fails on page errors, CSP violations and requests that leave the server. */
async function withPage(options, body) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const problems = { errors: [], external: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    problems.external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.errors.push(`console: ${message.text()}`));
  const open = async () => {
    await page.goto(`${server.origin}/harness.html${options.query ? `?${options.query}` : ''}`);
    await page.waitForFunction(() => document.querySelector('.okr-app'));
  };
  try {
    await open();
    await body(page, { open });
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
    assert.deepEqual(problems.errors, [], 'errors in the page');
    assert.deepEqual(problems.external, [], 'requests that leave the test server');
  } finally {
    await context.close();
  }
}

const post = (page, model) => page.evaluate((m) => window.__post({ type: 'model', model: m }), model);

/** The boxes drawn: key, kind, place, title text, marks. */
const boxes = (page) =>
  page.$$eval('.okr-map-box', (elements) =>
    elements.map((g) => {
      const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute('transform'));
      return {
        key: g.getAttribute('data-key'),
        kind: ['strategy', 'group', 'objective'].find((k) => g.classList.contains(`okr-map-${k}`)),
        x: Number(x),
        y: Number(y),
        title: [...g.querySelectorAll(':scope > .okr-map-title')].map((t) => t.textContent).join(' '),
        tooltip: g.querySelector(':scope > title').textContent,
        catchAll: g.classList.contains('okr-map-catchall'),
        badges: [...g.querySelectorAll('.okr-map-badge')].map((b) => b.getAttribute('class').split(' ')[1].slice('okr-map-badge-'.length)),
        toggle: g.querySelector('.okr-map-toggle text')?.textContent,
        selected: g.classList.contains('okr-map-selected'),
        dim: g.classList.contains('okr-map-dim'),
        hit: g.classList.contains('okr-map-hit'),
      };
    }),
  );

describe('the alignment map', () => {
  test('a switch beside the table shows the map: strategies on top, objectives under what they align to, marks and lines', async () => {
    const model = sampleModel();
    await withPage({}, async (page) => {
      await post(page, model);
      await page.waitForSelector('.okr-row');
      assert.equal(await page.getAttribute('#okr-view-table', 'aria-pressed'), 'true');
      assert.ok(await page.isHidden('#okr-map'));
      await page.click('#okr-view-map');
      await page.waitForSelector('.okr-map-box');
      assert.ok(await page.isHidden('#okr-tree'), 'the table hides');
      assert.equal(await page.getAttribute('#okr-view-map', 'aria-pressed'), 'true');
      const list = await boxes(page);
      const byKey = new Map(list.map((b) => [b.key, b]));
      const strategies = list.filter((b) => b.kind === 'strategy');
      assert.ok(strategies.length >= 2);
      const revenue = byKey.get('revenue');
      const salesAi = byKey.get('sales-ai');
      assert.ok(revenue && salesAi, [...byKey.keys()].join(' '));
      assert.ok(strategies.every((s) => s.y < revenue.y) && revenue.y < salesAi.y, 'strategies on top, then each level under the one above');
      assert.equal(revenue.title, 'Generate $200M new recurring revenue from AI Search');
      assert.ok(byKey.get('core-product').catchAll, 'the catch-all is marked');
      assert.ok(list.some((b) => b.badges.length), 'problem badges');
      assert.match(revenue.tooltip, /^revenue: Generate \$200M new recurring revenue from AI Search\ncompany · @ceo · 2026-Q1\nprogress \d+%, expected \d+%/);
      assert.ok((await page.$$('.okr-map-edge')).length >= list.length - strategies.length - 1, 'a line from each box to what it aligns to');
      assert.ok((await page.$$('.okr-map-link')).length >= 1, 'extra alignments and contributions as lighter lines');
      // Key results on demand.
      assert.equal(await page.$$eval('.okr-map-kr', (k) => k.length), 0);
      await page.click('#okr-map-key-results');
      await page.waitForSelector('.okr-map-kr');
      assert.ok(await page.getByText('• Add $200M in recurring revenue').isVisible());
    });
  });

  test('collapse and expand, search, a click that opens the source, the cursor followed; state kept across a reload', async () => {
    const model = sampleModel();
    await withPage({}, async (page, { open }) => {
      await post(page, model);
      await page.click('#okr-view-map');
      await page.waitForSelector('.okr-map-box');
      const before = await boxes(page);
      const salesAi = before.find((b) => b.key === 'sales-ai');
      assert.equal(salesAi.toggle, '−', 'a small workspace opens whole');
      // Collapse sales-ai: its objectives fold into a "+N" under it.
      await page.click('.okr-map-toggle[data-toggle="sales-ai"]');
      await page.waitForFunction(() => !document.querySelector('.okr-map-box[data-key="us-east"]'));
      const folded = (await boxes(page)).find((b) => b.key === 'sales-ai');
      assert.match(folded.toggle, /^\+\d+$/);
      // A click on a box posts reveal with its file and first line.
      const revenue = model.roots.flatMap((r) => r.children).find((o) => o.key === 'revenue');
      await page.click('.okr-map-box[data-key="revenue"] .okr-map-rect');
      await page.waitForFunction(() => window.__posted.some((m) => m.type === 'reveal'));
      assert.deepEqual((await page.evaluate(() => window.__posted)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', uri: revenue.location.uri, line: revenue.location.startLine });
      assert.ok((await boxes(page)).find((b) => b.key === 'revenue').selected);
      // "Align to…" on the selected objective: the host offers the ranked parents.
      await page.click('#okr-map-align');
      await page.waitForFunction(() => window.__posted.some((m) => m.type === 'alignTo'));
      assert.deepEqual((await page.evaluate(() => window.__posted)).filter((m) => m.type === 'alignTo'), [{ type: 'alignTo', uri: revenue.location.uri, line: revenue.location.startLine }]);
      // The editor's cursor in us-east: its box is opened to and selected.
      const usEast = (function find(list) {
        for (const o of list) {
          if (o.key === 'us-east') return o;
          const found = find(o.children);
          if (found) return found;
        }
      })(model.roots.flatMap((r) => r.children));
      await page.evaluate((m) => window.__post(m), { type: 'highlight', uri: usEast.location.uri, line: usEast.location.startLine + 1 });
      await page.waitForFunction(() => document.querySelector('.okr-map-box[data-key="us-east"].okr-map-selected'));
      // The table's search applies to the map: matches stand out, the rest fade.
      await page.fill('#okr-search', 'pipeline');
      await page.press('#okr-search', 'Enter');
      await page.waitForFunction(() => document.querySelector('.okr-map-hit'));
      const searched = await boxes(page);
      assert.deepEqual(searched.filter((b) => b.hit).map((b) => b.key), ['pipeline']);
      assert.ok(searched.filter((b) => b.kind === 'objective' && !b.hit).every((b) => b.dim));
      await page.fill('#okr-search', '');
      await page.press('#okr-search', 'Enter');
      await page.waitForFunction(() => !document.querySelector('.okr-map-dim'));
      // Zoom, then reload: the map comes back as it was.
      await page.click('#okr-map-zoom-out');
      await page.click('#okr-map-key-results');
      const state = await page.evaluate(() => window.__state());
      assert.equal(state.view, 'map');
      assert.equal(state.map.keyResults, true);
      assert.equal(state.map.open['us-east'] ?? state.map.open['sales-ai'], true);
      const transform = await page.getAttribute('.okr-map-viewport', 'transform');
      await open();
      await post(page, model);
      await page.waitForSelector('.okr-map-box');
      assert.equal(await page.getAttribute('#okr-view-map', 'aria-pressed'), 'true');
      assert.ok(await page.isHidden('#okr-tree'));
      assert.equal(await page.getAttribute('.okr-map-viewport', 'transform'), transform);
      assert.ok(await page.$('.okr-map-kr'), 'key results still shown');
      // Back to the table.
      await page.click('#okr-view-table');
      assert.ok(await page.isVisible('#okr-tree'));
      assert.ok(await page.isHidden('#okr-map'));
      assert.equal((await page.evaluate(() => window.__state())).view, 'table');
    });
  });

  test('pan by dragging and zoom with the wheel', async () => {
    await withPage({}, async (page) => {
      await post(page, sampleModel());
      await page.click('#okr-view-map');
      await page.waitForSelector('.okr-map-box');
      const read = async () => (await page.getAttribute('.okr-map-viewport', 'transform')).match(/[-\d.]+/g).map(Number);
      const [x0, y0, k0] = await read();
      await page.mouse.move(600, 500);
      await page.mouse.down();
      await page.mouse.move(700, 560, { steps: 5 });
      await page.mouse.up();
      const [x1, y1] = await read();
      assert.ok(Math.abs(x1 - x0 - 100) < 2 && Math.abs(y1 - y0 - 60) < 2, `panned by (100, 60): ${x0},${y0} → ${x1},${y1}`);
      await page.mouse.wheel(0, -200);
      const [, , k1] = await read();
      assert.ok(k1 > k0, `zoomed in: ${k0} → ${k1}`);
    });
  });

  test('10,000 objectives: collapsed below the top levels, first paint printed', async (t) => {
    const model = largeModel(10_000);
    await withPage({}, async (page) => {
      await page.click('#okr-view-map');
      // As the extension sends it: JSON text (client/src/preview/panel.ts), put in the page untimed.
      await page.evaluate((json) => (window.__model = json), JSON.stringify(model));
      const timing = await page.evaluate(async () => {
        const start = performance.now();
        window.__post({ type: 'model', model: window.__model });
        while (!document.querySelector('.okr-map-box')) await new Promise((resolve) => setTimeout(resolve, 0));
        const drawn = performance.now() - start;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return { drawn, painted: performance.now() - start, boxes: document.querySelectorAll('.okr-map-box').length };
      });
      t.diagnostic(`map 10k first paint: message → boxes in the DOM ${timing.drawn.toFixed(0)} ms, → painted ${timing.painted.toFixed(0)} ms (${timing.boxes} boxes; the hidden table takes the model after)`);
      assert.equal(timing.boxes, 4 + 20 + 200, 'strategies, company objectives and the departments under them (collapsed)');
      const expand = await page.evaluate(() => window.__measure(() => document.querySelector('#okr-map-expand-all').click()));
      t.diagnostic(`map 10k expand all: click → painted ${expand.ms.toFixed(0)} ms (${await page.$$eval('.okr-map-box', (b) => b.length)} boxes)`);
      const collapse = await page.evaluate(() => window.__measure(() => document.querySelector('#okr-map-collapse-all').click()));
      t.diagnostic(`map 10k collapse all: click → painted ${collapse.ms.toFixed(0)} ms`);
      assert.equal(await page.$$eval('.okr-map-box', (b) => b.length), 4);
    });
  });

  test('the command line\'s HTML export carries the map', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-export-map-'));
    const file = path.join(dir, 'okrs.html');
    try {
      const result = spawnSync(process.execPath, [path.join(root, 'bin/okr.js'), 'export', '--format', 'html', '-o', file, 'ai-search'], { cwd: path.join(root, 'samples'), encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const errors = [];
      const requests = [];
      try {
        const page = await context.newPage();
        page.on('request', (request) => requests.push(request.url()));
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector('.okr-row');
        await page.click('#okr-view-map');
        await page.waitForSelector('.okr-map-box[data-key="revenue"]');
        assert.ok(await page.isHidden('#okr-tree'));
        assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')), []);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('docs/images/preview-map.png (1280×800) of samples/ai-search', async () => {
    const model = sampleModel();
    await withPage({}, async (page) => {
      await post(page, model);
      await page.click('#okr-view-map');
      await page.waitForSelector('.okr-map-box');
      const salesAi = model.roots.flatMap((r) => r.children).flatMap((o) => [o, ...o.children]).find((o) => o.key === 'sales-ai');
      await page.evaluate((m) => window.__post(m), { type: 'highlight', uri: salesAi.location.uri, line: salesAi.location.startLine });
      await page.waitForFunction(() => document.querySelector('.okr-map-selected'));
      await page.click('#okr-map-fit');
      await page.evaluate(() => document.fonts.ready);
      await page.mouse.move(0, 0);
      const file = path.join(root, 'docs', 'images', 'preview-map.png');
      await page.screenshot({ path: file });
      const png = fs.readFileSync(file);
      assert.equal(png.readUInt32BE(16), 1280);
      assert.equal(png.readUInt32BE(20), 800);
    });
  });
});
