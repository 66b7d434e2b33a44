// The `okr` command line, run as a user runs it (node bin/okr.js …) on the samples and on
// temporary folders: golden text output, JSON, SARIF validated against the SARIF 2.1.0 schema,
// exit codes, fmt --check, every export format, and the HTML export in Chromium.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';

const repo = resolve(__dirname, '../../..');
const samples = join(repo, 'samples');
const bin = join(repo, 'bin/okr.js');

function okr(args: string[], cwd = samples): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function golden(name: string, actual: string): void {
  const file = join(repo, 'test/cli/golden', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from test/cli/golden/${name} (UPDATE_GOLDEN=1 to rewrite, then review)`);
}

function tempFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'okr-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('okr check', () => {
  test('on the samples: compiler-style lines and a summary, stable (golden), exit 0 without errors', () => {
    const { code, stdout, stderr } = okr(['check']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /^ai-search\/engineering\.okr:23:11 warning `core-product` is a catch-all: .* \(catch-all\)$/m);
    assert.match(stdout, /^✖ \d+ problems \(0 errors, \d+ warnings, \d+ info, \d+ hints\) in 19 files$/m);
    golden('check-samples.txt', stdout);
  });

  test('paths and globs narrow what is checked', () => {
    const { stdout } = okr(['check', 'cascade', 'hierarchy/*.okr']);
    assert.ok(!stdout.includes('ai-search/'));
    assert.match(stdout, /cascade\/na-sales\.okr:13:\d+ info .*\(kr-not-measurable\)/);
    assert.match(stdout, /in 7 files/);
  });

  test('--format json: the same problems as data', () => {
    const text = okr(['check']).stdout;
    const { code, stdout } = okr(['check', '--format', 'json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as { files: number; counts: Record<string, number>; problems: { file: string; line: number; rule: string }[] };
    assert.equal(report.files, 19);
    assert.equal(report.problems.length, text.trim().split('\n').length - 2);
    assert.ok(report.problems.some((p) => p.file === 'ai-search/engineering.okr' && p.line === 23 && p.rule === 'catch-all'));
  });

  test('--format sarif validates against the SARIF 2.1.0 schema', () => {
    const { code, stdout } = okr(['check', '--format', 'sarif']);
    assert.equal(code, 0);
    const log = JSON.parse(stdout) as { runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: unknown; region: { startLine: number } } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(join(repo, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's patterns are written for non-unicode regular expressions.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'okr');
    assert.ok(run.tool.driver.rules.some((r) => r.id === 'summation-mismatch'));
    const catchAll = run.results.find((r) => r.ruleId === 'catch-all')!;
    assert.equal(catchAll.level, 'warning');
    assert.deepEqual(catchAll.locations[0]!.physicalLocation.artifactLocation, { uri: 'ai-search/engineering.okr', uriBaseId: '%SRCROOT%' });
    assert.equal(catchAll.locations[0]!.physicalLocation.region.startLine, 23);
  });

  test('exit 1 on errors; --max-warnings', () => {
    const dir = tempFolder({ 'a.okr': 'objective a: A\n  aligns to nowhere\n  kr k: K\n    target 5\n' });
    try {
      const { code, stdout } = okr(['check'], dir);
      assert.equal(code, 1);
      assert.match(stdout, /^a\.okr:2:13 error No objective or strategy is called `nowhere`.*\(unknown-reference\)$/m);
    } finally {
      rmSync(dir, { recursive: true });
    }
    assert.equal(okr(['check', '--max-warnings', '0']).code, 1);
    assert.equal(okr(['check', '--max-warnings', '1000']).code, 0);
  });

  test('clear errors, never a stack trace: a missing path, a bad option, a bad config', () => {
    const missing = okr(['check', 'nope']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'okr: no such file or folder: nope\n');
    const option = okr(['check', '--frobnicate']);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /^okr: Unknown option '--frobnicate'/);
    const dir = tempFolder({ 'a.okr': 'objective a: A\n', 'okr.config.json': '{ "rules": { "catch-al": "off" } }' });
    try {
      const config = okr(['check'], dir);
      assert.equal(config.code, 2);
      assert.match(config.stderr, /^okr: okr\.config\.json has errors:\n {2}okr\.config\.json:1:14 Unknown rule "catch-al": did you mean "catch-all"\?\n$/);
    } finally {
      rmSync(dir, { recursive: true });
    }
    for (const result of [missing, option]) assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});

describe('okr fmt', () => {
  test('--check lists what would change and exits 1; fmt rewrites; then --check passes', () => {
    const messy = 'objective  o:  O\nlevel team\nkr k: K\ntarget 5\n';
    const dir = tempFolder({ 'a.okr': messy, 'b.okr': 'objective p: P\n' });
    try {
      const checked = okr(['fmt', '--check'], dir);
      assert.equal(checked.code, 1);
      assert.equal(checked.stdout, 'would reformat a.okr\n1 file would be reformatted, 1 already formatted\n');
      assert.equal(readFileSync(join(dir, 'a.okr'), 'utf8'), messy, '--check changes nothing');
      assert.equal(okr(['fmt'], dir).code, 0);
      assert.equal(readFileSync(join(dir, 'a.okr'), 'utf8'), 'objective o: O\n  level team\n  kr k: K\n    target 5\n');
      assert.equal(okr(['fmt', '--check'], dir).code, 0);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('files that are not UTF-8', () => {
  test('check reads a Latin-1 file as Windows-1252 and says so; fmt leaves it byte for byte', () => {
    const dir = tempFolder({ 'user.okr': 'objective user: U\n  aligns to größe\n' });
    const latin1 = Buffer.from('objective  größe: Größe zählt\n', 'latin1');
    writeFileSync(join(dir, 'latin1.okr'), latin1);
    try {
      const { stdout } = okr(['check'], dir);
      assert.match(stdout, /^latin1\.okr:1:14 error This file is not UTF-8 text \(byte 0xF6 here is not valid UTF-8\); the OKR checks read it as Windows-1252/m);
      assert.doesNotMatch(stdout, /unknown-reference/, '`größe` is read right, so user.okr resolves it');
      const formatted = okr(['fmt'], dir);
      assert.equal(formatted.code, 1);
      assert.match(formatted.stderr, /^skipped latin1\.okr: not UTF-8 text/m);
      assert.deepEqual(readFileSync(join(dir, 'latin1.okr')), latin1, 'not rewritten');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('okr tree and okr export', () => {
  test('tree: strategies, objectives under what they align to, progress and problem marks', () => {
    const { code, stdout } = okr(['tree', 'ai-search']);
    assert.equal(code, 0);
    assert.match(stdout, /^ai-search \(strategy\) Win the market for AI-powered search$/m);
    assert.match(stdout, /^[├└]─ revenue {2}Generate \$200M new recurring revenue from AI Search {2}company · @ceo · 2026-Q1 {2}[▓░]{10} \d+% \(expected \d+%\)/m);
    assert.match(stdout, /catch-all/);
    golden('tree-ai-search.txt', stdout);
  });

  test('counts read as English: "1 error", "1 objective", "2 warnings", in check, tree, export and --max-warnings', () => {
    const dir = tempFolder({ 'a.okr': 'period 2026-Q1\nobjective a: A\n  aligns to nowhere\n', 'okr.config.json': '{ "rules": { "no-key-results": "warning" } }' });
    try {
      const check = okr(['check'], dir).stdout;
      assert.match(check, /^✖ 2 problems \(1 error, 1 warning, 0 info, 0 hints\) in 1 file$/m);
      writeFileSync(join(dir, 'a.okr'), 'period 2026-Q1\nobjective a: A\n');
      assert.match(okr(['check', '--max-warnings', '0'], dir).stdout, /^1 warning: more than --max-warnings 0$/m);
      writeFileSync(join(dir, 'a.okr'), 'period 2026-Q1\nobjective a: A\n  aligns to nowhere\n');
      const tree = okr(['tree'], dir).stdout;
      assert.match(tree, /^1 objective · today \d{4}-\d\d-\d\d · 1 error, 1 warning, 0 info, 0 hints$/m);
      assert.doesNotMatch(tree, /\b1 (errors|warnings|objectives)\b/);
      const md = okr(['export', '--format', 'markdown'], dir).stdout;
      assert.match(md, /^_1 objective · today \d{4}-\d\d-\d\d · 1 error, 1 warning_$/m);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('export json, markdown and mermaid', () => {
    const json = JSON.parse(okr(['export', '--format', 'json', 'ai-search']).stdout);
    assert.equal(json.roots[0].id, 'ai-search');
    const md = okr(['export', '--format', 'markdown', 'ai-search']).stdout;
    assert.match(md, /^## ai-search: Win the market for AI-powered search \(strategy\)$/m);
    assert.match(md, /^- \*\*revenue\*\* Generate \\\$200M new recurring revenue from AI Search — company · @ceo · 2026-Q1/m);
    const mermaid = okr(['export', '--format', 'mermaid', 'ai-search']).stdout;
    assert.match(mermaid, /^```mermaid\ngraph TD\n/);
    assert.match(mermaid, /-->/);
    assert.match(mermaid, /==>\|contributes\|/);
    assert.equal(okr(['export', 'ai-search']).code, 2, '--format is required');
  });

  test('export html -o writes one standalone file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-export-'));
    try {
      const out = join(dir, 'plan.html');
      const { code, stderr } = okr(['export', '--format', 'html', '-o', out]);
      assert.equal(code, 0, stderr);
      const html = readFileSync(out, 'utf8');
      assert.match(html, /<script type="application\/json" id="okr-model">/);
      assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
      assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!json\.schemastore)/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
