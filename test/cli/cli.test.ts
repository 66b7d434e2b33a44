// The `okr` command line, run as a user runs it (node bin/okr.js …) on the samples and on
// temporary folders: golden text output, JSON, SARIF validated against the SARIF 2.1.0 schema,
// exit codes, fmt --check, every export format, and the HTML export in Chromium.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import { golden, okr, repo, samples } from './run';

/** A temporary folder holding `files` (names may have folders: `a/x.okr`). */
function tempFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'okr-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('okr check', () => {
  test('on the samples: compiler-style lines and a summary, stable (golden), exit 0 without errors', () => {
    const { code, stdout, stderr } = okr(['check']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /^ai-search\/engineering\.okr:23:11 warning `core-product` is a catch-all: .* \(catch-all\)$/m);
    assert.match(stdout, /^✖ \d+ problems \(0 errors, \d+ warnings, \d+ info, \d+ hints\) in 22 files$/m);
    golden('check-samples.txt', stdout);
  });

  test('paths and globs narrow what is checked', () => {
    const { stdout } = okr(['check', 'cascade', 'hierarchy/*.okr']);
    assert.ok(!stdout.includes('ai-search/'));
    assert.match(stdout, /cascade\/na-sales\.okr:13:\d+ info .*\(kr-is-task\)/);
    assert.match(stdout, /in 9 files/);
  });

  test('--format json: the same problems as data', () => {
    const text = okr(['check']).stdout;
    const { code, stdout } = okr(['check', '--format', 'json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as { files: number; counts: Record<string, number>; problems: { file: string; line: number; rule: string }[] };
    assert.equal(report.files, 22);
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
    assert.equal(option.stderr, 'okr: okr check has no option --frobnicate\nRun `okr check --help` for its options and examples.\n');
    const otherCommands = okr(['fmt', '--format', 'json']);
    assert.equal(otherCommands.code, 2, "another command's option is refused, not ignored");
    assert.match(otherCommands.stderr, /^okr: okr fmt has no option --format\n/);
    assert.match(okr(['check', '--format']).stderr, /^okr: --format needs a value\n/);
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
      // The SVG namespace of the map is a name, not an address: nothing loads from it.
      assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!json\.schemastore|www\.w3\.org\/2000\/svg\b)/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('export svg -o writes the alignment map as one standalone picture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-export-'));
    try {
      const out = join(dir, 'plan.svg');
      const { code, stderr } = okr(['export', '--format', 'svg', '-o', out]);
      assert.equal(code, 0, stderr);
      const svg = readFileSync(out, 'utf8');
      assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
      assert.match(svg, /<g class="okr-map-box okr-map-strategy" transform="translate\([\d.]+,[\d.]+\)" data-key="r:ai-search">/);
      assert.match(svg, /<text class="okr-map-title" x="10" y="34">Generate \$200M new recurring<\/text>/, 'a title in two lines of about 34 characters');
      assert.doesNotMatch(svg, /<script|<foreignObject|href=|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('okr.config.json: the nearest above each file, from wherever okr runs', () => {
  test('the samples give the same problems from the repository root, from inside and from a subfolder', () => {
    const inside = okr(['check', '.']);
    const fromRoot = okr(['check', 'samples/'], repo);
    assert.equal(inside.code, 0);
    assert.match(inside.stdout, /info .*\(stale-checkin\)$/m, 'samples/okr.config.json pins today: check-ins are stale then');
    assert.equal(fromRoot.stdout, inside.stdout.replace(/^(?=[\w-]+\/[\w-]+\.okr:)/gm, 'samples/'));
    // From a folder below the configuration, the paths differ: compare the problems by absolute path.
    const problems = (args: string[], cwd: string) => {
      const report = JSON.parse(okr(['check', '--format', 'json', ...args], cwd).stdout) as { problems: { file: string; line: number; column: number; rule: string; message: string }[] };
      return report.problems.map((p) => `${resolve(cwd, p.file)}:${p.line}:${p.column} ${p.rule} ${p.message}`).sort();
    };
    const expected = problems([], samples);
    assert.equal(expected.length, inside.stdout.trim().split('\n').length - 2);
    assert.deepEqual(problems(['samples'], repo), expected);
    assert.deepEqual(problems(['..'], join(samples, 'cascade')), expected);
  });

  test('files under different configurations: each folder is checked as its own workspace, with its own file', () => {
    const dir = tempFolder({
      'plans/okr.config.json': '{ "rules": { "no-key-results": "error" } }',
      'plans/company.okr': 'objective grow: Grow\n',
      'plans/sales/sales.okr': 'objective sell: Sell Atlas in Peru\n  aligns to grow\n',
      'team/okr.config.json': '{ "rules": { "no-key-results": "off" } }',
      'team/team.okr': 'objective ours: Ours\n  aligns to grow\n',
      'drafts/draft.okr': 'objective draft: Draft\n  aligns to grow\n',
    });
    try {
      const { code, stdout } = okr(['check'], dir);
      assert.equal(code, 1);
      // plans/ (the config nearest to plans/sales/ is plans/okr.config.json): no-key-results is an error.
      assert.match(stdout, /^plans\/company\.okr:1:11 error Objective `grow` has no key results/m);
      assert.match(stdout, /^plans\/sales\/sales\.okr:1:11 error Objective `sell` has no key results/m);
      assert.doesNotMatch(stdout, /^plans\/sales\/sales\.okr:.*unknown-reference/m, '`grow` resolves within plans/');
      // team/: its own file turns the rule off; `grow` is another workspace's.
      assert.doesNotMatch(stdout, /^team\/team\.okr:.*no-key-results/m);
      assert.match(stdout, /^team\/team\.okr:2:13 error No objective or strategy is called `grow`/m);
      // drafts/: under no okr.config.json, the defaults (no-key-results is info).
      assert.match(stdout, /^drafts\/draft\.okr:1:11 info Objective `draft` has no key results/m);
      assert.match(stdout, /in 4 files$/m);
      // The same answer for plans/ alone, from anywhere.
      const plans = okr(['check', 'plans'], dir).stdout.split('\n').filter((line) => line.startsWith('plans/'));
      assert.deepEqual(plans, stdout.split('\n').filter((line) => line.startsWith('plans/')));
      assert.deepEqual(okr(['check', '.'], join(dir, 'plans/sales')).stdout.split('\n')[0], 'sales.okr:1:11 error Objective `sell` has no key results: add two to five `kr ID: title` lines under it that say how you will know it is achieved (no-key-results)');

      const tree = okr(['tree'], dir);
      assert.equal(tree.code, 0);
      assert.deepEqual(tree.stdout.split('\n').filter((line) => line.startsWith('──')), ['── files under plans/okr.config.json ──', '── files under team/okr.config.json ──', '── files under no okr.config.json (the defaults) ──']);
      const exported = okr(['export', '--format', 'json'], dir);
      assert.equal(exported.code, 2);
      assert.match(exported.stderr, /^okr: these files are under 3 configurations \(plans\/okr\.config\.json, team\/okr\.config\.json, no okr\.config\.json\): an export is one plan/);
      assert.equal(okr(['export', '--format', 'json', 'plans'], dir).code, 0, 'one folder, one plan');

      // --config: one file for all, one workspace, so `grow` resolves everywhere.
      const one = okr(['check', '--config', 'plans/okr.config.json'], dir);
      assert.doesNotMatch(one.stdout, /unknown-reference/);
      assert.match(one.stdout, /^team\/team\.okr:1:11 error Objective `ours` has no key results/m);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('help', () => {
  for (const command of ['check', 'tree', 'export', 'fmt']) {
    test(`okr ${command} --help, -h and okr help ${command}: usage, options and examples, exit 0`, () => {
      const help = okr([command, '--help']);
      assert.equal(help.code, 0);
      assert.equal(help.stderr, '');
      assert.match(help.stdout, new RegExp(`^Usage: okr ${command} `));
      assert.match(help.stdout, /\nOptions:\n(  .+\n)+\nExamples:\n(  okr .+\n)+$/);
      assert.match(help.stdout, /-h, --help/);
      assert.equal(okr([command, '-h']).stdout, help.stdout);
      assert.equal(okr(['help', command]).stdout, help.stdout);
      assert.equal(okr([command, 'no-such-folder', '--help']).code, 0, 'help wins over the rest of the line');
    });
  }

  test('okr --help and okr help: every command, exit 0; okr alone: the same, exit 2; an unknown topic: exit 2', () => {
    const help = okr(['--help']);
    assert.equal(help.code, 0);
    for (const command of ['check', 'tree', 'export', 'report', 'fmt', 'import']) assert.match(help.stdout, new RegExp(`^  ${command} +\\S`, 'm'));
    assert.match(help.stdout, /okr <command> --help/);
    assert.equal(okr(['help']).stdout, help.stdout);
    assert.equal(okr(['help']).code, 0);
    assert.equal(okr([]).code, 2);
    const unknown = okr(['help', 'lint']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'okr: no command lint: the commands are check, tree, export, report, fmt, import\n');
  });

  test('the options each help lists are the ones its command takes', () => {
    assert.match(okr(['check', '--help']).stdout, /--max-warnings N/);
    assert.doesNotMatch(okr(['fmt', '--help']).stdout, /--format|--config/);
    assert.match(okr(['export', '--help']).stdout, /-o, --output FILE/);
    assert.match(okr(['import', '--help']).stdout, /--map COLUMN=FIELD/);
    assert.doesNotMatch(okr(['import', '--help']).stdout, /^ +-f, --format/m);
  });
});

describe('a path that names no .okr file is an error, not a clean run', () => {
  test('check, tree, export and fmt: a folder without .okr files, a glob matching none, a missing path: exit 2', () => {
    const dir = tempFolder({ 'notes.md': '# notes\n', 'plans/README.md': 'none here\n', 'node_modules/dep/x.okr': 'objective x: X\n' });
    try {
      for (const command of [['check'], ['tree'], ['export', '--format', 'json'], ['fmt'], ['fmt', '--check']]) {
        const inFolder = okr(command, dir);
        assert.deepEqual([inFolder.code, inFolder.stdout, inFolder.stderr], [2, '', 'okr: no .okr file in the current folder or its subfolders (node_modules and hidden folders are skipped)\n'], command.join(' '));
        assert.equal(okr([...command, 'plans'], dir).stderr, 'okr: no .okr file in plans or its subfolders (node_modules and hidden folders are skipped)\n');
        assert.equal(okr([...command, '*.md'], dir).stderr, 'okr: no .okr file matches *.md\n');
        assert.equal(okr([...command, 'plnas/*.okr'], dir).stderr, 'okr: no .okr file matches plnas/*.okr\n');
        const missing = okr([...command, 'plnas'], dir);
        assert.deepEqual([missing.code, missing.stderr], [2, 'okr: no such file or folder: plnas\n']);
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('near miss: every path must name a file, but .okr files in subfolders count', () => {
    const dir = tempFolder({ 'deep/down/a.okr': 'objective a: Grow revenue from 1M to 2M\n  kr k: Revenue from 1 to 2 M$\n' });
    try {
      assert.equal(okr(['check'], dir).code, 0);
      assert.equal(okr(['fmt', '--check', 'deep'], dir).code, 0);
      const oneEmpty = okr(['check', 'deep', 'empty'], (mkdirSync(join(dir, 'empty')), dir));
      assert.deepEqual([oneEmpty.code, oneEmpty.stderr], [2, 'okr: no .okr file in empty or its subfolders (node_modules and hidden folders are skipped)\n'], 'one wrong path of two is still a mistake');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('files that say too much', () => {
  test('a binary file named on the command line: one problem, that it is not text', () => {
    // The start of a PNG image: its signature, chunks with NUL-heavy lengths, then compressed data.
    let seed = 1;
    const compressed = Array.from({ length: 6000 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, ...compressed]);
    const dir = tempFolder({ 'logo.png': png, 'plan.okr': 'objective grow: Grow revenue from 1M to 2M\n  kr k: Revenue from 1 to 2 M$\n' });
    try {
      const { code, stdout } = okr(['check', 'logo.png', 'plan.okr'], dir);
      assert.equal(code, 1);
      assert.match(stdout, /^logo\.png:2:1 error This file is not text: \d+ of its 6029 characters are control characters or undecodable bytes, starting here with the control character U\+001A\. .*\(encoding\)$/m);
      assert.equal(stdout.split('\n').filter((line) => line.startsWith('logo.png')).length, 1, 'one line for the whole file');
      assert.match(stdout, /^✖ 1 problem \(1 error, 0 warnings, 0 info, 0 hints\) in 2 files$/m);
      assert.equal(okr(['tree', 'logo.png'], dir).code, 0, 'the tree of nothing, without a crash');
      const formatted = okr(['fmt', 'logo.png'], dir);
      assert.deepEqual(readFileSync(join(dir, 'logo.png')), png, 'fmt leaves it byte for byte');
      assert.match(formatted.stderr, /^skipped logo\.png: not UTF-8 text/m);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test('a file of many broken lines: the first 50, then how many more', () => {
    const dir = tempFolder({ 'notes.okr': Array.from({ length: 80 }, (_, i) => `- meeting note ${i + 1}`).join('\n') + '\n' });
    try {
      const lines = okr(['check'], dir).stdout.split('\n').filter((line) => line.startsWith('notes.okr'));
      assert.equal(lines.length, 51);
      assert.match(lines[0]!, /^notes\.okr:1:1 error .*\(syntax\)$/);
      assert.match(lines[49]!, /^notes\.okr:50:1 error .*\(syntax\)$/);
      assert.equal(lines[50], 'notes.okr:51:1 error 30 more syntax problems from this line on (only the first 50 of a file are listed one by one) (syntax)');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
