// `okr import` as a user runs it (node bin/okr.js import …): the fixtures of each format (Viva Goals'
// CSV and XLSX export, spreadsheets of other tools, broken inputs) into temporary folders; the
// written files against golden files, read by `okr check` with no syntax, unknown-reference or
// duplicate-id problem and formatted as `okr fmt` formats; every value of every fixture row found
// in what was written; the samples through export → import → export; overwriting, options, errors.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseDate, parseNumber, parsePeriodLabel, parseUnit, slug } from '../../server/src/import/values';
import { golden, okr, repo } from './run';

const fixtures = join(repo, 'test/cli/fixtures/import');

const temp = () => mkdtempSync(join(tmpdir(), 'okr-import-'));

/** Imports a fixture into a new folder: the folder, the run, and every written file's text. */
function importFixture(name: string, ...options: string[]) {
  const dir = temp();
  copyFileSync(join(fixtures, name), join(dir, name));
  const run = okr(['import', name, '--to', 'out', ...options], dir);
  const out = join(dir, 'out');
  const files = existsSync(out) ? Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f), 'utf8')])) : {};
  return { dir, out, run, files };
}

/** The workspace's problems by rule, from `okr check --format json`. */
function problems(folder: string): { rule: string; severity: string; message: string }[] {
  const { stdout } = okr(['check', '--format', 'json', folder], folder);
  return (JSON.parse(stdout) as { problems: { rule: string; severity: string; message: string }[] }).problems;
}

function assertClean(folder: string): void {
  const bad = problems(folder).filter((p) => ['syntax', 'unknown-reference', 'duplicate-id', 'invalid-value', 'alignment-cycle'].includes(p.rule) || p.severity === 'error');
  assert.deepEqual(bad, [], 'the written files have errors');
  const fmt = okr(['fmt', '--check', folder], folder);
  assert.equal(fmt.code, 0, `okr fmt --check: ${fmt.stdout}`);
}

/**
 * Whether a cell's value is in the written files: as written, or in the form the language gives
 * it (a date as YYYY-MM-DD, `Q1 2026` as `2026-Q1`, `$1,100,000` as `1100000`, a unit as a
 * word, `70%` of confidence as `0.7`, a type or a kind of metric as the statement it became).
 */
function found(header: string, value: string, text: string): boolean {
  if (/\n/.test(value.trim())) return value.split('\n').every((line) => !line.trim() || found(header, line, text));
  const haystack = text.toLowerCase();
  const has = (s: string | undefined) => s !== undefined && s !== '' && haystack.includes(s.toLowerCase());
  const v = value.trim().replace(/\s+/g, ' ');
  if (has(v) || has(v.replace(/"/g, "'"))) return true;
  const meaning: Record<string, string> = {
    objective: 'objective ', 'key result': '\n  kr ', increase: '\n    from ', decrease: '\n    from ', 'maintain below': 'keep below', committed: '\n  committed', aspirational: '\n  aspirational', number: '', company: 'level company', team: 'level team',
  };
  if (meaning[v.toLowerCase()] !== undefined) return meaning[v.toLowerCase()] === '' || has(meaning[v.toLowerCase()]);
  if (has(parseDate(v)) || has(parsePeriodLabel(v))) return true;
  const number = parseNumber(v);
  if (number && (has(String(number.value)) || has(String(number.value / 100)))) return true;
  const unit = parseUnit(v);
  if (unit && has(` ${unit.text}`)) return true;
  if (has(slug(v))) return true; // A team is a file name.
  if (/^(checkins|aligned to)/i.test(header)) {
    // Packed cells: each part (`Note: …`, `Current Value: …`, `Title(weight: 60%, Id: …)`) on its own.
    const parts = v.split(/;|\(weight:|, Id:|\)/).map((p) => p.replace(/^\s*[\w ]+:\s*/, '').trim()).filter(Boolean);
    return parts.every((part) => found('', part.replace(/%$/, ''), text));
  }
  return false;
}

function assertEveryValueFound(fixture: string, files: Record<string, string>): void {
  const text = Object.entries(files).map(([name, body]) => `${name}\n${body}`).join('\n');
  const rows = Papa.parse<string[]>(readFileSync(join(fixtures, fixture), 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
  const [header, ...data] = rows;
  const missing: string[] = [];
  data.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.trim() && !found(header![c]!, cell, text)) missing.push(`row ${r + 2}, ${header![c]}: ${JSON.stringify(cell)}`);
    }),
  );
  assert.deepEqual(missing, [], `values of ${fixture} not found in the written files`);
}

describe('okr import: the formats', () => {
  for (const [fixture, goldenName] of [
    ['viva-goals.csv', 'import-viva-goals-csv.txt'],
    ['viva-goals.xlsx', 'import-viva-goals-xlsx.txt'],
    ['generic.csv', 'import-generic.txt'],
    ['typed.csv', 'import-typed.txt'],
  ] as const) {
    test(`${fixture}: golden files, clean for okr check and okr fmt, every value kept, exit 1 for values kept as comments`, () => {
      const { out, run, files } = importFixture(fixture);
      assert.equal(run.stderr, '');
      assert.equal(run.code, 1, 'some values are only kept as comments');
      assert.match(run.stdout, /^wrote out\/\S+\.okr \(\d+ objectives?, \d+ key results?\)$/m);
      assert.match(run.stdout, /^kept as comments, with no place in the language \(\d+ values?\):$/m);
      golden(goldenName, `$ okr import ${fixture} --to out\n${run.stdout}\n${Object.entries(files).map(([name, body]) => `── out/${name} ──\n${body}`).join('\n')}`);
      assertClean(out);
      assertEveryValueFound(fixture.replace(/\.xlsx$/, '.csv'), files);
    });
  }

  test('Viva Goals: weights, metrics, packed check-ins with dates, users and notes; statuses and scores as comments', () => {
    const { files } = importFixture('viva-goals.csv');
    const sales = files['sales.okr']!;
    assert.match(sales, /^ {4}from 0 to 40 customers$/m);
    assert.match(sales, /^ {4}checkin 2026-01-20 5 customers: Slow start: holidays \(Priya Raman\)$/m);
    assert.match(sales, /^ {4}checkin 2026-02-20 12 customers: Pipeline #\u00a0?2 is strong \(Priya Raman\)$/m);
    assert.match(sales, /^ {4}weight 71\.43$/m);
    assert.match(sales, /^ {2}aligns to become-go-platform$/m);
    assert.match(sales, /^ {2}aspirational$/m);
    assert.match(sales, /^ {2}# Deliverable: "Run the retail roadshow in 5 cities"/m);
    assert.match(sales, /^ {4}# Status: At risk$/m);
    assert.match(sales, /^ {4}# Score: 0\.3$/m);
    assert.match(files['company.okr']!, /^ {4}keep below 2 %$/m);
    assert.match(files['customer-success.okr']!, /^ {2}owner "Maria López"$/m);
    assert.deepEqual(Object.keys(files), ['company.okr', 'customer-success.okr', 'sales.okr']);
  });

  test('the XLSX export gives the same files as the CSV', () => {
    const csv = importFixture('viva-goals.csv').files;
    const xlsx = importFixture('viva-goals.xlsx').files;
    const body = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.split('\n').slice(1).join('\n')]));
    assert.deepEqual(body(xlsx), body(csv));
  });

  test('--by level: one file per level', () => {
    const { files, out } = importFixture('viva-goals.csv', '--by', 'level');
    assert.deepEqual(Object.keys(files), ['company.okr', 'team.okr']);
    assertClean(out);
  });

  test('levels that are not the defaults go to okr.config.json, top to bottom', () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.csv'), 'Title,Level,Parent\nWin,Division,\nShip,Squad,Win\nGrow,Tribe,Win\nHelp,Squad,Grow\n');
    const run = okr(['import', 'plan.csv'], dir);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'okr.config.json'), 'utf8')), { levels: ['division', 'tribe', 'squad'] });
    assert.deepEqual(problems(dir).filter((p) => p.rule === 'invalid-value'), []);
  });

  test('exit 0 when every value has a place; --map names the columns it does not know', () => {
    const { code, stdout, stderr } = okr(['import', join(fixtures, 'broken-missing-column.csv'), '--to', 'out', '--map', 'Name of thing=title', '--map', 'Who=owner'], temp());
    assert.equal(stderr, '');
    assert.equal(code, 0, stdout);
    assert.doesNotMatch(stdout, /kept as comments/);
    const ignored = okr(['import', join(fixtures, 'broken-missing-column.csv'), '--map', 'Name of thing=title', '--map', 'Who=ignore'], temp());
    assert.equal(ignored.code, 0);
    const bad = okr(['import', join(fixtures, 'broken-missing-column.csv'), '--map', 'Name of thing=colour'], temp());
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /"colour" is not a field; the fields are: id, type, title/);
  });
});

describe('okr import: the JSON export round-trips', () => {
  for (const sample of ['ai-search', 'cascade', 'hierarchy', 'marketing']) {
    test(`samples/${sample} → export json → import → export json: the same model`, () => {
      const dir = temp();
      const first = okr(['export', '--format', 'json', join(repo, 'samples', sample), '-o', join(dir, 'before.json')], dir);
      assert.equal(first.code, 0, first.stderr);
      const run = okr(['import', 'before.json', '--to', sample], dir);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assertClean(join(dir, sample));
      const second = okr(['export', '--format', 'json', sample, '-o', 'after.json'], dir);
      assert.equal(second.code, 0, second.stderr);
      // What the model says; not where it sits (lines, folders) nor the problems, which name lines
      // and check-ins (the JSON export carries a key result's value, not its check-ins).
      const model = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'), (key, value) => (['location', 'problems', 'totals', 'workspace'].includes(key) ? undefined : value));
      assert.deepEqual(model('after.json'), model('before.json'));
      // The files are the sample's files.
      assert.deepEqual(readdirSync(join(dir, sample)).filter((f) => f.endsWith('.okr')).sort(), readdirSync(join(repo, 'samples', sample)).sort());
    });
  }
});

describe('okr import: bad input is one clear message', () => {
  for (const [fixture, message] of [
    ['broken-not-csv.csv', /^okr: \S+broken-not-csv\.csv: broken-not-csv\.csv is binary data: not a CSV, an Excel workbook \(\.xlsx\) or a JSON export$/],
    ['broken-missing-column.csv', /missing column: no Title, Objective or Key Result column \(the columns are: Name of thing, Who\)\. Name the column that holds the titles with --map COLUMN=title$/],
    ['broken-row.csv', /: row 2: a quoted cell is never closed \(a " is missing\)$/],
    ['broken-cycle.csv', /: the parents make a cycle: row 2 \("A"\) → row 4 \("C"\) → row 3 \("B"\) → row 2 \("A"\)/],
    ['broken-unknown-parent.csv', /: row 3: aligned to Id 42, which is not a row of the file$/],
  ] as const) {
    test(fixture, () => {
      const dir = temp();
      const { code, stdout, stderr } = okr(['import', join(fixtures, fixture), '--to', 'out'], dir);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr.trim(), message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      assert.ok(!existsSync(join(dir, 'out')), 'nothing written');
    });
  }

  test('a JSON file that is not the export, a workbook that is not one, a missing file, a folder, no file', () => {
    const dir = temp();
    writeFileSync(join(dir, 'other.json'), '{"name": "x"}');
    writeFileSync(join(dir, 'fake.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
    writeFileSync(join(dir, 'rows.csv'), 'Objective,Key Result\nGrow,More\n,Orphan\n');
    const cases: [string[], RegExp][] = [
      [['import', 'other.json'], /other\.json is JSON but not what `okr export --format json` writes/],
      [['import', 'fake.xlsx'], /fake\.xlsx: not a readable Excel workbook/],
      [['import', 'nope.csv'], /^okr: no file nope\.csv$/m],
      [['import', '.'], /is a folder/],
      [['import'], /import takes one file/],
      [['import', 'rows.csv', '--by', 'owner'], /--by takes team or level, not owner/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = okr(args, dir);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /);
    }
  });

  test('a key result row with a blank objective cell goes to the objective above it', () => {
    const dir = temp();
    writeFileSync(join(dir, 'rows.csv'), 'Objective,Key Result,Target\nGrow,Sell 10 more,10\n,Sell 20 more,20\n');
    assert.equal(okr(['import', 'rows.csv'], dir).code, 0);
    const text = readFileSync(join(dir, 'company.okr'), 'utf8');
    assert.match(text, /objective grow: Grow\n {2}kr sell-10: Sell 10 more\n {4}target 10\n {2}kr sell-20: Sell 20 more\n {4}target 20\n/);
  });
});

describe('okr import: never overwrites without --force', () => {
  test('a second import refuses and writes nothing; --force overwrites', () => {
    const { dir, out } = importFixture('typed.csv');
    writeFileSync(join(out, 'support.okr'), 'objective mine: My own\n');
    const again = okr(['import', 'typed.csv', '--to', 'out'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^okr: not written: out\/community\.okr, out\/support\.okr already exist; use --force to overwrite, or --to DIR to write elsewhere$/m);
    assert.equal(readFileSync(join(out, 'support.okr'), 'utf8'), 'objective mine: My own\n');
    const forced = okr(['import', 'typed.csv', '--to', 'out', '--force'], dir);
    assert.equal(forced.code, 1);
    assert.match(readFileSync(join(out, 'support.okr'), 'utf8'), /objective answer-every-question/);
  });
});
