// The rules of the foundation: each has a case where it fires and a near miss where it must not.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, okr, uriOf } from './helpers';
import { defaultConfig } from '../../server/src/core/config';

const company = okr`
  period 2026-Q1
  strategy ai-search: Win the market for AI-powered search
  objective revenue: Generate $200M new recurring revenue
    level company
    aligns to ai-search
    kr arr: Add $200M in recurring revenue
      from 0 to 200 $M
      rollup sum
`;

describe('cross-file resolution', () => {
  test('references resolve across files: no problem at all', () => {
    const ws = analyse({
      'company.okr': company,
      'sales.okr': okr`
        period 2026-Q1
        objective us-east: Add revenue in US East
          level team
          aligns to revenue
          kr arr-east: Add $80M
            target 80 $M
            contributes to revenue.arr
      `,
    });
    assert.deepEqual(ws.lines('syntax', 'invalid-value', 'duplicate-id', 'unknown-reference', 'alignment-cycle'), []);
    const alignment = ws.analyzer.analyse().graph.alignments.find((a) => a.objective.id.text === 'us-east')!;
    assert.equal(alignment.target?.uri, uriOf('company.okr'));
  });
});

describe('syntax', () => {
  test('fires on a broken line, with the rule id as code', () => {
    const ws = analyse({ 'a.okr': 'objective o: T\n  levle team\n' });
    assert.deepEqual(ws.lines('syntax'), ['a.okr:2:3 syntax']);
    assert.equal(ws.of('syntax')[0]!.severity, 'error');
  });
  test('does not fire on a well-formed file', () => {
    assert.deepEqual(analyse({ 'a.okr': company }).of('syntax'), []);
  });
  test('a file of many broken lines: the first 50 by place, then one that counts the rest from where they start', () => {
    // Markdown pasted into a .okr file: 120 lines, none a statement. Unreadable characters are
    // found before statement errors, yet the first reported are the first lines.
    const lines = Array.from({ length: 120 }, (_, i) => (i === 100 ? `- item\u000b${i}` : `- item ${i}`));
    const ws = analyse({ 'a.okr': `${lines.join('\n')}\n` });
    const reported = ws.of('syntax');
    assert.equal(reported.length, 51);
    const lineStarts = ws.index.get(uriOf('a.okr'))!.file.lineStarts;
    assert.deepEqual(reported.map((p) => lineStarts.indexOf(p.span.start)), Array.from({ length: 51 }, (_, i) => i), 'lines 1 to 50, then the count on line 51');
    assert.equal(reported[50]!.message, '70 more syntax problems from this line on (only the first 50 of a file are listed one by one)');
  });
  test('50 broken lines are all listed, with no count', () => {
    const ws = analyse({ 'a.okr': '- item\n'.repeat(50) });
    assert.equal(ws.of('syntax').length, 50);
    assert.ok(ws.of('syntax').every((p) => !/more syntax problems/.test(p.message)));
  });
  test('`aligns with a1` is one problem that says how to write it, and the alignment still counts', () => {
    const base = 'objective a1: A\n  kr k: 10 signups\nobjective b: B\n';
    const cases: [string, string][] = [
      ['  aligns with a1\n', 'Expected `aligns to` but found `aligns with`: write `aligns to ID`'],
      ['  aligns towards a1, c\n', 'Expected `aligns to` but found `aligns towards`'],
      ['  aligns a1\n', 'Expected `aligns to` but found `aligns a1`'],
      ['  aligns with\n', 'Expected `aligns to` but found `aligns with`'],
      ['  aligns\n', 'Expected `aligns to` but found `aligns` alone'],
    ];
    for (const [line, message] of cases) {
      const ws = analyse({ 'a.okr': base + line });
      // One problem where the line breaks; a real unknown id further on (`c`) is a problem of its own.
      const fourth = ws.summary.filter((l) => l.startsWith('a.okr:4:') && !l.startsWith('a.okr:4:22'));
      assert.equal(fourth.length, 1, `${line.trim()}: ${fourth.join(', ')}`);
      assert.ok(ws.of('syntax')[0]!.message.startsWith(message), ws.of('syntax')[0]!.message);
      assert.deepEqual(ws.of('unknown-reference').map((p) => p.message.split(':')[0]), line.includes(', c') ? ['No objective or strategy is called `c`'] : []);
      const b = ws.index.get(uriOf('a.okr'))!.file.objectives[1]!;
      assert.deepEqual(b.alignsTo.map((r) => r.objective.text), line.includes('a1') ? ['a1', ...(line.includes(', c') ? ['c'] : [])] : []);
    }
    const contributes = analyse({ 'a.okr': `${base}  aligns to a1\n  kr m: 5 signups\n    contributes with a1.k\n` });
    assert.deepEqual(contributes.lines('syntax', 'unknown-reference'), ['a.okr:6:17 syntax']);
    assert.match(contributes.of('syntax')[0]!.message, /^Expected `contributes to` but found `contributes with`: write `contributes to OBJECTIVE\.KR`/);
    assert.equal(contributes.index.get(uriOf('a.okr'))!.file.objectives[1]!.keyResults[0]!.contributesTo?.keyResult?.text, 'k');
  });
});

describe('duplicate-id', () => {
  test('fires on every copy of an objective id, across files, pointing at the others', () => {
    const ws = analyse({
      'company.okr': company,
      'other.okr': 'objective revenue: Another revenue objective\n  aligns to ai-search\n',
    });
    assert.deepEqual(ws.lines('duplicate-id'), ['company.okr:3:11 duplicate-id', 'other.okr:1:11 duplicate-id']);
    const [first] = ws.of('duplicate-id');
    assert.match(first!.message, /`revenue` is defined 2 times/);
    assert.equal(first!.related?.[0]?.uri, uriOf('other.okr'));
  });
  test('an objective and a strategy share one namespace', () => {
    const ws = analyse({ 'a.okr': 'strategy s: S\nobjective s: O\n' });
    assert.equal(ws.of('duplicate-id').length, 2);
  });
  test('fires on two key results with one id in one objective', () => {
    const ws = analyse({ 'a.okr': 'objective o: O\n  kr k: One\n  kr k: Two\n' });
    assert.deepEqual(ws.lines('duplicate-id'), ['a.okr:2:6 duplicate-id', 'a.okr:3:6 duplicate-id']);
  });
  test('near miss: the same key result id in two objectives is fine', () => {
    const ws = analyse({ 'a.okr': 'objective o: O\n  kr k: One\nobjective p: P\n  kr k: Two\n' });
    assert.deepEqual(ws.of('duplicate-id'), []);
  });
});

describe('unknown-reference', () => {
  test('fires on a misspelt objective, with did-you-mean', () => {
    const ws = analyse({ 'company.okr': company, 'sales.okr': 'objective s: S\n  aligns to revenu\n' });
    assert.deepEqual(ws.lines('unknown-reference'), ['sales.okr:2:13 unknown-reference']);
    const [problem] = ws.of('unknown-reference');
    assert.match(problem!.message, /No objective or strategy is called `revenu`: did you mean `revenue`\?/);
    assert.deepEqual((problem!.data as { candidates: string[] }).candidates, ['revenue']);
  });
  test('fires on a missing key result, naming the ones that exist', () => {
    const ws = analyse({ 'company.okr': company, 'sales.okr': 'objective s: S\n  aligns to revenue\n  kr k: K\n    contributes to revenue.ar\n' });
    assert.deepEqual(ws.lines('unknown-reference'), ['sales.okr:4:28 unknown-reference']);
    assert.match(ws.of('unknown-reference')[0]!.message, /has no key result `ar`: did you mean `revenue.arr`\?/);
  });
  test('fires on `contributes to` an objective instead of a key result', () => {
    const ws = analyse({ 'company.okr': company, 'sales.okr': 'objective s: S\n  aligns to revenue\n  kr k: K\n    contributes to revenue\n' });
    assert.match(ws.of('unknown-reference')[0]!.message, /names a key result.*`revenue.arr`/);
  });
  test('fires with no suggestion when nothing is close', () => {
    const ws = analyse({ 'company.okr': company, 'x.okr': 'objective s: S\n  aligns to zzzzzzzz\n' });
    assert.match(ws.of('unknown-reference')[0]!.message, /define it, or correct the id/);
  });
  test('near miss: references to strategies, objectives and key results that exist', () => {
    const ws = analyse({ 'company.okr': company, 'x.okr': 'objective s: S\n  aligns to ai-search, revenue.arr, revenue\n' });
    assert.deepEqual(ws.of('unknown-reference'), []);
  });
  test('a reference resolves again once its target file appears', () => {
    const ws = analyse({ 'sales.okr': 'objective s: S\n  aligns to revenue\n' });
    assert.equal(ws.of('unknown-reference').length, 1);
    ws.index.set(uriOf('company.okr'), company);
    const after = [...ws.analyzer.analyse().problems.values()].flat();
    assert.deepEqual(after.filter((p) => p.rule === 'unknown-reference'), []);
  });
});

describe('alignment-cycle', () => {
  test('fires on a cycle across three files, with the path and every step as related information', () => {
    const ws = analyse({
      'a.okr': 'objective a: A\n  aligns to b\n',
      'b.okr': 'objective b: B\n  aligns to c\n',
      'c.okr': 'objective c: C\n  aligns to a\n',
    });
    assert.deepEqual(ws.lines('alignment-cycle'), ['a.okr:2:13 alignment-cycle', 'b.okr:2:13 alignment-cycle', 'c.okr:2:13 alignment-cycle']);
    const problem = ws.of('alignment-cycle').find((p) => p.uri === uriOf('a.okr'))!;
    assert.match(problem.message, /Alignment cycle: (a → b → c → a|b → c → a → b|c → a → b → c)/);
    assert.equal(problem.related?.length, 3);
    assert.deepEqual(new Set(problem.related!.map((r) => r.uri)), new Set(['a.okr', 'b.okr', 'c.okr'].map(uriOf)));
  });
  test('fires on an objective aligned to itself, also through one of its key results', () => {
    const ws = analyse({ 'a.okr': 'objective a: A\n  aligns to a.k\n  kr k: K\n' });
    assert.deepEqual(ws.lines('alignment-cycle'), ['a.okr:2:13 alignment-cycle']);
  });
  test('fires on a contribution cycle', () => {
    const ws = analyse({ 'a.okr': 'objective a: A\n  kr x: X\n    contributes to b.y\nobjective b: B\n  kr y: Y\n    contributes to a.x\n' });
    assert.equal(ws.of('alignment-cycle').length, 2);
    assert.match(ws.of('alignment-cycle')[0]!.message, /Contribution cycle/);
  });
  test('near miss: a long chain and a diamond are not cycles', () => {
    const chain = Array.from({ length: 200 }, (_, i) => `objective o${i}: O${i}\n${i ? `  aligns to o${i - 1}\n` : ''}`).join('');
    const diamond = 'objective top: T\nobjective l: L\n  aligns to top\nobjective r: R\n  aligns to top\nobjective bottom: B\n  aligns to l, r\n';
    const ws = analyse({ 'chain.okr': chain, 'diamond.okr': diamond });
    assert.deepEqual(ws.of('alignment-cycle'), []);
  });
  test('a 10,000-long cycle is found without overflowing the stack, its message kept short', () => {
    const n = 10_000;
    const text = Array.from({ length: n }, (_, i) => `objective o${i}: O\n  aligns to o${(i + 1) % n}\n`).join('');
    const ws = analyse({ 'big.okr': text });
    const problems = ws.of('alignment-cycle');
    assert.equal(problems.length, n);
    assert.match(problems[0]!.message, /… \(10000 objectives\)/);
    assert.ok(problems[0]!.message.length < 300);
  });
});

describe('invalid-value', () => {
  const cases: [string, string, RegExp][] = [
    ['period 2026-Q5\n', '1:8', /`2026-Q5` is not a period/],
    ['period 2026-02-30..2026-03-31\n', '1:8', /`2026-02-30` is not a date/],
    ['period 2026-03-31..2026-01-01\n', '1:8', /ends .* before it starts/],
    ['objective o: O\n  level division\n', '2:9', /Unknown level `division`/],
    ['objective o: O\n  level departmnet\n', '2:9', /did you mean `department`\?/],
    ['objective o: O\n  kr k: K\n    checkin 2026-02-30 5\n', '3:13', /`2026-02-30` is not a date/],
    ['objective o: O\n  kr k: K\n    checkin 2026-02-03 5 confidence 1.5\n', '3:37', /confidence is between 0 and 1/],
    ['objective o: O\n  kr k: K\n    weight 0\n', '3:12', /weight must be a positive number/],
    ['objective o: O\n  kr k: K\n    from 5 to 5\n', '3:15', /target equals the baseline/],
    ['owner "Ada\n', '1:7', /no closing quote/],
  ];
  for (const [text, where, message] of cases) {
    test(`fires: ${text.trim().split('\n').pop()!.trim()}`, () => {
      const ws = analyse({ 'a.okr': text });
      assert.deepEqual(ws.lines('invalid-value'), [`a.okr:${where} invalid-value`]);
      assert.match(ws.of('invalid-value')[0]!.message, message);
    });
  }
  test('near miss: valid periods, dates, confidences, levels and weights', () => {
    const ws = analyse({
      'a.okr': okr`
        period 2026-01-01..2026-03-31
        owner "Ada Lovelace"
        objective o: O
          level individual
          period 2024-H2
          kr k: K
            from 0 to 1
            weight 0.5
            checkin 2024-02-29 1 confidence 0
            checkin 2024-03-01 1 confidence 1
      `,
    });
    assert.deepEqual(ws.lines('invalid-value'), []);
  });
  test('levels come from the configuration', () => {
    const ws = analyse({ 'a.okr': 'objective o: O\n  level tribe\n' }, { ...defaultConfig, levels: ['company', 'tribe', 'squad'] });
    assert.deepEqual(ws.of('invalid-value'), []);
  });
});

describe('configuration of severities', () => {
  test('a rule can be turned off or given another severity', () => {
    const files = { 'a.okr': 'objective o: O\n  aligns to nowhere\n' };
    assert.equal(analyse(files, { ...defaultConfig, rules: { 'unknown-reference': 'off' } }).of('unknown-reference').length, 0);
    assert.equal(analyse(files, { ...defaultConfig, rules: { 'unknown-reference': 'warning' } }).of('unknown-reference')[0]!.severity, 'warning');
  });
});
