// `okr report PERIOD` as a user runs it: the samples' closed quarter in Markdown and HTML (golden
// files), a period written as a range, the errors a user can make. The HTML page goes through the
// XSS corpus in Chromium in test/preview/xss.test.mjs.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { golden, okr } from './run';

describe('okr report', () => {
  for (const sample of ['ai-search', 'hierarchy']) {
    test(`${sample} 2025-Q4 in Markdown (golden): grades by team and level, objectives, pace, reflections, carried over`, () => {
      const { code, stdout, stderr } = okr(['report', '2025-Q4', sample]);
      assert.equal(stderr, '');
      assert.equal(code, 0);
      golden(`report-${sample}-2025-q4.md`, stdout);
    });
  }

  test('ai-search 2025-Q4 in HTML (golden): no script, a CSP that allows only its own style', () => {
    const { code, stdout, stderr } = okr(['report', '2025-Q4', '--format', 'html', 'ai-search']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    golden('report-ai-search-2025-q4.html', stdout);
    assert.match(stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'">/);
    assert.doesNotMatch(stdout, /<script/i);
    assert.match(stdout, /<span class="grade grade-yellow" title="yellow: 0\.57">0\.57<\/span>/);
    assert.match(stdout, /<span class="grade grade-green" title="green: 0\.7">0\.7<\/span>/);
    assert.match(stdout, /<svg class="curve"/);
  });

  test('the same period written as a range of the same days', () => {
    const range = okr(['report', '2025-10-01..2025-12-31', 'ai-search']);
    assert.equal(range.code, 0);
    assert.equal(range.stdout.replace('2025-10-01..2025-12-31', '2025-Q4'), okr(['report', '2025-Q4', 'ai-search']).stdout);
  });

  test('errors: no period, not a period, a period nobody plans, an unknown format', () => {
    const none = okr(['report']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^okr: report needs the period: okr report 2025-Q4/);
    const bad = okr(['report', '2025-Q5', 'ai-search']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^okr: `2025-Q5` is not a period/);
    const unplanned = okr(['report', '2024-Q1', 'ai-search']);
    assert.equal(unplanned.code, 2);
    assert.match(unplanned.stderr, /^okr: no objective is planned for 2024-Q1: the periods planned are /);
    const format = okr(['report', '2025-Q4', '--format', 'pdf', 'ai-search']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown --format pdf: use markdown or html/);
  });

  test('on a terminal, user text is text: control characters, escape sequences and bidi controls written as their escapes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-report-'));
    writeFileSync(join(dir, 'a.okr'), 'period 2025-Q4\nobjective o: Title \u001b[31mred\n  kr k: K\n    target 10 deals\n    grade 0.5: note \u001b]0;title\u0007 here\n    learned: bidi \u202e x\n');
    const { code, stdout } = okr(['report', '2025-Q4', dir], dir);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /[\u001b\u0007\u202e]/);
    assert.match(stdout, /Title \\x1B/);
    assert.match(stdout, /note \\x1B\\\]0;title\\x07 here/);
    assert.match(stdout, /bidi \\u202E x/);
  });

  test('--help lists it', () => {
    const help = okr(['report', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: okr report PERIOD/);
    assert.match(okr(['--help']).stdout, /report\s+the review of a period/);
  });
});
