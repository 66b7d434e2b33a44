// The summation and quality rules: for each, a case where it fires and a near miss where it must
// not; then what they say on the sample workspaces.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, okr, readFolder, repoPath, uriOf, type AnalysedWorkspace } from './helpers';
import { defaultConfig, type AnalysisConfig } from '../../server/src/core/config';
import { rules } from '../../server/src/core/rules';

const TODAY = '2026-02-15';
const MINE = ['summation-mismatch', 'unit-mismatch', 'kr-not-measurable', 'kr-is-task', 'no-key-results', 'too-many-key-results', 'too-many-objectives', 'stale-checkin', 'behind-pace'];

/** Analyses with only the given rules on (the others are off), today = 2026-02-15. */
function check(files: Record<string, string>, ruleIds: readonly string[], settings: Partial<AnalysisConfig> = {}): AnalysedWorkspace {
  const off = Object.fromEntries(rules.filter((r) => !ruleIds.includes(r.meta.id)).map((r) => [r.meta.id, 'off' as const]));
  return analyse(files, { ...defaultConfig, today: TODAY, ...settings, rules: { ...off, ...settings.rules } });
}

function messages(ws: AnalysedWorkspace, rule: string): string[] {
  return ws.of(rule).map((p) => p.message);
}

const company = okr`
  period 2026-Q1
  objective revenue: Generate $200M new recurring revenue
    level company
    kr arr: Add $200M in recurring revenue
      from 0 to 200 $M
      rollup sum
`;

function region(id: string, target: string, extra = ''): string {
  return `period 2026-Q1\nobjective ${id}: Revenue in ${id}\n  aligns to revenue\n  kr arr-${id}: Add revenue in ${id}\n    target ${target}\n    contributes to revenue.arr\n${extra}`;
}

describe('summation-mismatch', () => {
  const rule = ['summation-mismatch'];
  test('fires when the contributions fall short, with the arithmetic; `80 $M` and `$70M` add up', () => {
    const ws = check({ 'company.okr': company, 'east.okr': region('east', '80 $M'), 'west.okr': region('west', '$70M') }, rule);
    assert.deepEqual(ws.summary, ['company.okr:6:5 summation-mismatch']);
    const [problem] = ws.of('summation-mismatch');
    assert.match(problem!.message, /^80 \+ 70 = 150 of 200 \$M: 50 unallocated\. /);
    assert.match(problem!.message, /contribute to `revenue\.arr` add up to less than its target/);
    assert.equal(problem!.severity, 'warning');
    assert.deepEqual(problem!.related?.map((r) => [r.uri, r.message]), [
      [uriOf('east.okr'), 'east.arr-east: 80 $M'],
      [uriOf('west.okr'), 'west.arr-west: 70 $M'],
    ]);
  });
  test('fires when the contributions are over-allocated', () => {
    const ws = check({ 'company.okr': company, 'a.okr': region('a', '80 $M'), 'b.okr': region('b', '70 $M'), 'c.okr': region('c', '$80M') }, rule);
    assert.deepEqual(ws.summary, ['company.okr:6:5 summation-mismatch']);
    assert.match(messages(ws, 'summation-mismatch')[0]!, /^80 \+ 70 \+ 80 = 230 of 200 \$M: 30 over-allocated\. .*add up to more than its target/);
  });
  test('contributors that do not add are left out of the sum, and named', () => {
    const ws = check({
      'company.okr': company,
      'a.okr': region('a', '80 $M'),
      'b.okr': region('b', '500 signups'),
      'c.okr': 'objective c: C\n  kr arr-c: Somehow more revenue\n    contributes to revenue.arr\n',
    }, rule);
    assert.deepEqual(ws.summary, ['company.okr:6:5 summation-mismatch']);
    const message = messages(ws, 'summation-mismatch')[0]!;
    assert.match(message, /^80 = 80 of 200 \$M: 120 unallocated\./);
    assert.match(message, /Left out of the sum: `b\.arr-b` \(in signups, which does not add into \$M\), `c\.arr-c` \(no target\)\./);
  });
  test('near miss: contributions that add up exactly, across scales ($K into $M)', () => {
    const ws = check({ 'company.okr': company, 'a.okr': region('a', '80 $M'), 'b.okr': region('b', '$70M'), 'c.okr': region('c', '50000 $K') }, rule);
    assert.deepEqual(ws.summary, []);
  });
  test('near miss: a rollup nothing contributes to yet, and a key result that is not `rollup sum`', () => {
    assert.deepEqual(check({ 'company.okr': company }, rule).summary, []);
    const plain = company.replace(/ *rollup sum\n/, '');
    assert.deepEqual(check({ 'company.okr': plain, 'a.okr': region('a', '80 $M') }, rule).summary, []);
  });
});

describe('unit-mismatch', () => {
  const rule = ['unit-mismatch'];
  test('fires on a percentage, a count and another currency contributing into $M', () => {
    const ws = check({ 'company.okr': company, 'a.okr': region('a', '30 %'), 'b.okr': region('b', '500 signups'), 'c.okr': region('c', '70 €M') }, rule);
    assert.deepEqual(ws.summary, ['a.okr:6:20 unit-mismatch', 'b.okr:6:20 unit-mismatch', 'c.okr:6:20 unit-mismatch']);
    const [a, b, c] = ['a', 'b', 'c'].map((f) => ws.of('unit-mismatch').find((p) => p.uri === uriOf(`${f}.okr`))!);
    assert.match(a!.message, /^`a\.arr-a` cannot add into `revenue\.arr`: it is a percentage and the sum is in \$M; percentages of different bases do not add up/);
    assert.match(b!.message, /^`b\.arr-b` cannot add into `revenue\.arr`: it is in signups and the sum in \$M; amounts of different kinds do not add\. Measure this key result in \$M, or align instead of adding: `aligns to revenue\.arr`/);
    assert.match(c!.message, /it is in €M and the sum in \$M; amounts in € and \$ do not add .*write this key result's metric in \$, as in `target N \$M`/);
    assert.deepEqual(a!.related?.map((r) => [r.uri, r.message]), [[uriOf('company.okr'), 'revenue.arr: measured in $M']]);
  });
  test('fires on percentages summed into a percentage', () => {
    const ws = check({
      'company.okr': 'objective share: Share\n  kr total: Market share\n    target 25 %\n    rollup sum\n',
      'a.okr': 'objective a: A\n  kr part: Our share of it\n    target 10 %\n    contributes to share.total\n',
    }, rule);
    assert.deepEqual(ws.summary, ['a.okr:4:20 unit-mismatch']);
    assert.match(messages(ws, 'unit-mismatch')[0]!, /both are percentages; percentages of different bases do not add up/);
  });
  test('fires on two different counted words written in metrics', () => {
    const ws = check({
      'company.okr': 'objective m: M\n  kr signups: Signups\n    target 1000 signups\n    rollup sum\n',
      'a.okr': 'objective a: A\n  kr leads: Leads\n    target 500 leads\n    contributes to m.signups\n',
    }, rule);
    assert.deepEqual(ws.summary, ['a.okr:4:20 unit-mismatch']);
  });
  test('near miss: $K and $M, a bare number, `signup` and `signups`, and a noun read from a title', () => {
    const ws = check({
      'company.okr': company,
      'a.okr': region('a', '80000 $K'),
      'b.okr': region('b', '70'),
      'm.okr': 'objective m: M\n  kr signups: Signups\n    target 1000 signups\n    rollup sum\n',
      'c.okr': 'objective c: C\n  kr one: One\n    target 1 signup\n    contributes to m.signups\n  kr guess: Get 500 leads from the webinar\n    contributes to m.signups\n',
    }, rule);
    assert.deepEqual(ws.summary, []);
  });
});

describe('kr-not-measurable and kr-is-task', () => {
  const both = ['kr-not-measurable', 'kr-is-task'];
  const file = okr`
    objective skills: Develop new skills
      kr onboard: Successfully onboard and train new NA sales team
      kr: Expand business in the NA
      kr tracked: Happier customers
        current 27
      kr: Attend a workshop on public speaking
      kr present: Deliver a presentation to the team
      kr leads: Collaborate with marketing to generate leads in the NA market
      kr site: Successfully launch the new site
      kr dash: Set up a dashboard for the sales team
  `;
  test('kr-not-measurable fires on a key result that states no level; kr-is-task on tasks', () => {
    const ws = check({ 'a.okr': file }, both);
    assert.deepEqual(ws.summary, [
      'a.okr:10:6 kr-is-task',
      'a.okr:2:6 kr-is-task',
      'a.okr:3:7 kr-not-measurable',
      'a.okr:4:6 kr-not-measurable',
      'a.okr:6:7 kr-is-task',
      'a.okr:7:6 kr-is-task',
      'a.okr:8:6 kr-is-task',
      'a.okr:9:6 kr-is-task',
    ]);
    const [expand, tracked] = ws.of('kr-not-measurable');
    assert.match(expand!.message, /^“Expand business in the NA” is not measurable: “Expand …” says which way to go, not how far\. Say what level counts as success: add `from A to B unit`, `target N unit` or `keep above N unit` under it/);
    assert.match(tracked!.message, /^Key result `tracked` is not measurable: “Happier …” says which way to go, not how far\. It has a `current` value but nothing to compare it with/);
    const tasks = ws.of('kr-is-task');
    const attend = tasks.find((p) => p.message.includes('Attend'))!.message;
    assert.match(attend, /^“Attend a workshop on public speaking” is a task: it says what to do \(“Attend …”\), not what should change\. Ask what will be different once it is done, and for whom, and make that the key result/);
    assert.doesNotMatch(attend, /target|from A to B/, 'the advice for a task never asks for a number on the deliverable');
    assert.match(tasks.find((p) => p.message.includes('`leads`'))!.message, /It says what it is for: “generate leads in the NA market”\. Make that the key result/);
    assert.match(tasks.find((p) => p.message.includes('`onboard`'))!.message, /“onboard …”/);
    assert.equal(tasks[0]!.severity, 'info');
  });
  test('near miss: a measurable key result is neither, even when it is led by an activity verb', () => {
    const ws = check({
      'a.okr': okr`
        objective o: O
          kr courses: Complete two online courses
          kr site: Launch the new site
            target 500 signups
          kr arr: Grow ARR by 35%
          kr stated: Expand business in the NA
            from 2 to 6 $M
          kr price: Set the price right for enterprise customers
            target 10 customers
      `,
    }, both);
    assert.deepEqual(ws.summary, []);
  });
  test('near miss: kr-is-task leaves outcome verbs to kr-not-measurable, and kr-not-measurable leaves tasks alone', () => {
    const ws = check({ 'a.okr': 'objective o: O\n  kr a: Increase revenue from expansion\n  kr b: Ship the new pricing page\n' }, both);
    assert.deepEqual(ws.summary, ['a.okr:2:6 kr-not-measurable', 'a.okr:3:6 kr-is-task']);
  });
  test('a title led by a name of Object.prototype ("Constructor …") is read as a word, and the other key results are still checked', () => {
    const ws = check({ 'a.okr': 'objective o: O\n  kr a: Constructor of the year\n  kr b: Attend a workshop\n  kr c: ToString the report\n' }, both);
    assert.deepEqual(ws.summary, ['a.okr:2:6 kr-is-task', 'a.okr:3:6 kr-is-task', 'a.okr:4:6 kr-is-task']);
  });
  test('rules can be turned off one by one', () => {
    const ws = check({ 'a.okr': file }, ['kr-not-measurable']);
    assert.deepEqual(ws.of('kr-is-task'), []);
    assert.equal(ws.of('kr-not-measurable').length, 2, 'turning kr-is-task off does not move its key results to kr-not-measurable');
  });
});

describe('no-key-results', () => {
  test('fires on an objective without key results, on its id', () => {
    const ws = check({ 'a.okr': 'objective empty: Nothing to measure\n  level team\nobjective full: Full\n  kr k: 10 signups\n' }, ['no-key-results']);
    assert.deepEqual(ws.summary, ['a.okr:1:11 no-key-results']);
    assert.match(messages(ws, 'no-key-results')[0]!, /^Objective `empty` has no key results: add two to five `kr ID: title` lines/);
  });
  test('near miss: one key result is enough', () => {
    assert.deepEqual(check({ 'a.okr': 'objective o: O\n  kr: 10 signups\n' }, ['no-key-results']).summary, []);
  });
});

describe('too-many-key-results', () => {
  const objective = (count: number) => `objective o: O\n${Array.from({ length: count }, (_, i) => `  kr k${i + 1}: ${i + 1}0 signups\n`).join('')}`;
  test('fires above five key results, on the objective id, pointing at the extra ones', () => {
    const ws = check({ 'a.okr': objective(7) }, ['too-many-key-results']);
    assert.deepEqual(ws.summary, ['a.okr:1:11 too-many-key-results']);
    const [problem] = ws.of('too-many-key-results');
    assert.match(problem!.message, /^Objective `o` has 7 key results, more than 5: keep the 5 or fewer that best show it is achieved/);
    assert.deepEqual(problem!.related?.map((r) => r.message), ['key result 6: k6', 'key result 7: k7']);
  });
  test('near miss: exactly five', () => {
    assert.deepEqual(check({ 'a.okr': objective(5) }, ['too-many-key-results']).summary, []);
  });
  test('maxKeyResults sets the limit', () => {
    const ws = check({ 'a.okr': objective(4) }, ['too-many-key-results'], { maxKeyResults: 3 });
    assert.deepEqual(ws.summary, ['a.okr:1:11 too-many-key-results']);
    assert.match(messages(ws, 'too-many-key-results')[0]!, /has 4 key results, more than 3/);
  });
});

describe('too-many-objectives', () => {
  const objectives = (ids: string[], extra = '') => ids.map((id) => `objective ${id}: Objective ${id}\n${extra}  kr: 10 signups\n`).join('');
  test('fires once per owner and period, on the first objective past the limit, linking the others across files', () => {
    const ws = check({
      'a.okr': `period 2026-Q1\nowner @ceo\n${objectives(['a1', 'a2', 'a3', 'a4'])}`,
      'b.okr': `period 2026-01-01..2026-03-31\n${objectives(['b1', 'b2'], '  owner @ceo\n')}`,
    }, ['too-many-objectives']);
    assert.deepEqual(ws.summary, ['b.okr:5:11 too-many-objectives']);
    const [problem] = ws.of('too-many-objectives');
    assert.match(problem!.message, /^@ceo owns 6 objectives in 2026-01-01\.\.2026-03-31 \(`a1`, `a2`, `a3`, `a4`, `b1`, `b2`\), more than 5: pick the 5 or fewer that matter most/);
    assert.deepEqual(problem!.related?.map((r) => r.message), ['a1', 'a2', 'a3', 'a4', 'b1'].map((id) => `@ceo's objective ${id}`));
    assert.equal(problem!.related![4]!.uri, uriOf('b.okr'));
  });
  test('two owners over the limit, or one owner in two periods: one problem each', () => {
    const ws = check({
      'a.okr': `period 2026-Q1\nowner @ceo\n${objectives(['a1', 'a2', 'a3'])}`,
      'b.okr': `period 2026-Q2\nowner @ceo\n${objectives(['b1', 'b2', 'b3'])}`,
      'c.okr': `period 2026-Q1\nowner @cto\n${objectives(['c1', 'c2', 'c3'])}`,
    }, ['too-many-objectives'], { maxObjectivesPerOwner: 2 });
    assert.deepEqual(ws.summary, ['a.okr:7:11 too-many-objectives', 'b.okr:7:11 too-many-objectives', 'c.okr:7:11 too-many-objectives']);
  });
  test('an owner with hundreds of objectives: one problem, at most 20 related places, the message names ten and counts the rest', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `o${i}`);
    const ws = check({ 'a.okr': `period 2026-Q1\nowner @ceo\n${objectives(ids)}` }, ['too-many-objectives']);
    const problems = ws.of('too-many-objectives');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.related?.length, 20);
    assert.match(problems[0]!.message, /owns 300 objectives in 2026-Q1 \(`o0`, .*`o9`, and 290 more\)/);
  });
  test('near miss: another period, another owner, or no owner', () => {
    const ws = check({
      'a.okr': `period 2026-Q1\nowner @ceo\n${objectives(['a1', 'a2', 'a3', 'a4', 'a5'])}`,
      'b.okr': `period 2026-H1\nowner @ceo\n${objectives(['b1'])}`,
      'c.okr': `period 2026-Q1\nowner @cto\n${objectives(['c1'])}`,
      'd.okr': `period 2026-Q1\n${objectives(['d1', 'd2', 'd3', 'd4', 'd5', 'd6'])}`,
    }, ['too-many-objectives']);
    assert.deepEqual(ws.summary, []);
  });
  test('maxObjectivesPerOwner sets the limit', () => {
    const ws = check({ 'a.okr': `owner @ceo\n${objectives(['a1', 'a2'])}` }, ['too-many-objectives'], { maxObjectivesPerOwner: 1 });
    assert.deepEqual(ws.summary, ['a.okr:4:11 too-many-objectives']);
    assert.match(messages(ws, 'too-many-objectives')[0]!, /owns 2 objectives with no period \(`a1`, `a2`\), more than 1/);
  });
});

describe('stale-checkin', () => {
  const rule = ['stale-checkin'];
  const file = okr`
    period 2026-Q1
    objective o: O
      kr old: Old news
        target 100 signups
        checkin 2026-01-20 40
        checkin 2026-01-31 50
      kr never: Never checked in
        target 100 signups
      kr fresh: Checked in two weeks ago
        target 100 signups
        checkin 2026-02-01 50
      kr undated: Tracked with current
        target 100 signups
        current 50
      kr: Expand business in the NA
  `;
  test('fires on a last check-in more than 14 days ago, and on none at all 14 days into the period', () => {
    const ws = check({ 'a.okr': file }, rule);
    assert.deepEqual(ws.summary, ['a.okr:3:6 stale-checkin', 'a.okr:7:6 stale-checkin']);
    const [old, never] = messages(ws, 'stale-checkin');
    assert.equal(old, '`o.old` was last checked in on 2026-01-31, 15 days ago (more than 14): add a line `checkin 2026-02-15 VALUE` with where it stands today');
    assert.equal(never, '`o.never` has no check-in yet, and 2026-Q1 started 45 days ago, on 2026-01-01: add a line `checkin 2026-02-15 VALUE` with where it stands today');
  });
  test('near miss: a period that is over or not started, staleCheckinDays, early in the period', () => {
    assert.deepEqual(check({ 'a.okr': file.replace('2026-Q1', '2025-Q4') }, rule).summary, []);
    assert.deepEqual(check({ 'a.okr': file.replace('2026-Q1', '2026-Q2') }, rule).summary, []);
    assert.deepEqual(check({ 'a.okr': file }, rule, { staleCheckinDays: 45 }).summary, []);
    assert.deepEqual(check({ 'a.okr': file.replace('2026-Q1', '2026-02-01..2026-04-30') }, rule).summary, ['a.okr:3:6 stale-checkin']);
  });
  test('near miss: a rollup fed by contributors is not checked itself; its contributors are', () => {
    const ws = check({
      'company.okr': company,
      'a.okr': region('a', '80 $M', '    checkin 2026-01-10 10\n'),
      'b.okr': region('b', '120 $M', '    checkin 2026-02-10 30\n'),
    }, rule);
    assert.deepEqual(ws.summary, ['a.okr:4:6 stale-checkin']);
    assert.match(messages(ws, 'stale-checkin')[0]!, /^`a\.arr-a` was last checked in on 2026-01-10, 36 days ago/);
  });
});

describe('behind-pace', () => {
  const rule = ['behind-pace'];
  const objective = (id: string, current: number, extra = '') => `objective ${id}: Objective ${id}\n${extra}  kr k: Signups\n    target 100 signups\n    current ${current}\n`;
  test('fires on an objective more than 20 points behind the time elapsed (51% of 2026-Q1 on Feb 15)', () => {
    const ws = check({ 'a.okr': `period 2026-Q1\n${objective('slow', 30)}` }, rule);
    assert.deepEqual(ws.summary, ['a.okr:2:11 behind-pace']);
    const [problem] = ws.of('behind-pace');
    assert.match(problem!.message, /^Objective `slow` is behind pace in 2026-Q1: 30% done, 51% of the period elapsed \(21 points behind\)\. /);
    assert.deepEqual(problem!.related?.map((r) => r.message), ['k: 30% done']);
  });
  test('an aspirational objective is on pace at 0.7 of the time elapsed', () => {
    const ws = check({ 'a.okr': `period 2026-Q1\n${objective('moonshot', 10, '  aspirational\n')}${objective('stretch', 30, '  aspirational\n')}` }, rule);
    assert.deepEqual(ws.summary, ['a.okr:2:11 behind-pace']);
    assert.match(messages(ws, 'behind-pace')[0]!, /10% done, 51% of the period elapsed; aspirational, so on pace at 36% \(0\.7 of the time elapsed\) \(26 points behind\)/);
  });
  test('near miss: on pace, no progress yet, a period that is over, or behindPacePoints', () => {
    const ws = check({
      'a.okr': `period 2026-Q1\n${objective('ok', 40)}objective none: No values\n  kr k: Signups\n    target 100 signups\n`,
      'b.okr': `period 2025-Q4\n${objective('past', 0)}`,
    }, rule);
    assert.deepEqual(ws.summary, []);
    assert.deepEqual(check({ 'a.okr': `period 2026-Q1\n${objective('slow', 30)}` }, rule, { behindPacePoints: 25 }).summary, []);
  });
});

describe('the samples (today = 2026-02-15)', () => {
  const config: AnalysisConfig = { ...defaultConfig, today: TODAY };
  const mine = (ws: AnalysedWorkspace) => ws.summary.filter((line) => MINE.some((rule) => line.endsWith(` ${rule}`)));

  test('cascade: the seed\'s two weak key results are tasks, one saying what it is for', () => {
    const ws = analyse(readFolder(repoPath('samples/cascade')), config);
    assert.deepEqual(mine(ws), ['na-sales.okr:13:6 kr-is-task', 'na-sales.okr:14:6 kr-is-task']);
    const [onboard, leads] = ws.of('kr-is-task');
    assert.match(onboard!.message, /^Key result `na-onboard` is a task: it says what to do \(“onboard …”\)/);
    assert.match(leads!.message, /^Key result `na-leads` is a task: .*“generate leads in the NA market”/);
  });

  test('ai-search: the regions add up (80 + 70 + 50 = 200 $M, 25 + 30 + 25 = 80): no summation or unit problem', () => {
    const ws = analyse(readFolder(repoPath('samples/ai-search')), config);
    assert.deepEqual(ws.of('summation-mismatch'), []);
    assert.deepEqual(ws.of('unit-mismatch'), []);
  });

  test('ai-search: a region\'s target changed → the arithmetic shows what is unallocated', () => {
    const files = readFolder(repoPath('samples/ai-search'));
    const sales = files['sales.okr']!;
    assert.ok(sales.includes('target 70 $M') && sales.includes('target 30 conversations'));
    files['sales.okr'] = sales.replace('target 70 $M', 'target 60 $M').replace('target 30 conversations', 'target 20 conversations');
    const ws = analyse(files, config);
    assert.deepEqual(ws.summary.filter((line) => line.endsWith('summation-mismatch')), ['company.okr:17:5 summation-mismatch', 'sales.okr:16:5 summation-mismatch']);
    const [arr, prospects] = ['company.okr', 'sales.okr'].map((f) => ws.of('summation-mismatch').find((p) => p.uri === uriOf(f))!.message);
    assert.match(arr!, /^80 \+ 60 \+ 50 = 190 of 200 \$M: 10 unallocated\./);
    assert.match(prospects!, /^25 \+ 20 \+ 25 = 70 of 80 conversations: 10 unallocated\./);
  });

});
