// Closing a period: the statements (grade, status, learned:, step) and the six checks on them;
// for each check a case where it fires and a near miss where it must not.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, okr, parse, slice, type AnalysedWorkspace } from './helpers';
import { defaultConfig, type AnalysisConfig } from '../../server/src/core/config';
import { rules } from '../../server/src/core/rules';
import { gradeBand, nextPeriod, objectiveGrade, stepsProgress } from '../../server/src/core/model/closing';
import { keyResultKind } from '../../server/src/core/model/keyResultKind';

const TODAY = '2026-01-15';

function check(files: Record<string, string>, ruleIds: readonly string[], settings: Partial<AnalysisConfig> = {}): AnalysedWorkspace {
  const off = Object.fromEntries(rules.filter((r) => !ruleIds.includes(r.meta.id)).map((r) => [r.meta.id, 'off' as const]));
  return analyse(files, { ...defaultConfig, today: TODAY, ...settings, rules: { ...off, ...settings.rules } });
}

describe('the closing statements', () => {
  const text = okr`
    period 2025-Q4
    objective o: Small teams can buy without talking to sales
      aspirational
      grade 0.6: Two of three markets
      status carried over to 2026-Q1
      learned: Pricing pages convert better with a calculator
      kr checkout: Self-serve checkout is live in three markets
        step 2025-10-31 done 2025-10-28: Checkout live in the US
        step 2025-11-30 done: Checkout live in Canada
        step: Checkout live in Mexico
        grade 0.7: Mexico waits for the tax registration
        status done
        learned: Tax first
        learned: Then the payment provider
  `;
  const file = parse(text);
  const objective = file.objectives[0]!;
  const kr = objective.keyResults[0]!;
  test('parse with their parts and ranges, on the block above', () => {
    assert.deepEqual(file.problems, []);
    assert.equal(slice(text, objective.grade!.span), 'grade 0.6: Two of three markets');
    assert.equal(objective.grade!.value.value, 0.6);
    assert.equal(objective.grade!.note!.text, 'Two of three markets');
    assert.equal(objective.status!.kind, 'carried');
    assert.equal(slice(text, objective.status!.carriedTo!.span), '2026-Q1');
    assert.deepEqual(objective.learned.map((l) => l.text), ['Pricing pages convert better with a calculator']);
    assert.deepEqual(kr.steps.map((s) => [s.due?.text, s.done?.text, s.doneOn?.text, s.title.text]), [
      ['2025-10-31', 'done', '2025-10-28', 'Checkout live in the US'],
      ['2025-11-30', 'done', undefined, 'Checkout live in Canada'],
      [undefined, undefined, undefined, 'Checkout live in Mexico'],
    ]);
    assert.equal(kr.grade!.value.raw, '0.7');
    assert.equal(kr.status!.kind, 'done');
    assert.deepEqual(kr.learned.map((l) => l.text), ['Tax first', 'Then the payment provider']);
  });
  test('a milestone key result is measurable, and its progress is the share of its steps done', () => {
    assert.equal(keyResultKind(kr).kind, 'measurable');
    assert.deepEqual(stepsProgress(kr), { done: 2, total: 3, progress: 2 / 3 });
    // Done on a day after today: not yet.
    assert.equal(stepsProgress(kr, Date.UTC(2025, 9, 27) / 86_400_000)!.done, 1);
  });
  test('the objective grade: its own, else the weighted mean of its key results, dropped ones left out', () => {
    assert.deepEqual(objectiveGrade(objective), { value: 0.6, source: 'own' });
    const other = parse('objective p: P\n  kr a: A\n    grade 1.0\n    weight 3\n  kr b: B\n    grade 0.2\n  kr c: C\n    grade 0\n    status dropped\n').objectives[0]!;
    assert.deepEqual(objectiveGrade(other), { value: 0.8, source: 'key results' });
  });
  test('colours and the next period', () => {
    assert.deepEqual([0, 0.3, 0.35, 0.4, 0.6, 0.65, 0.7, 1].map(gradeBand), ['red', 'red', 'yellow', 'yellow', 'yellow', 'green', 'green', 'green']);
    assert.deepEqual(['2025-Q4', '2026-q1', '2026-H2', '2026', '2026-01-01..2026-02-01', '2026-Q5'].map(nextPeriod), ['2026-Q1', '2026-q2', '2027-H1', '2027', undefined, undefined]);
  });
  test('recovery: one problem per broken line, the block keeps what is readable', () => {
    const broken = okr`
      objective o: O
        kr k: K
          status dne
          status carried over
          step 2026-01-01 fnord: x
          grade
          grade 0.5
          grade 0.6
          status done to 2026-Q2
          learned:
    `;
    const f = parse(broken);
    const expected: [string, RegExp][] = [
      ['dne', /^Unknown status 'dne': did you mean `done`\?/],
      ['status carried over', /^Carried over to which period\? Write `status carried over to PERIOD`/],
      ['fnord', /^Expected `done` or ':' but found 'fnord'/],
      ['e', /^Expected a number but found the end of the line/],
      ['grade', /^`grade` is already given for key result k: keep one/],
      ['to', /^`status done` is complete without what follows/],
      [':', /^Expected text but found the end of the line|^$/],
    ];
    const actual = f.problems.map((p) => [slice(broken, p.span), p.message] as const);
    assert.equal(actual.length, expected.length - 1, JSON.stringify(actual));
    actual.forEach(([text, message], i) => {
      assert.equal(text, expected[i]![0]);
      assert.match(message, expected[i]![1]);
    });
    assert.equal(f.objectives[0]!.keyResults[0]!.grade!.value.raw, '0.5');
    assert.equal(f.objectives[0]!.keyResults[0]!.status, undefined);
  });
  test('a status word is not a keyword: it stays a unit word and an id', () => {
    const f = parse('objective done: D\n  kr k: K\n    target 5 done\n');
    assert.deepEqual(f.problems, []);
    assert.equal(f.objectives[0]!.keyResults[0]!.metric.target!.unit!.text, 'done');
  });
  test('misplaced: a step outside a key result, a grade outside an objective', () => {
    const f = parse('grade 0.5\nobjective o: O\n  step: x\n');
    assert.deepEqual(f.problems.map((p) => p.message), [
      '`grade` cannot stand here: it belongs to an objective or a key result',
      '`step` cannot stand here: it belongs to a key result: add a `kr ID: title` line above it',
    ]);
  });
});

describe('grade-out-of-range', () => {
  test('fires on a grade above 1.0 or below 0, with the likely meaning', () => {
    const ws = check({ 'a.okr': 'objective o: O\n  grade 7\n  kr k: K\n    grade -0.1\n  kr j: J\n    grade 70\n' }, ['grade-out-of-range']);
    assert.deepEqual(ws.summary, ['a.okr:2:9 grade-out-of-range', 'a.okr:4:11 grade-out-of-range', 'a.okr:6:11 grade-out-of-range']);
    assert.match(ws.of('grade-out-of-range')[0]!.message, /^The grade of objective `o` is 7, outside 0\.0–1\.0: on the 0\.0–1\.0 scale that is `grade 0\.7`\?/);
    assert.equal(ws.of('grade-out-of-range')[0]!.severity, 'error');
  });
  test('near miss: 0 and 1.0 are grades', () => {
    const ws = check({ 'a.okr': 'objective o: O\n  grade 1.0\n  kr k: K\n    grade 0\n' }, ['grade-out-of-range']);
    assert.deepEqual(ws.summary, []);
  });
});

describe('ungraded-key-result', () => {
  const text = okr`
    period 2025-Q4
    objective o: Grow self-serve
      kr signups: Grow signups
        from 200 to 500 signups
        checkin 2025-12-20 430
      kr old: Retire the old checkout
        status dropped
      kr done: Done already
        target 10 wins
        grade 0.9
  `;
  test('fires once the period has ended, with the measured progress and a grade from it', () => {
    const ws = check({ 'a.okr': text }, ['ungraded-key-result']);
    assert.deepEqual(ws.summary, ['a.okr:3:6 ungraded-key-result']);
    const [problem] = ws.of('ungraded-key-result');
    assert.equal(problem!.message, '`o.signups` has no grade, and 2025-Q4 ended on 2025-12-31: its measured progress is 77%: grade it (`grade 0.8`), and say what was learned');
    assert.equal(problem!.severity, 'info');
    assert.deepEqual(problem!.data, { period: '2025-Q4', progress: 230 / 300, grade: '0.8', next: '2026-Q1' });
  });
  test('near misses: the period is not over yet; it ended more than 90 days ago', () => {
    assert.deepEqual(check({ 'a.okr': text }, ['ungraded-key-result'], { today: '2025-12-31' }).summary, []);
    assert.deepEqual(check({ 'a.okr': text }, ['ungraded-key-result'], { today: '2026-03-31' }).summary, ['a.okr:3:6 ungraded-key-result']);
    assert.deepEqual(check({ 'a.okr': text }, ['ungraded-key-result'], { today: '2026-04-01' }).summary, []);
  });
});

describe('grade-far-from-progress', () => {
  test('fires when the grade is more than 0.3 from the measured progress, with both numbers', () => {
    const ws = check({ 'a.okr': 'period 2025-Q4\nobjective o: O\n  kr k: K\n    from 0 to 100 signups\n    checkin 2025-12-01 30\n    grade 0.9\n' }, ['grade-far-from-progress']);
    assert.deepEqual(ws.summary, ['a.okr:6:5 grade-far-from-progress']);
    assert.match(ws.of('grade-far-from-progress')[0]!.message, /graded 0\.9, but its measured progress is 30% \(0\.3\): the grade is 60 points above it/);
    assert.equal(ws.of('grade-far-from-progress')[0]!.severity, 'hint');
  });
  test('near misses: close to the progress, a note that says why, no measured progress', () => {
    const ws = check({ 'a.okr': 'period 2025-Q4\nobjective o: O\n  kr k: K\n    from 0 to 100 signups\n    checkin 2025-12-01 30\n    grade 0.5\n  kr j: J\n    from 0 to 100 signups\n    checkin 2025-12-01 30\n    grade 0.9: the target was set before the merger\n  kr m: Milestones\n    step done: a\n    step: b\n    grade 0.5\n  kr n: Be loved\n    grade 1.0\n' }, ['grade-far-from-progress']);
    assert.deepEqual(ws.summary, []);
  });
});

describe('committed-grade-without-note', () => {
  test('fires on a committed key result graded below 1.0 without a note', () => {
    const ws = check({ 'a.okr': 'objective o: O\n  committed\n  kr k: K\n    grade 0.8\n' }, ['committed-grade-without-note']);
    assert.deepEqual(ws.summary, ['a.okr:4:5 committed-grade-without-note']);
    assert.match(ws.of('committed-grade-without-note')[0]!.message, /^`o\.k` is committed but graded 0\.8: say why it fell short in a note/);
  });
  test('near misses: with a note, at 1.0, aspirational, dropped', () => {
    const ws = check({ 'a.okr': 'objective o: O\n  committed\n  kr k: K\n    grade 0.8: the vendor slipped\n  kr j: J\n    grade 1.0\n  kr d: D\n    grade 0\n    status dropped\nobjective p: P\n  aspirational\n  kr k: K\n    grade 0.6\n' }, ['committed-grade-without-note']);
    assert.deepEqual(ws.summary, []);
  });
});

describe('sandbagging', () => {
  const quarter = (period: string, grades: string[], owner = '@growth', extra = '') =>
    `period ${period}\nowner ${owner}\nobjective g-${period.toLowerCase()}${extra}: Win small teams\n  aspirational\n${grades.map((g, i) => `  kr k${i}: K${i}\n    grade ${g}\n`).join('')}`;
  test('fires when an owner grades every aspirational key result 1.0 two periods in a row, on the later one', () => {
    const ws = check({ 'q3.okr': quarter('2025-Q3', ['1.0', '1']), 'q4.okr': quarter('2025-Q4', ['1.0']) }, ['sandbagging']);
    assert.deepEqual(ws.summary, ['q4.okr:4:3 sandbagging']);
    const [problem] = ws.of('sandbagging');
    assert.match(problem!.message, /^@growth graded every aspirational key result 1\.0 in 2025-Q3 \(2 key results\) and again in 2025-Q4 \(1 key result\)/);
    assert.equal(problem!.related!.length, 3);
  });
  test('near misses: one period only, one grade below 1.0, another owner, committed', () => {
    assert.deepEqual(check({ 'q4.okr': quarter('2025-Q4', ['1.0']) }, ['sandbagging']).summary, []);
    assert.deepEqual(check({ 'q3.okr': quarter('2025-Q3', ['1.0', '0.7']), 'q4.okr': quarter('2025-Q4', ['1.0']) }, ['sandbagging']).summary, []);
    assert.deepEqual(check({ 'q3.okr': quarter('2025-Q3', ['1.0'], '@other'), 'q4.okr': quarter('2025-Q4', ['1.0']) }, ['sandbagging']).summary, []);
    const committed = quarter('2025-Q3', ['1.0']).replace('aspirational', 'committed');
    assert.deepEqual(check({ 'q3.okr': committed, 'q4.okr': quarter('2025-Q4', ['1.0']) }, ['sandbagging']).summary, []);
  });
});

describe('carried-to-unknown-period', () => {
  const q4 = 'period 2025-Q4\nobjective o: O\n  kr k: K\n    status carried over to 2026-Q1\n  kr j: J\n    status carried over to 2025-Q3\n  kr x: X\n    status carried over to 2026-Q7\n';
  test('fires on a period nobody plans, one that is not later, one that is not a period', () => {
    const ws = check({ 'a.okr': q4 }, ['carried-to-unknown-period']);
    assert.deepEqual(ws.summary, ['a.okr:4:28 carried-to-unknown-period', 'a.okr:6:28 carried-to-unknown-period', 'a.okr:8:28 carried-to-unknown-period']);
    assert.deepEqual(ws.of('carried-to-unknown-period').map((p) => p.message.split(':')[0]), [
      'Key result `o.k` is carried over to 2026-Q1 (2026-01-01..2026-03-31), but no objective in the workspace is planned for it',
      'Key result `o.j` is carried over to 2025-Q3, which does not come after its own period 2025-Q4',
      'Key result `o.x` is carried over to 2026-Q7, which is not a period',
    ]);
  });
  test('near miss: the period is planned in another file (the same days, written as a range)', () => {
    const ws = check({ 'a.okr': 'period 2025-Q4\nobjective o: O\n  kr k: K\n    status carried over to 2026-Q1\n', 'b.okr': 'period 2026-01-01..2026-03-31\nobjective p: P\n' }, ['carried-to-unknown-period']);
    assert.deepEqual(ws.summary, []);
  });
});

describe('formatting the closing statements', () => {
  test('grade, status and learned: indent as owner does (under the key result, else the objective); steps as key result attributes', async () => {
    const { formatEdits } = await import('../../server/src/core/format');
    const text = 'period 2025-Q4\nobjective o: Title\ngrade   0.6 :  We learned a lot\n        status carried   over to 2026-Q1 # c\nlearned:Pilots first\nkr k: Launch\nstep 2025-10-15   done 2025-10-14 :one\n  step:  three\ngrade 0.7\nstatus done\n';
    let out = text;
    for (const e of formatEdits(text).reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    assert.equal(out, 'period 2025-Q4\nobjective o: Title\n  grade 0.6: We learned a lot\n  status carried over to 2026-Q1 # c\n  learned: Pilots first\n  kr k: Launch\n    step 2025-10-15 done 2025-10-14: one\n    step: three\n    grade 0.7\n    status done\n');
  });
});
