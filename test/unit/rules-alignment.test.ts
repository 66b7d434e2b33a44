// The alignment rules: each has a case where it fires and a near miss where it must not, and the
// sample workspaces say what the seeds say (seed 004: enabling vs adding, catch-alls, strategy).
// Assertions compare the summary lines of these rules only, so that the quality rules (checked in
// their own tests) can change without touching these.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, okr, readFolder, repoPath, uriOf, type AnalysedWorkspace } from './helpers';
import { defaultConfig, type AnalysisConfig } from '../../server/src/core/config';
import { catchAllWording, catchAllReason } from '../../server/src/core/model/catchAll';

const ALIGNMENT_RULES = new Set(['unaligned', 'level-inversion', 'period-mismatch', 'catch-all', 'aligned-to-catch-all', 'split-not-enable', 'over-aligned', 'missing-story']);
const config: AnalysisConfig = { ...defaultConfig, today: '2026-02-15' };

/** The summary lines (`file:line:col rule`) of the alignment rules, and of errors. */
function lines(ws: AnalysedWorkspace, only?: string): string[] {
  return ws.summary.filter((line) => {
    const rule = line.split(' ')[1]!;
    return only ? rule === only : ALIGNMENT_RULES.has(rule) || ws.problems.some((p) => p.rule === rule && p.severity === 'error');
  });
}

function run(files: Record<string, string>, overrides: Partial<AnalysisConfig> = {}): AnalysedWorkspace {
  return analyse(files, { ...config, ...overrides });
}

const company = okr`
  period 2026-Q1
  strategy growth: Grow into a bigger market
  strategy efficiency: Stay cost-efficient while we grow

  objective win: Win 50 new enterprise customers
    level company
    owner @ceo
    aligns to growth
    kr customers: Sign 50 enterprise customers
      target 50 customers
`;

describe('unaligned', () => {
  test('fires on a team objective that aligns to nothing, naming the objectives one level up first', () => {
    const ws = run({
      'company.okr': company,
      'platform.okr': 'period 2026-Q1\nobjective platform: Make search answer in under a second\n  level department\n  owner @cto\n  aligns to win\n',
      'team.okr': 'period 2026-Q1\nlevel team\nobjective search-team: Halve the latency of search\n  owner @search-lead\n',
    });
    assert.deepEqual(lines(ws), ['team.okr:3:11 unaligned']);
    const [problem] = ws.of('unaligned');
    assert.equal(problem!.severity, 'warning');
    assert.match(problem!.message, /`search-team` is a team objective that aligns to nothing: say what it serves with `aligns to`, an objective above it \(`platform`, `win`\) or a strategy \(`growth`, `efficiency`\)/);
    assert.deepEqual((problem!.data as { candidates: string[] }).candidates, ['platform', 'win', 'growth', 'efficiency']);
  });
  test('candidates one level up must run in a period that covers its own', () => {
    const ws = run({
      'company.okr': company,
      'q2.okr': 'period 2026-Q2\nobjective q2-platform: Q2 platform work\n  level department\n  aligns to growth\n',
      'team.okr': 'period 2026-Q1\nobjective search-team: Halve the latency of search\n  level team\n',
    });
    assert.deepEqual((ws.of('unaligned')[0]!.data as { candidates: string[] }).candidates, ['win', 'growth', 'efficiency']);
  });
  test('fires on a top-level objective that aligns to no strategy, also when it aligns to another objective', () => {
    const ws = run({
      'company.okr': company + 'objective hire: Hire the people we need\n  level company\nobjective cash: Keep 18 months of runway\n  level company\n  aligns to win\n',
    });
    assert.deepEqual(lines(ws, 'unaligned'), ['company.okr:11:11 unaligned', 'company.okr:13:11 unaligned']);
    const [hire, cash] = ws.of('unaligned');
    assert.match(hire!.message, /`hire` is a company objective, the top level, but aligns to no strategy: OKRs cascade upward to strategy\. Say which one it serves, e.g\. `aligns to growth`/);
    assert.match(cash!.message, /aligns to no strategy \(only to `win`\)/);
    assert.deepEqual((hire!.data as { candidates: string[] }).candidates, ['growth', 'efficiency']);
  });
  test('the level is named with its article: "an individual objective"', () => {
    const ws = run({ 'company.okr': company, 'me.okr': 'period 2026-Q1\nobjective me: Learn the billing code\n  level individual\n' });
    assert.match(ws.of('unaligned')[0]!.message, /^`me` is an individual objective that aligns to nothing/);
  });
  test('fires on an objective with no level when there is something to align to', () => {
    const ws = run({ 'company.okr': company, 'x.okr': 'objective loose: Do something specific for 3 customers\n' });
    assert.deepEqual(lines(ws), ['x.okr:1:11 unaligned']);
  });
  test('near miss: a team aligned directly to a strategy, a top level with no strategies, nothing to align to, unknown levels and references', () => {
    const ws = run({
      'company.okr': company,
      'team.okr': 'period 2026-Q1\nobjective costs: Reduce compute costs\n  level team\n  aligns to efficiency\n  why: Growth only pays off if each customer costs less\n',
      'typo.okr': 'objective typo: Aligned to a typo\n  level team\n  aligns to groth\n',
      'odd.okr': 'objective odd: An unknown level\n  level division\n',
    });
    assert.deepEqual(lines(ws, 'unaligned'), []);
    // Nothing to align to: a lone individual objective; a top level in a workspace with no strategies.
    assert.deepEqual(lines(run({ 'me.okr': 'objective me: Read 12 books\n  level individual\n' }), 'unaligned'), []);
    assert.deepEqual(lines(run({ 'top.okr': 'objective top: Be profitable\n  level company\nobjective team: Cut 10% of costs\n  level team\n  aligns to top\n' }), 'unaligned'), []);
  });
});

describe('level-inversion', () => {
  const files = {
    'company.okr': company,
    'team.okr': 'period 2026-Q1\nlevel team\nobjective ranking: Rank results by 20 more signals\n  aligns to win\n  kr signals: Ship 20 signals\n    target 20 signals\n',
  };
  test('fires on a department objective aligned to a team objective, and through its key result', () => {
    const ws = run({ ...files, 'dept.okr': 'period 2026-Q1\nlevel department\nobjective search: Search that people love\n  aligns to ranking, ranking.signals\n' });
    assert.deepEqual(lines(ws, 'level-inversion'), ['dept.okr:4:13 level-inversion', 'dept.okr:4:22 level-inversion']);
    const [direct, viaKr] = ws.of('level-inversion');
    assert.match(direct!.message, /`search` is a department objective but aligns to `ranking`, a team objective: a higher level cannot serve a lower one\. Turn it around \(`ranking` aligns to `search`\)/);
    assert.match(viaKr!.message, /through its key result `ranking\.signals`/);
    assert.equal(direct!.related?.[0]?.uri, uriOf('team.okr'));
    assert.match(direct!.related![0]!.message, /ranking: level team/);
  });
  test('near miss: the same level is enabling, a higher level is a cascade, no level is not judged', () => {
    const ws = run({
      ...files,
      'dept.okr': 'period 2026-Q1\nlevel department\nobjective a: A\n  aligns to win\nobjective b: B\n  aligns to a\n  why: A needs B\n',
      'none.okr': 'objective n: No level\n  aligns to ranking\n',
    });
    assert.deepEqual(lines(ws, 'level-inversion'), []);
  });
});

describe('period-mismatch', () => {
  test('fires on a Q1 objective under a Q2 one, and on a year objective under a quarter', () => {
    const ws = run({
      'q2.okr': 'period 2026-Q2\nobjective q2: Q2 objective\n',
      'q1.okr': 'period 2026-Q1\nobjective q1: Q1 objective\n  aligns to q2\n',
      'year.okr': 'period 2026\nobjective year: Year objective\n  aligns to q1\n',
    });
    assert.deepEqual(lines(ws, 'period-mismatch'), ['q1.okr:3:13 period-mismatch', 'year.okr:3:13 period-mismatch']);
    const [q1, year] = ws.of('period-mismatch');
    assert.match(q1!.message, /`q1` runs in 2026-Q1 but aligns to `q2`, which runs in 2026-Q2: that period starts after this one ends\. Align to an objective whose period covers 2026-Q1/);
    assert.match(year!.message, /this objective runs longer than what it serves/);
    assert.equal(q1!.related?.[0]?.uri, uriOf('q2.okr'));
  });
  test('near miss: nested periods (year ⊃ half ⊃ quarter ⊃ range), an own period inside the file\'s, unknown periods', () => {
    const ws = run({
      'year.okr': 'period 2026\nobjective year: Y\n',
      'half.okr': 'period 2026-H1\nobjective half: H\n  aligns to year\n',
      'q1.okr': 'period 2026-Q1\nobjective q1: Q\n  aligns to half\nobjective promo: P\n  period 2026-01-01..2026-02-28\n  aligns to q1\n',
      'bad.okr': 'period 2026-Q7\nobjective bad: B\n  aligns to q1\n',
      'none.okr': 'objective none: N\n  aligns to q1\n',
    });
    assert.deepEqual(lines(ws, 'period-mismatch'), []);
  });
});

describe('catch-all', () => {
  test('fires on business-as-usual wording, a warning when objectives hang on it', () => {
    const ws = run({
      'company.okr': company,
      'eng.okr': okr`
        period 2026-Q1
        level department
        objective core: Continue improving our core product
          owner @cto
          aligns to win
          kr: Ship improvements to the core product every sprint
      `,
      'team.okr': 'period 2026-Q1\nlevel team\nobjective t: Move the admin console to the new design\n  aligns to core\n',
    });
    assert.deepEqual(lines(ws, 'catch-all'), ['eng.okr:3:11 catch-all']);
    const [problem] = ws.of('catch-all');
    assert.equal(problem!.severity, 'warning');
    assert.match(problem!.message, /`core` is a catch-all: "Continue improving our core product" is more of the same\./);
    assert.match(problem!.message, /1 objective aligns to it: anything can claim to serve it/);
    assert.match(problem!.message, /Name what will be different by the end of 2026-Q1, for whom/);
    assert.equal(problem!.related?.length, 1);
  });
  test('information only when nothing aligns to it; a configured severity applies to both', () => {
    const files = { 'company.okr': company, 'eng.okr': 'period 2026-Q1\nlevel department\nobjective core: Improve our processes\n  aligns to win\n' };
    assert.deepEqual(run(files).of('catch-all').map((p) => p.severity), ['info']);
    assert.deepEqual(run(files, { rules: { 'catch-all': 'warning' } }).of('catch-all').map((p) => p.severity), ['warning']);
  });
  test('measurable key results do not make business-as-usual wording specific, and the message says what they measure', () => {
    const ws = run({
      'company.okr': okr`
        period 2026-Q1
        strategy growth: Grow
        objective sell: Sell more of our core product
          level company
          aligns to growth
          kr arr: Add $50M in recurring revenue
            target 50 $M
      `,
    });
    assert.deepEqual(lines(ws, 'catch-all'), ['company.okr:3:11 catch-all']);
    assert.match(ws.of('catch-all')[0]!.message, /Its key results already measure “Add \$50M in recurring revenue”, but the objective does not say what will be different when they are met/);
  });
  test('the wordings of a catch-all: an area, generic words, an aspiration, more of the same, leftovers', () => {
    const cases: Record<string, string> = {
      'Continue improving our core product': 'more-of-the-same', 'Keep the lights on': 'more-of-the-same', 'Maintain our platform': 'more-of-the-same',
      'Keep hiring engineers': 'more-of-the-same', 'Finish what we started last quarter': 'more-of-the-same', 'Execute the roadmap': 'more-of-the-same',
      'Other stuff': 'more-of-the-same', 'Next 3 big things for the app': 'more-of-the-same',
      'Sell more of our core product': 'generic', 'We do our business': 'generic', 'Improve our processes': 'generic', 'Build a stronger brand': 'generic',
      'Grow community engagement': 'generic', 'Increase Revenue': 'generic', 'Enhance, grow, and support collaboration across the Atlas project': 'generic',
      'Customer support': 'area', 'Platform stability': 'area', 'Revenue': 'area', 'Reliability': 'area', 'Observability (cross-team)': 'area',
      'Zephyr & Data Exploration': 'area', 'Security as a feature': 'area',
      'Become a great place to work': 'aspiration', 'Be the best team in the industry': 'aspiration', 'Achieve our vision': 'aspiration',
      'Make the app good!': 'aspiration', 'Grow Nimbus into a world-class organisation': 'aspiration',
    };
    for (const [title, wording] of Object.entries(cases)) assert.equal(catchAllWording(title)?.wording, wording, title);
  });
  test('near miss: a specific object, a deliverable, a name, a quoted term, a level or a number makes it specific', () => {
    for (const title of ['Support and Improve AI Search', 'Engineering has the expertise it needs to improve AI Search', 'Reduce the pain of submitting purchase orders',
      'Add revenue from AI Search in US East', 'Expand the Quokka team', 'Keep infra costs flat', 'Continue the rollout to 12 EU markets', 'Grow revenue by 20%',
      'Launch the partner program', 'Public beta of the mobile app', 'Squid game jam', 'Build our hiring strategy', 'Build relationships with "neighbours"',
      'Migrate the billing service to the new cluster', 'Customers get answers within a day', 'Delight retail users with faster checkout',
      'Turn pricing into a competitive advantage', 'Be profitable', 'Pipeline unblocks query speed and ensures data quality']) {
      assert.equal(catchAllWording(title), undefined, title);
    }
  });
  test('extra phrases come from the configuration, matched at the start of the title', () => {
    const files = { 'company.okr': company, 'x.okr': 'period 2026-Q1\nobjective x: Ship the platform for kiosks\n  level department\n  aligns to win\n' };
    assert.deepEqual(lines(run(files), 'catch-all'), []);
    const ws = run(files, { catchAll: { ...defaultConfig.catchAll, phrases: ['SHIP the   platform'] } });
    assert.deepEqual(lines(ws, 'catch-all'), ['x.okr:2:11 catch-all']);
    assert.match(ws.of('catch-all')[0]!.message, /"Ship the platform" is business as usual here \(okr\.config\.json\)/);
    assert.equal(catchAllWording('Ship the platformers a cake', ['ship the platform']), undefined, 'whole words only');
    // Even a configured phrase that matches its start: the number makes it specific.
    assert.equal(catchAllWording('Ship the platform to 12 EU markets', ['ship the platform']), undefined);
  });

  const unrelatedTitles = ['Move billing to Stripe', 'Hire two designers', 'Open an office in Lisbon', 'Translate the docs to Japanese', 'Cut cloud spend by a third'];
  const hub = (kr: string, owners: string[], titles = unrelatedTitles) => ({
    'company.okr': company,
    'hub.okr': `period 2026-Q1\nobjective hub: Deliver the Atlas programme\n  level department\n  owner @cto\n  aligns to win\n${kr}`,
    'teams.okr': owners.map((owner, i) => `objective t${i}: ${titles[i]}\n  level team\n  owner ${owner}\n  aligns to hub\n  why: It helps\n  kr k${i}: Ship 3 things\n    target 3 things\n`).join(''),
  });
  test('fires on an objective that 4 unrelated objectives of 3 owners align to, with no measurable key result', () => {
    const ws = run(hub('  kr: Be great\n', ['@a', '@b', '@c', '@c']));
    assert.deepEqual(lines(ws, 'catch-all'), ['hub.okr:2:11 catch-all']);
    const [problem] = ws.of('catch-all');
    assert.equal(problem!.severity, 'warning');
    assert.match(problem!.message, /`hub` is a catch-all: 4 unrelated objectives of 3 owners align to it, and none of its key results is measurable/);
    assert.equal(problem!.related?.length, 4);
    const result = ws.analyzer.analyse();
    const node = [...result.graph.nodes.values()].find((n) => n.objective.id.text === 'hub')!;
    assert.deepEqual(catchAllReason(node, result.graph, result.progress, config), { kind: 'structure', aligned: 4, owners: 3 });
  });
  test('near miss: a program whose children serve it, too few owners, a measurable key result, raised thresholds', () => {
    const program = ['Sign 10 resellers in Germany', 'Partner portal for resellers', 'Train resellers on the Atlas demo', 'Reseller pricing approved', 'Co-marketing kit for partners'];
    assert.deepEqual(lines(run(hub('  kr: Be great\n', ['@a', '@b', '@c', '@d'], program)), 'catch-all'), []);
    assert.deepEqual(lines(run(hub('  kr: Be great\n', ['@a', '@b', '@b', '@b'])), 'catch-all'), []);
    assert.deepEqual(lines(run(hub('  kr: Cut incidents from 12 to 4\n', ['@a', '@b', '@c', '@d'])), 'catch-all'), []);
    assert.deepEqual(lines(run(hub('  kr: Be great\n', ['@a', '@b', '@c', '@d']), { catchAll: { phrases: [], minAligned: 5, minOwners: 3 } }), 'catch-all'), []);
  });
});

describe('aligned-to-catch-all', () => {
  const files = {
    'company.okr': company,
    'eng.okr': 'period 2026-Q1\nlevel department\nobjective core: Continue improving our core product\n  aligns to win\n  kr ship: Ship improvements every sprint\n',
  };
  test('fires, as information, on an objective whose only alignment is a catch-all (or one of its key results)', () => {
    const ws = run({ ...files, 'team.okr': 'period 2026-Q1\nlevel team\nobjective admin: Move the admin console to the new design\n  aligns to core\nobjective other: Other\n  aligns to core.ship\n' });
    assert.deepEqual(lines(ws, 'aligned-to-catch-all'), ['team.okr:4:13 aligned-to-catch-all', 'team.okr:6:13 aligned-to-catch-all']);
    const [admin] = ws.of('aligned-to-catch-all');
    assert.equal(admin!.severity, 'info');
    assert.match(admin!.message, /`admin` aligns only to `core`, a catch-all objective \("Continue improving our core product" is more of the same\): that says nothing about what `admin` feeds\. Align it to the objective or the strategy \(`growth`, `efficiency`\) it really serves/);
    assert.equal(admin!.related?.[0]?.uri, uriOf('eng.okr'));
    assert.deepEqual(admin!.data, { catchAll: 'core', candidates: ['growth', 'efficiency'] });
    // One cause, one warning: the catch-all's.
    assert.deepEqual(ws.problems.filter((p) => p.severity === 'warning').map((p) => p.rule), ['catch-all']);
  });
  test('near miss: also aligned to a strategy or to a focused objective, or aligned to an unknown id', () => {
    const ws = run({ ...files, 'team.okr': 'period 2026-Q1\nlevel team\nobjective a: A\n  aligns to core, growth\nobjective b: B\n  aligns to win, core\nobjective c: C\n  aligns to core, nowhere\n' });
    assert.deepEqual(lines(ws, 'aligned-to-catch-all'), []);
  });
});

describe('split-not-enable', () => {
  const pie = okr`
    period 2026-Q1
    strategy trust: Keep the trust of our board
    objective pie: Make a pie
      level company
      aligns to trust
      kr slices: Each of 8 board members gets a slice
        target 8 slices
    objective rnd: Make 3 pieces of pie
      level department
      aligns to pie
      kr rnd-slices: 3 slices
        target 3 slices
        contributes to pie.slices
    objective gtm: Make 5 pieces of pie
      level department
      aligns to pie
      kr gtm-slices: 5 slices
        target 5 slices
        contributes to pie.slices
  `;
  test('fires on key results that contribute to a key result that is not `rollup sum`', () => {
    const ws = run({ 'pie.okr': pie });
    assert.deepEqual(lines(ws, 'split-not-enable'), ['pie.okr:13:20 split-not-enable', 'pie.okr:19:20 split-not-enable']);
    const [rnd] = ws.of('split-not-enable');
    assert.equal(rnd!.severity, 'hint');
    assert.match(rnd!.message, /`rnd\.rnd-slices` is a share of `pie\.slices` \(3 \+ 5 of 8 slices\), which is not `rollup sum`: a company is not a sum of departments\. Ask how `rnd` enables "Make a pie" instead/);
    assert.match(rnd!.message, /declare `rollup sum` on `pie\.slices`/);
  });
  test('near miss: contributions to a `rollup sum` key result (sales regions) are a real sum', () => {
    const ws = run({ 'pie.okr': pie.replace('target 8 slices', 'target 8 slices\n    rollup sum') });
    assert.deepEqual(lines(ws, 'split-not-enable'), []);
  });
  const seats = (a: string, b: string) => ({
    'company.okr': okr`
      period 2026-Q1
      strategy growth: Grow
      objective sell: Sell our new product
        level company
        aligns to growth
        kr seats: Sell 10K seats
          target 10K seats
    `,
    'regions.okr': `period 2026-Q1\nlevel department\nobjective emea: ${a}\n  aligns to sell.seats\nobjective apac: ${b}\n  aligns to sell.seats\n`,
  });
  test('fires on two objectives whose titles are shares of the key result they align to', () => {
    const ws = run(seats('Sell 3K seats in EMEA', 'Sell 4K seats in APAC'));
    assert.deepEqual(lines(ws, 'split-not-enable'), ['regions.okr:4:13 split-not-enable', 'regions.okr:6:13 split-not-enable']);
    assert.match(ws.of('split-not-enable')[0]!.message, /`emea` takes a numeric share of `sell\.seats` \(3000 \+ 4000 of 10000 seats\)/);
  });
  test('near miss: one objective restating its parent\'s number, other units, amounts that are not shares', () => {
    assert.deepEqual(lines(run(seats('Sell 3K seats in EMEA', 'Win 4 reference customers in APAC')), 'split-not-enable'), []);
    assert.deepEqual(lines(run(seats('Sell 10K seats in EMEA', 'Sell 12K seats in APAC')), 'split-not-enable'), []);
    const cascade = run(readFolder(repoPath('samples/cascade')));
    assert.deepEqual(lines(cascade, 'split-not-enable'), []);
  });
});

describe('split-not-enable without units', () => {
  const seed = (shares: string[]) => ({
    'pie.okr': okr`
      period 2026-Q1
      strategy trust: Keep the trust of our board
      objective pie: Bake a pie for the board
        level company
        aligns to trust
        kr slices: Each of 8 board members gets a slice
    ` + shares.map((title, i) => `objective d${i}: ${title}\n  level department\n  aligns to pie\n`).join(''),
  });
  test('fires when the departments\' amounts add up to the parent\'s number, whatever they count', () => {
    const ws = run(seed(['Make 3 pieces of pie', 'Make 4 pieces of pie', 'Make 1 piece of pie']));
    assert.deepEqual(lines(ws, 'split-not-enable'), ['pie.okr:12:13 split-not-enable', 'pie.okr:15:13 split-not-enable', 'pie.okr:9:13 split-not-enable']);
    assert.match(ws.of('split-not-enable')[0]!.message, /`d0` takes a numeric share of `pie\.slices` \(3 \+ 4 \+ 1 of 8 /);
  });
  test('near miss: amounts that do not add up to it, or one restating it', () => {
    assert.deepEqual(lines(run(seed(['Make 3 pieces of pie', 'Make 2 pieces of pie'])), 'split-not-enable'), []);
    assert.deepEqual(lines(run(seed(['Make 8 pieces of pie'])), 'split-not-enable'), []);
    assert.deepEqual(lines(run(seed(['Hire 3 bakers', 'Buy 5 ovens'])), 'split-not-enable'), [], 'different things counted are not shares');
  });
});

describe('over-aligned', () => {
  const tops = okr`
    period 2026-Q1
    strategy s1: S1
    strategy s2: S2
    objective c1: C1
      level company
      aligns to s1
      kr k1: K1
      kr k2: K2
    objective c2: C2
      level company
      aligns to s2
    objective c3: C3
      level company
      aligns to s1
  `;
  test('fires on more than three alignments', () => {
    const ws = run({ 'c.okr': tops, 'd.okr': 'period 2026-Q1\nobjective d: D\n  level department\n  aligns to c1, c2, s1, s2\n' });
    assert.deepEqual(lines(ws, 'over-aligned'), ['d.okr:2:11 over-aligned']);
    const [problem] = ws.of('over-aligned');
    assert.equal(problem!.severity, 'hint');
    assert.match(problem!.message, /`d` aligns to 4 objectives and strategies \(`c1`, `c2`, `s1`, `s2`\), more than 3: an objective that serves everything has no focus/);
  });
  test('fires on an objective aligned to every top-level objective of its period', () => {
    const ws = run({ 'c.okr': tops, 'd.okr': 'period 2026-Q1\nobjective d: D\n  level department\n  aligns to c1.k1, c2, c3\n' });
    assert.match(ws.of('over-aligned')[0]?.message ?? '', /`d` aligns to every company objective \(`c1`, `c2`, `c3`\)/);
  });
  test('near miss: three targets, two key results of one objective, top-level objectives of other periods, a raised limit', () => {
    const ws = run({
      'c.okr': tops,
      'q2.okr': 'period 2026-Q2\nobjective q2: Q2\n  level company\n  aligns to s1\n',
      'd.okr': 'period 2026-Q1\nlevel department\nobjective d: D\n  aligns to c1, c2, s1\nobjective e: E\n  aligns to c1.k1, c1.k2, c2\n',
    });
    assert.deepEqual(lines(ws, 'over-aligned'), []);
    const raised = run({ 'c.okr': tops, 'd.okr': 'period 2026-Q2\nobjective d: D\n  level department\n  aligns to c1, c2, s1, s2\n' }, { maxAlignments: 4 });
    assert.deepEqual(lines(raised, 'over-aligned'), []);
  });
});

describe('missing-story', () => {
  const eng = okr`
    period 2026-Q1
    level department
    objective support: Support and improve AI Search
      owner @vp-engineering
      aligns to win
    objective sales: Sell AI Search
      owner @head-of-sales
      aligns to win
      kr prospects: Talk to 80 prospects
        target 80 prospects
  `;
  test('fires on a same-level alignment without why:', () => {
    const ws = run({ 'company.okr': company, 'eng.okr': eng, 'people.okr': 'period 2026-Q1\nobjective expertise: Engineering has the expertise it needs\n  level department\n  owner @people-ops\n  aligns to support\n' });
    assert.deepEqual(lines(ws), ['people.okr:5:13 missing-story']);
    const [problem] = ws.of('missing-story');
    assert.equal(problem!.severity, 'hint');
    assert.match(problem!.message, /`expertise` aligns to `support` at its own level \(department\): that is enabling, not cascading\. Tell the story: add `why:` and say how `expertise` makes "Support and improve AI Search" possible/);
  });
  test('fires on an extra link into another owner\'s branch without why:', () => {
    const ws = run({ 'company.okr': company, 'eng.okr': eng, 'mkt.okr': 'period 2026-Q1\nobjective leads: Collect 5K leads\n  level team\n  owner @cmo\n  aligns to support, sales.prospects\n' });
    assert.deepEqual(lines(ws), ['mkt.okr:5:22 missing-story']);
    assert.match(ws.of('missing-story')[0]!.message, /`leads` aligns to `sales` outside its own branch, to an objective of @head-of-sales: that is enabling/);
  });
  test('near miss: with why:, a cascade to the level above, an extra link up its own tree', () => {
    const ws = run({
      'company.okr': company,
      'eng.okr': eng,
      'people.okr': 'period 2026-Q1\nobjective expertise: Engineering has the expertise it needs\n  level department\n  owner @people-ops\n  aligns to support\n  why: Engineering cannot improve AI Search without engineers who know AI\n',
      'team.okr': 'period 2026-Q1\nlevel team\nobjective sre: See what AI Search does\n  owner @sre\n  aligns to support, win.customers\n',
    });
    assert.deepEqual(lines(ws), []);
  });
});

describe('the samples (today 2026-02-15)', () => {
  test('ai-search: the catch-all, the team hanging on it and the pie shares; nothing on enabling or on the sales regions', () => {
    const ws = run(readFolder(repoPath('samples/ai-search')));
    assert.deepEqual(lines(ws), [
      'engineering.okr:23:11 catch-all',
      'engineering.okr:32:13 aligned-to-catch-all',
      'pie.okr:22:20 split-not-enable',
      'pie.okr:30:20 split-not-enable',
      'pie.okr:38:20 split-not-enable',
    ]);
    assert.match(ws.of('catch-all')[0]!.message, /`core-product` is a catch-all: "Continue improving our core product"/);
    assert.match(ws.of('aligned-to-catch-all')[0]!.message, /`admin-console` aligns only to `core-product`/);
    assert.match(ws.of('split-not-enable')[0]!.message, /3 \+ 4 \+ 1 of 8 slices/);
    // People Ops enables Engineering and says why; the regions add into a `rollup sum`.
    const index = ws.index;
    const inside = (file: string, id: string) => {
      const document = index.get(uriOf(file))!;
      const objective = document.file.objectives.find((o) => o.id.text === id)!;
      return ws.problems.filter((p) => p.uri === document.uri && ALIGNMENT_RULES.has(p.rule) && p.span.start >= objective.blockSpan.start && p.span.end <= objective.blockSpan.end);
    };
    assert.ok(index.get(uriOf('people-ops.okr'))!.file.objectives.some((o) => o.id.text === 'ai-expertise'));
    for (const [file, id] of [['people-ops.okr', 'ai-expertise'], ['sales.okr', 'us-east'], ['sales.okr', 'us-west'], ['sales.okr', 'emea'], ['marketing.okr', 'pipeline']] as const) {
      assert.deepEqual(inside(file, id), [], `${file} ${id}`);
    }
  });
  // The hierarchy sample is a textbook cascade of metric names with a direction ("Increase
  // Revenue", "Improve Customer Satisfaction"): catch-alls, one warning each where others hang on
  // them, and information on what hangs on them.
  test('hierarchy: its objectives are catch-alls, one warning where others hang on them', () => {
    const ws = run(readFolder(repoPath('samples/hierarchy')));
    assert.deepEqual(lines(ws), [
      'customer-service.okr:7:11 catch-all',
      'customer-service.okr:8:13 aligned-to-catch-all',
      'individual.okr:9:13 aligned-to-catch-all',
      'organization.okr:11:11 catch-all',
      'product-quality.okr:7:11 catch-all',
      'product-quality.okr:8:13 aligned-to-catch-all',
    ]);
    assert.match(ws.of('catch-all').find((p) => p.uri.endsWith('organization.okr'))!.message, /`increase-revenue` is a catch-all: "Increase Revenue" is business as usual/);
  });
  for (const name of ['cascade', 'marketing']) {
    test(`${name}: no alignment problem`, () => {
      assert.deepEqual(lines(run(readFolder(repoPath('samples', name)))), []);
    });
  }
  test('samples/ as one workspace: the same as each workspace alone', () => {
    assert.deepEqual(lines(run(readFolder(repoPath('samples')))), [
      'ai-search/engineering.okr:23:11 catch-all',
      'ai-search/engineering.okr:32:13 aligned-to-catch-all',
      'ai-search/pie.okr:22:20 split-not-enable',
      'ai-search/pie.okr:30:20 split-not-enable',
      'ai-search/pie.okr:38:20 split-not-enable',
      'hierarchy/customer-service.okr:7:11 catch-all',
      'hierarchy/customer-service.okr:8:13 aligned-to-catch-all',
      'hierarchy/individual.okr:9:13 aligned-to-catch-all',
      'hierarchy/organization.okr:11:11 catch-all',
      'hierarchy/product-quality.okr:7:11 catch-all',
      'hierarchy/product-quality.okr:8:13 aligned-to-catch-all',
    ]);
  });
});
