// The preview under the XSS corpus (fixtures/xss-corpus.json): a workspace with every payload in
// every place the language lets it go (xss-workspace.mjs), its model made by the command line
// (`okr export --format json`, the same buildTree as the server's `okr/tree`), shown in
//  - the webview page (harness.html: the CSP of client/src/preview/html.ts, a fake VS Code host);
//  - the standalone page of `okr export --format html`, opened from its file.
// Nothing may run: every payload that could run calls __pwned(name), every remote load targets
// xss.invalid. Each page fails on a canary call, a dialog, a request that leaves the page's own
// origin, a failed request, a CSP violation (text shown as text never causes one, so a violation
// means something tried to run or load), a navigation, a page or console error, or an element
// the renderer does not make. And every payload must show literally, not be dropped.
//   node esbuild.mjs && node --test test/preview/
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
import { startServer } from './server.mjs';
import { ownerOf, placesOf, readCorpus, writeXssWorkspace } from './xss-workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const CHROMIUM = '/usr/bin/chromium';
const CLI = path.join(root, 'dist', 'cli', 'okr.js');
const payloads = readCorpus(path.join(here, 'fixtures', 'xss-corpus.json'));
/** The key of the objective `oNNN` whose title is payload N (xss-workspace.mjs). */
const objectiveKeyOf = (i) => `o${String(i).padStart(3, '0')}`;

let browser;
let server;
let workspace;
let model;
let exportFile;
let reportFile;

function okr(args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // A rule that throws is logged and skipped: hostile text must not silence a rule either.
  assert.deepEqual(result.stderr.split('\n').filter((line) => line && !line.startsWith('okr: wrote ')), [], `okr ${args.join(' ')} wrote to stderr`);
  return result;
}

before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`The preview tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium); it is not there.`);
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(root, CLI)} is missing: run node esbuild.mjs first`);
  // The page as the sources say now (as preview.test.mjs does); the export inlines this build.
  const common = { bundle: true, minify: false, sourcemap: true, sourcesContent: false, logLevel: 'error', target: 'es2022', mainFields: ['module', 'main'] };
  await Promise.all(previewBuilds(common).map((options) => esbuild.build(options)));

  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-xss-'));
  writeXssWorkspace(workspace, payloads);
  const exported = okr(['export', '--format', 'json']);
  assert.equal(exported.status, 0);
  model = JSON.parse(exported.stdout);
  exportFile = path.join(workspace, 'okrs.html');
  assert.equal(okr(['export', '--format', 'html', '-o', exportFile]).status, 0);
  reportFile = path.join(workspace, 'review.html');
  assert.equal(okr(['report', '2026-Q1', '--format', 'html', '-o', reportFile]).status, 0);

  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

// ── the model ─────────────────────────────────────────────────────────────────────────────────

function objectivesOf(m) {
  const out = [];
  const walk = (node) => {
    out.push(node);
    node.children.forEach(walk);
  };
  for (const r of m.roots) r.children.forEach(walk);
  return out;
}

describe('the XSS workspace', () => {
  test('every payload reaches the model whole, in every place the language lets it go', (t) => {
    const objectives = objectivesOf(model);
    const keyResults = objectives.flatMap((o) => o.keyResults);
    payloads.forEach(({ name, text }, i) => {
      const main = objectives.find((o) => o.key === objectiveKeyOf(i));
      assert.ok(main, `${name}: its objective is in the model`);
      assert.equal(main.title, text, `${name}: objective title`);
      assert.equal(main.why, text, `${name}: why`);
      assert.equal(main.keyResults[0].title, text, `${name}: key result title`);
      assert.ok(model.roots.some((r) => r.kind === 'strategy' && r.title === text), `${name}: strategy title`);
    });
    // The other places, counted: what the language accepts of the corpus.
    const count = (list, pick) => payloads.filter(({ text }) => list.some((x) => pick(x) === text)).length;
    const places = {
      owners: payloads.filter(({ text }) => ownerOf(text) !== undefined && model.owners.includes(ownerOf(text))).length,
      objectiveIds: count(objectives, (o) => o.id),
      keyResultIds: count(keyResults, (k) => k.id),
      levels: count(model.levels.map((l) => ({ l })), (x) => x.l),
      units: payloads.filter(({ text }) => keyResults.some((k) => k.metric?.endsWith(` ${text}`))).length,
      catchAll: payloads.filter(({ text }) => objectives.some((o) => o.catchAll === `"${text}" is business as usual here (okr.config.json)`)).length,
      fileNames: payloads.filter(({ text }, i) => objectives.some((o) => decodeURIComponent(o.location.uri).endsWith(`/${String(i).padStart(3, '0')} ${text}.okr`))).length,
    };
    const where = (test) => payloads.filter(({ text }) => test(placesOf(text), text)).length;
    assert.deepEqual(places, {
      owners: where((p) => p.quoted || p.handle),
      objectiveIds: where((p) => p.id),
      keyResultIds: where((p) => p.id),
      levels: where((p) => p.id),
      units: where((p) => p.unit),
      // A title with a number is never a catch-all; okr.config.json takes phrases of 200 characters at most.
      catchAll: where((_, text) => !/\d/.test(text) && text.length <= 200),
      fileNames: where((p) => p.fileName),
    });
    t.diagnostic(`${payloads.length} payloads; objective, key result and strategy titles and why: hold all; ${Object.entries(places).map(([place, n]) => `${place} ${n}`).join(', ')}`);
    assert.equal(model.objectiveCount, objectives.length);
  });

  test('where the language has no room for a payload, each line gets at most one syntax problem and no rule fails', () => {
    const result = okr(['check', '--format', 'json']);
    assert.equal(result.status, 1, 'errors, not a crash');
    const { problems } = JSON.parse(result.stdout);
    const syntaxPerLine = new Map();
    for (const p of problems.filter((p) => p.rule === 'syntax')) syntaxPerLine.set(`${p.file}:${p.line}`, (syntaxPerLine.get(`${p.file}:${p.line}`) ?? 0) + 1);
    assert.deepEqual([...syntaxPerLine].filter(([, n]) => n > 1), []);
    // Every payload was refused somewhere (a period holds none of them).
    payloads.forEach((_, i) => {
      const file = `${String(i).padStart(3, '0')}-rejected.okr`;
      assert.ok(problems.some((p) => p.file === file && p.line === 2 && p.rule === 'syntax'), `${file}: period refused`);
    });
  });
});

// ── pages ─────────────────────────────────────────────────────────────────────────────────────

/** Runs in every page before its own scripts: the CSP violations, and a way to wait for the tree. */
function recorder() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
  window.__treeSettled = () =>
    new Promise((resolve) => {
      const check = () => (document.querySelector('#okr-tree')?.getAttribute('aria-busy') === 'true' ? setTimeout(check, 5) : resolve());
      check();
    });
}

/**
 * Opens `url` in a fresh context and runs `body(page, report)`; then checks that nothing ran,
 * loaded or navigated. `allowed(url)` says which requests belong to the page.
 */
async function withHostilePage(url, allowed, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const report = { canaries: [], dialogs: [], errors: [], leaving: [], navigations: [], popups: [] };
  await context.exposeFunction('__pwned', (name) => report.canaries.push(String(name)));
  await context.addInitScript(recorder);
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (allowed(requested)) return route.continue();
    report.leaving.push(requested);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!allowed(request.url()) && !report.leaving.includes(request.url())) report.leaving.push(request.url());
  });
  page.on('dialog', (dialog) => {
    report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => report.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') report.errors.push(`console: ${message.text()}`);
  });
  page.on('popup', (popup) => report.popups.push(popup.url()));
  page.on('framenavigated', (frame) => report.navigations.push(frame === page.mainFrame() ? frame.url() : `frame: ${frame.url()}`));
  const firstRequest = server.requests.length;
  try {
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector('.okr-app'), null, { timeout: 5000 });
      await body(page, report);
    } catch (error) {
      // A payload that ran can break the page before any check: say what the page saw.
      const seen = Object.entries(report)
        .filter(([, list]) => list.length)
        .map(([what, list]) => `${what} (${list.length}): ${list.slice(0, 3).map((x) => x.slice(0, 160)).join(' | ')}`);
      throw new Error(`${error.message}\nthe page saw: ${seen.join('\n') || 'nothing'}`, { cause: error });
    }
    // Give whatever a payload might have started (an error event, a timer) its turn to run.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    assert.deepEqual(report.canaries, [], 'canaries called');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(report.dialogs, [], 'dialogs');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations: something tried to run or load');
    assert.deepEqual(report.leaving, [], 'requests that leave the page');
    assert.deepEqual(server.requests.slice(firstRequest).filter((r) => r.status >= 400), [], 'failed requests');
    assert.deepEqual(report.errors, [], 'errors in the page');
    assert.deepEqual(report.popups, [], 'popups');
    assert.equal(new Set(report.navigations.map((u) => u.replace(/[?#].*$/, ''))).size, 1, `navigations: ${report.navigations.join(', ')}`);
    assert.equal(page.frames().length, 1, 'frames');
    assert.deepEqual(await foreignElements(page), [], 'elements or attributes the renderer does not make');
  } finally {
    await context.close();
  }
}

/**
 * Elements in the tree the renderer does not make, and attributes it does not set: a payload
 * that became markup shows up here even when the CSP stopped it from running.
 */
function foreignElements(page) {
  return page.evaluate(() => {
    // The tree's elements, and the export header's (exportHeader.ts: title, facts, legend).
    const tags = new Set(['DIV', 'SPAN', 'HEADER', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'MARK', 'H1', 'P', 'SECTION', 'H2', 'UL', 'LI']);
    const attributes = /^(class|id|role|aria-[a-z]+|data-(key|target|severity|fallback)|tabindex|title|type|placeholder|spellcheck|hidden|disabled|value|style)$/;
    const styles = /^(--depth: \d+;|width: [\d.]+%;|left: [\d.]+%;)$/;
    const found = [];
    for (const element of document.querySelectorAll('#root *')) {
      if (!tags.has(element.tagName)) found.push(`<${element.tagName.toLowerCase()}>`);
      for (const attribute of element.attributes) {
        if (!attributes.test(attribute.name) || (attribute.name === 'style' && !styles.test(attribute.value))) found.push(`${element.tagName.toLowerCase()}[${attribute.name}=${attribute.value.slice(0, 60)}]`);
      }
    }
    // Outside the tree: only the shell's own elements.
    for (const element of document.querySelectorAll('body > :not(#root):not(script), head > :not(meta):not(link[rel=stylesheet]):not(title):not(style)')) found.push(`shell: <${element.tagName.toLowerCase()}>`);
    for (const element of document.querySelectorAll('iframe, frame, object, embed, img, svg, math, base, form, a, video, audio, template, meta[http-equiv="refresh"], link[href*="//"]')) found.push(`anywhere: <${element.tagName.toLowerCase()}>`);
    // The shell's two: the host stand-in and the page (the webview), or the data and the page (the export).
    if (document.scripts.length !== 2) found.push(`${document.scripts.length} scripts`);
    return [...new Set(found)];
  });
}

/**
 * Every string of the model that the page shows, compared with what it shows, for every row on
 * screen (all of them after "expand all"); the tooltips (title attributes) too. Returns the
 * differences; with `everyRow`, a node of the model without a row is one.
 */
function literalDifferences(page, everyRow) {
  return page.evaluate(
    ({ m, everyRow }) => {
      const differences = [];
      const rows = new Map([...document.querySelectorAll('.okr-row')].map((r) => [r.getAttribute('data-key'), r]));
      const text = (row, selector) => row.querySelector(selector)?.textContent ?? '';
      const expect = (what, actual, expected) => {
        if (actual !== expected) differences.push(`${what}: ${JSON.stringify(actual).slice(0, 120)} ≠ ${JSON.stringify(expected).slice(0, 120)}`);
      };
      const expectIn = (what, haystack, needle) => {
        if (!haystack.includes(needle)) differences.push(`${what}: ${JSON.stringify(needle).slice(0, 120)} not in ${JSON.stringify(haystack).slice(0, 120)}`);
      };
      const problems = (row, list, key) => {
        const titles = [...row.querySelectorAll('.okr-badge')].map((b) => b.title).join('\n');
        for (const p of list) expectIn(`${key} problem`, titles, `${p.rule} (line ${p.line + 1}): ${p.message}`);
      };
      const fileName = (uri) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
      const visit = (node) => {
        const row = rows.get(node.key);
        if (row) {
          expect(`${node.key} title`, text(row, '.okr-title'), node.title);
          expect(`${node.key} key`, text(row, '.okr-key'), node.key);
          expect(`${node.key} owner`, text(row, '.okr-cell-owner'), node.owner ?? '');
          expect(`${node.key} owner tooltip`, row.querySelector('.okr-cell-owner')?.title ?? '', node.owner ?? '');
          expect(`${node.key} level`, text(row, '.okr-cell-level'), node.level ?? '');
          expect(`${node.key} period`, text(row, '.okr-cell-period'), node.period ?? '');
          const tooltip = row.querySelector('.okr-title').title;
          expectIn(`${node.key} tooltip`, tooltip, `objective ${node.key}: ${node.title}`);
          expectIn(`${node.key} tooltip`, tooltip, `${fileName(node.location.uri)}:${node.location.startLine + 1}`);
          if (node.why) {
            expect(`${node.key} why`, text(row, '.okr-why'), node.why);
            expectIn(`${node.key} tooltip`, tooltip, `why: ${node.why}`);
          }
          if (node.catchAll) expect(`${node.key} catch-all`, row.querySelector('.okr-chip-catch-all')?.title ?? '', `Catch-all objective: ${node.catchAll}`);
          problems(row, [...node.problems, ...node.keyResults.flatMap((kr) => kr.problems)], node.key);
        } else if (everyRow) differences.push(`${node.key}: no row`);
        for (const kr of node.keyResults) {
          const krRow = rows.get(kr.key);
          if (!krRow) {
            if (everyRow) differences.push(`${kr.key}: no row`);
            continue;
          }
          expect(`${kr.key} title`, text(krRow, '.okr-title'), kr.title);
          expect(`${kr.key} id`, text(krRow, '.okr-key'), kr.id ?? kr.key);
          expect(`${kr.key} owner`, text(krRow, '.okr-cell-owner'), kr.owner ?? '');
          expect(`${kr.key} metric`, text(krRow, '.okr-metric'), [kr.value, kr.metric].filter(Boolean).join(' · '));
          expect(`${kr.key} rollup`, text(krRow, '.okr-rollup-text'), kr.rollup ?? '');
          expectIn(`${kr.key} tooltip`, krRow.querySelector('.okr-title').title, `key result ${kr.key}: ${kr.title}`);
          problems(krRow, kr.problems, kr.key);
        }
        node.children.forEach(visit);
      };
      for (const r of m.roots) {
        const row = rows.get(r.key);
        if (row) expect(`${r.key} title`, text(row, '.okr-title'), r.title);
        else if (everyRow) differences.push(`${r.key}: no row`);
        r.children.forEach(visit);
      }
      // Link chips: the target's key as text, its title in the tooltip.
      const titles = new Map();
      const collect = (node) => {
        titles.set(node.key, node.title);
        for (const kr of node.keyResults) titles.set(kr.key, kr.title);
        node.children.forEach(collect);
      };
      for (const r of m.roots) {
        titles.set(r.key, r.title);
        r.children.forEach(collect);
      }
      for (const chip of document.querySelectorAll('.okr-link:not(:disabled)')) {
        const to = chip.getAttribute('data-target');
        expect(`chip to ${to}`, chip.querySelector('.okr-chip-target').textContent, to);
        expect(`chip to ${to} tooltip`, chip.title, `Go to ${to}: ${titles.get(to)}`);
      }
      const options = (id) => [...document.querySelectorAll(`#${id} option`)].slice(1).map((o) => [o.textContent, o.value]);
      expect('periods', JSON.stringify(options('okr-period')), JSON.stringify(m.periods.map((v) => [v, v])));
      expect('levels', JSON.stringify(options('okr-level')), JSON.stringify(m.levels.map((v) => [v, v])));
      expect('owners', JSON.stringify(options('okr-owner')), JSON.stringify(m.owners.map((v) => [v, v])));
      return differences;
    },
    { m: model, everyRow },
  );
}

/** Every payload in the tree's text: shown whole, not dropped nor cut. */
function missingPayloads(page) {
  return page.evaluate((texts) => {
    const shown = document.querySelector('#okr-tree').textContent;
    return texts.filter((t) => !shown.includes(t));
  }, payloads.map((p) => p.text));
}

async function expandAll(page) {
  await page.click('#okr-expand-all');
  await page.evaluate(() => window.__treeSettled());
}

/**
 * Searches for one payload in `every` (typed in the box, Enter): its objective is a match, its
 * title still whole, and the highlighted part of it is the payload. Returns the failures.
 */
function searchPayloads(page, every) {
  return page.evaluate(
    async (items) => {
      const input = document.querySelector('#okr-search');
      const failures = [];
      for (const { key, text } of items) {
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        // Enter schedules the search for the next turn of the event loop: let it run first.
        await new Promise((resolve) => setTimeout(resolve, 0));
        await window.__treeSettled();
        const row = [...document.querySelectorAll('.okr-row')].find((r) => r.getAttribute('data-key') === key);
        if (!row || row.classList.contains('okr-context')) {
          failures.push(`${key}: not a match for its own title`);
          continue;
        }
        const title = row.querySelector('.okr-title');
        if (title.textContent !== text) failures.push(`${key}: title changed to ${title.textContent.slice(0, 80)}`);
        const marked = [...title.querySelectorAll('.okr-hit')].map((m) => m.textContent).join('');
        // The page highlights nothing where lower-casing changes a text's length (İ).
        const expected = text.toLowerCase().length === text.length ? text : '';
        if (marked !== expected) failures.push(`${key}: highlighted ${JSON.stringify(marked.slice(0, 80))}`);
      }
      input.value = '';
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      await window.__treeSettled();
      return failures;
    },
    payloads.map(({ text }, i) => ({ key: objectiveKeyOf(i), text })).filter((_, i) => i % every === 0),
  );
}

/**
 * Searches for pieces that cut payloads apart (`<img src=x onerror=__` · `pwned` · `('img-onerror')>`):
 * the text around each highlight must stay text too. Returns the differences, per piece.
 */
async function searchPiecesOfPayloads(page, pieces) {
  const differences = [];
  for (const piece of pieces) {
    const split = await page.evaluate(async (needle) => {
      const input = document.querySelector('#okr-search');
      input.value = needle;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      await window.__treeSettled();
      // Titles with text on both sides of a highlight.
      return [...document.querySelectorAll('.okr-title')].filter((t) => t.querySelector('.okr-hit') && t.firstChild.nodeType === Node.TEXT_NODE && t.lastChild.nodeType === Node.TEXT_NODE).length;
    }, piece);
    if (!split) differences.push(`${JSON.stringify(piece)}: cuts no title apart`);
    for (const difference of [...(await literalDifferences(page, false)), ...(await foreignElements(page))]) differences.push(`${JSON.stringify(piece)}: ${difference}`);
  }
  await page.evaluate(async () => {
    const input = document.querySelector('#okr-search');
    input.value = '';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await window.__treeSettled();
  });
  return differences;
}

/**
 * The keyboard and the filters, from inside the page: Enter on the first objective of every file
 * (the page reveals its file), one value in `every` of each filter, one link chip in `every` (a
 * jump opens what hides its target).
 */
function keyboardAndFilters(page, every) {
  return page.evaluate(
    async ({ firstOfEachFile, every }) => {
      for (const row of document.querySelectorAll('.okr-row')) {
        if (!firstOfEachFile.includes(row.getAttribute('data-key'))) continue;
        row.focus();
        row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        row.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      }
      for (const id of ['okr-period', 'okr-level', 'okr-owner']) {
        const select = document.getElementById(id);
        for (const option of [...select.options].filter((_, i) => i % every === 1)) {
          select.value = option.value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await window.__treeSettled();
          if (!document.querySelector('.okr-row:not(.okr-context)')) throw new Error(`the ${id} ${JSON.stringify(option.value)} shows nothing`);
        }
        select.value = '';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      [...document.querySelectorAll('.okr-link:not(:disabled)')].filter((_, i) => i % every === 0).forEach((chip) => chip.click());
      await window.__treeSettled();
    },
    { firstOfEachFile: firstObjectiveOfEachFile(), every },
  );
}

function firstObjectiveOfEachFile() {
  const seen = new Map();
  for (const o of objectivesOf(model)) if (!seen.has(o.location.uri) || seen.get(o.location.uri).location.startLine > o.location.startLine) seen.set(o.location.uri, o);
  return [...seen.values()].map((o) => o.key);
}

/** The mouse, for real, over and on the title and link chips of the objectives of a few payloads. */
async function pointAndClick(page, every) {
  for (let i = 0; i < payloads.length; i += every) {
    const targets = await page.evaluate((key) => {
      const row = [...document.querySelectorAll('.okr-row')].find((r) => r.getAttribute('data-key') === key);
      row.scrollIntoView({ block: 'center' });
      const centre = (element) => {
        const box = element.getBoundingClientRect();
        return { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2 };
      };
      return [row.querySelector('.okr-title'), ...row.querySelectorAll('.okr-link:not(:disabled)')].map(centre);
    }, objectiveKeyOf(i));
    for (const { x, y } of targets) await page.mouse.move(x, y);
    await page.mouse.click(targets[0].x, targets[0].y);
  }
}

/**
 * Puts markup in the page by hand, as an escaping bug would: an inline script, and a remote
 * image. With the CSP in force neither runs nor loads, and each is a violation. What the probe
 * itself causes (its violations, their console errors, the blocked request) is taken off the report.
 */
async function probeCsp(page, report) {
  const before = { errors: report.errors.length, leaving: report.leaving.length };
  const probe = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__xss = 1';
    const image = document.createElement('img');
    image.src = 'http://xss.invalid/probe.png';
    document.body.append(script, image);
    await new Promise((resolve) => setTimeout(resolve, 50));
    script.remove();
    image.remove();
    const seen = [...new Set(window.__cspViolations.map((v) => v.directive))].sort();
    window.__cspViolations.length = 0;
    return { ran: window.__xss, seen };
  });
  assert.ok(report.errors.slice(before.errors).every((e) => e.includes('Content Security Policy')), report.errors.join('\n'));
  assert.ok(report.leaving.slice(before.leaving).every((url) => url === 'http://xss.invalid/probe.png'), report.leaving.join('\n'));
  report.errors.length = before.errors;
  report.leaving.length = before.leaving;
  return probe;
}

describe('the webview page', () => {
  test('its CSP is the one client/src/preview/html.ts writes, and it is in force', async () => {
    // html.ts imports only types from vscode: bundle it and call it with a stand-in webview.
    const built = await esbuild.build({ entryPoints: [path.join(root, 'client/src/preview/html.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral', logLevel: 'error' });
    const { previewHtml } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
    const uri = (p) => ({ path: p, with: ({ path: next }) => uri(next), toString: () => p });
    const shell = previewHtml({ webview: { cspSource: "'self'", asWebviewUri: (u) => u }, root: uri('/dist/preview'), codicons: true, nonce: 'NONCE' });
    const webviewCsp = shell.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1].replaceAll('&#39;', "'");

    await withHostilePage(`${server.origin}/harness.html`, (url) => url.startsWith(`${server.origin}/`), async (page, report) => {
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.equal(csp.replace(/'nonce-[0-9a-f]+'/, "'nonce-NONCE'"), webviewCsp);
      // In force: markup put in the page by hand (what an escaping bug would do) does not run or load.
      const probe = await probeCsp(page, report);
      assert.deepEqual(probe, { ran: undefined, seen: ['img-src', 'script-src-elem'] });
    });
  });

  test('the whole corpus renders as text and runs nothing: expand all, search, keyboard, filters, chips, mouse, problems only, themes, reload', async () => {
    const origin = `${server.origin}/`;
    await withHostilePage(`${server.origin}/harness.html?theme=light`, (url) => url.startsWith(origin), async (page) => {
      const post = () => page.evaluate((m) => window.__post({ type: 'model', model: m }), model);
      await post();
      await page.waitForSelector('.okr-row', { timeout: 5000 });
      await expandAll(page);
      assert.deepEqual(await literalDifferences(page, true), []);
      assert.deepEqual(await missingPayloads(page), []);

      assert.deepEqual(await searchPayloads(page, 1), []);
      assert.deepEqual(await searchPiecesOfPayloads(page, ['pwned', '\u202E']), []);
      await keyboardAndFilters(page, 3);
      // Reveal messages carry the file URIs as data, exactly.
      const revealed = new Set((await page.evaluate(() => window.__posted)).filter((m) => m.type === 'reveal').map((m) => m.uri));
      assert.ok(revealed.size > 0);
      const uris = new Set(objectivesOf(model).map((o) => o.location.uri));
      assert.deepEqual([...uris].filter((u) => !revealed.has(u)), []);
      // The host follows the editor: a highlight in every file, by the file's URI.
      const firsts = new Set(firstObjectiveOfEachFile());
      await page.evaluate((list) => list.forEach(({ uri, startLine }) => window.__post({ type: 'highlight', uri, line: startLine })), objectivesOf(model).filter((o) => firsts.has(o.key)).map((o) => o.location));
      await pointAndClick(page, 34);

      await page.click('#okr-problems-only');
      await page.evaluate(() => window.__treeSettled());
      assert.deepEqual(await literalDifferences(page, false), []);
      const withoutBadges = await page.$$eval('.okr-row.okr-objective:not(.okr-context), .okr-row.okr-kr:not(.okr-context)', (list) => list.filter((r) => !r.querySelector('.okr-badge')).map((r) => r.getAttribute('data-key')));
      assert.deepEqual(withoutBadges, [], 'problems only shows rows with problems');
      await page.click('#okr-problems-only');

      // Themes: VS Code swaps the body class in place; then a reload in another theme.
      for (const kind of ['vscode-dark', 'vscode-high-contrast', 'vscode-light']) {
        await page.evaluate((k) => {
          document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
          document.body.classList.add(k);
          return getComputedStyle(document.querySelector('.okr-row')).color;
        }, kind);
      }
      // The reload restores the UI state the page saved, a hostile search among it.
      const searched = payloads.findIndex((p) => p.name === 'img-onerror');
      await page.fill('#okr-search', payloads[searched].text);
      await page.waitForFunction(() => window.__state()?.search);
      await page.goto(`${server.origin}/harness.html?theme=hc`);
      await page.waitForFunction(() => document.querySelector('.okr-app'));
      await post();
      await page.waitForSelector('.okr-row', { timeout: 5000 });
      assert.equal(await page.inputValue('#okr-search'), payloads[searched].text);
      const matches = await page.$$eval('.okr-row.okr-objective:not(.okr-context)', (rows) => rows.map((r) => r.getAttribute('data-key')));
      assert.deepEqual(matches, objectivesOf(model).filter((o) => o.title === payloads[searched].text).map((o) => o.key));
      assert.deepEqual(await literalDifferences(page, false), []);
      await page.press('#okr-search', 'Escape');
      await page.waitForFunction(() => !document.querySelector('.okr-context'));
      await page.click('#okr-collapse-all');
      await expandAll(page);
      assert.deepEqual(await literalDifferences(page, true), []);
    });
  });
});

describe('the HTML export', () => {
  test('opened from its file: the model is data, the CSP is in force, the whole corpus renders as text and runs nothing', async () => {
    const url = pathToFileURL(exportFile).href;
    await withHostilePage(url, (u) => u === url || u.startsWith('data:'), async (page, report) => {
      // The page is what the command line wrote: two scripts (the data, the code), one style.
      const shape = await page.evaluate(() => ({
        scripts: [...document.scripts].map((s) => s.type || 'code'),
        styles: document.querySelectorAll('style').length,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
        data: JSON.parse(document.getElementById('okr-model').textContent),
      }));
      assert.deepEqual(shape.scripts, ['application/json', 'code']);
      assert.equal(shape.styles, 1);
      assert.match(shape.csp, /^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'; font-src data:; img-src data:$/);
      assert.deepEqual(shape.data, model, 'the embedded model is the model, unchanged');

      await page.waitForSelector('.okr-row', { timeout: 5000 });
      await expandAll(page);
      assert.deepEqual(await literalDifferences(page, true), []);
      assert.deepEqual(await missingPayloads(page), []);
      // The same renderer as the webview's (tested there with every interaction): here what the
      // standalone page adds, with a share of the interactions that make rows and tooltips anew.
      assert.deepEqual(await searchPayloads(page, 4), []);
      assert.deepEqual(await searchPiecesOfPayloads(page, ['pwned']), []);
      await pointAndClick(page, 34);
      await page.click('#okr-problems-only');
      assert.deepEqual(await literalDifferences(page, false), []);
      await page.click('#okr-problems-only');
      await page.click('#okr-collapse-all');
      await expandAll(page);
      assert.deepEqual(await literalDifferences(page, true), []);

      const probe = await probeCsp(page, report);
      assert.deepEqual(probe, { ran: undefined, seen: ['img-src', 'script-src-elem'] }, 'the CSP is in force');
    });
  });
});

describe('the HTML review (okr report)', () => {
  test('opened from its file: no script, the CSP is in force, every payload reads back as written and none became markup', async () => {
    const url = pathToFileURL(reportFile).href;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const report = { canaries: [], dialogs: [], errors: [], leaving: [], navigations: [], popups: [] };
    await context.exposeFunction('__pwned', (name) => report.canaries.push(String(name)));
    await context.addInitScript(recorder);
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested === url) return route.continue();
      report.leaving.push(requested);
      return route.abort();
    });
    try {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => report.errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => message.type() === 'error' && report.errors.push(`console: ${message.text()}`));
      page.on('popup', (popup) => report.popups.push(popup.url()));
      await page.goto(url);
      const shape = await page.evaluate(() => ({
        scripts: document.scripts.length,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
        tags: [...new Set([...document.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))].sort(),
        attributes: [...new Set([...document.querySelectorAll('body *')].flatMap((e) => [...e.attributes].map((a) => a.name)))].sort(),
        text: document.body.textContent,
        titles: [...document.querySelectorAll('[title]')].map((e) => e.getAttribute('title')),
      }));
      assert.equal(shape.scripts, 0);
      assert.match(shape.csp, /^default-src 'none'; style-src 'sha256-[^']+'$/);
      const allowedTags = ['body', 'circle', 'code', 'h1', 'h2', 'h3', 'head', 'html', 'li', 'line', 'meta', 'p', 'polyline', 'section', 'span', 'strong', 'style', 'svg', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr', 'ul'];
      assert.deepEqual(shape.tags.filter((t) => !allowedTags.includes(t)), [], 'elements the report does not make');
      const allowedAttributes = ['aria-label', 'class', 'cx', 'cy', 'height', 'id', 'points', 'r', 'role', 'title', 'viewBox', 'viewbox', 'width', 'x1', 'x2', 'y1', 'y2'];
      assert.deepEqual(shape.attributes.filter((a) => !allowedAttributes.includes(a)), [], 'attributes the report does not set');
      // Each payload is an objective's title, a grade's note and a reflection: it reads back whole.
      // Control characters read back as their control pictures (escapeHtml in server/src/cli/report.ts).
      const pictured = (text) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => String.fromCharCode(c === '\u007F' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
      const missing = payloads.filter(({ text }) => !shape.text.includes(pictured(text))).map(({ name }) => name);
      assert.deepEqual(missing, [], 'payloads that do not read back as written');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
      const probe = await probeCsp(page, report);
      assert.deepEqual(probe, { ran: undefined, seen: ['img-src', 'script-src-elem'] }, 'the CSP is in force');
      assert.deepEqual(report.canaries, [], 'canaries called');
      assert.deepEqual(report.dialogs, [], 'dialogs');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
      assert.deepEqual(report.leaving, [], 'requests that leave the page');
      assert.deepEqual(report.errors, [], 'errors in the page');
      assert.deepEqual(report.popups, [], 'popups');
      assert.equal(page.frames().length, 1, 'frames');
    } finally {
      await context.close();
    }
  });
});
