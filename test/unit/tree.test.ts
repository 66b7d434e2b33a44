// The tree model (core/treeModel.ts): strategies at the top, objectives under their primary
// alignment, groups for the rest; links, key results, problems, filters; every objective exactly
// once, whatever the alignments (cycles, unknown ids, duplicate ids, absurdly long chains).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, okr, readFolder, repoPath, uriOf } from './helpers';
import { defaultConfig, type AnalysisConfig } from '../../server/src/core/config';
import { buildTree, GROUP_KEYS, MAX_TREE_DEPTH } from '../../server/src/core/buildTree';
import type { TreeGroup, TreeKeyResult, TreeModel, TreeObjective, TreeRoot, TreeStrategy } from '../../server/src/core/tree';

const config: AnalysisConfig = { ...defaultConfig, today: '2026-02-15' };

function treeOf(files: Record<string, string>, overrides: Partial<AnalysisConfig> = {}): TreeModel {
  const ws = analyse(files, { ...config, ...overrides });
  return buildTree(ws.analyzer.analyse());
}

/** Every objective of the model with its parent's key (a root's key for top-level ones), walked without recursion. */
function objectivesOf(model: TreeModel): { node: TreeObjective; parent: string; depth: number }[] {
  const found: { node: TreeObjective; parent: string; depth: number }[] = [];
  const stack: { node: TreeObjective; parent: string; depth: number }[] = [];
  for (const root of model.roots) for (const node of [...root.children].reverse()) stack.push({ node, parent: root.key, depth: 1 });
  while (stack.length) {
    const item = stack.pop()!;
    found.push(item);
    for (const node of [...item.node.children].reverse()) stack.push({ node, parent: item.node.key, depth: item.depth + 1 });
  }
  return found;
}

function find(model: TreeModel, key: string): TreeObjective {
  const hit = objectivesOf(model).find((o) => o.node.key === key);
  assert.ok(hit, `no objective ${key}`);
  return hit.node;
}

function parentOf(model: TreeModel, key: string): string {
  return objectivesOf(model).find((o) => o.node.key === key)!.parent;
}

function kr(model: TreeModel, key: string): TreeKeyResult {
  const hit = objectivesOf(model).flatMap((o) => o.node.keyResults).find((k) => k.key === key);
  assert.ok(hit, `no key result ${key}`);
  return hit;
}

const childKeys = (node: { children: readonly TreeObjective[] }) => node.children.map((c) => c.key);
const root = (model: TreeModel, key: string): TreeRoot => model.roots.find((r) => r.key === key)!;

function assertEachOnce(model: TreeModel, expected: number): void {
  const keys = objectivesOf(model).map((o) => o.node.key);
  assert.equal(keys.length, expected);
  assert.equal(new Set(keys).size, expected, 'an objective appears twice');
  assert.equal(model.objectiveCount, expected);
}

describe('tree: samples/ai-search', () => {
  const files = readFolder(repoPath('samples/ai-search'));
  const ws = analyse(files, config);
  const model = buildTree(ws.analyzer.analyse());

  test('every objective exactly once', () => {
    assertEachOnce(model, ws.analyzer.analyse().graph.nodes.size);
    const ids = [...ws.index.all()].flatMap((d) => d.file.objectives.map((o) => o.id.text)).sort();
    assert.deepEqual(objectivesOf(model).map((o) => o.node.id).sort(), ids);
  });

  test('strategies at the top, in (uri, position) order; nothing in a group', () => {
    assert.deepEqual(model.roots.map((r) => `${r.kind}:${r.key}`), ['strategy:ai-search', 'strategy:efficiency', 'strategy:board-trust']);
    const aiSearch = root(model, 'ai-search') as TreeStrategy;
    assert.equal(aiSearch.title, 'Win the market for AI-powered search');
    assert.deepEqual(aiSearch.location, { uri: uriOf('company.okr'), startLine: 8, endLine: 8 });
    assert.deepEqual(childKeys(aiSearch), ['launch-ai-search', 'revenue', 'important-fields']);
    assert.deepEqual(childKeys(root(model, 'efficiency')), ['fast-search-q3', 'fast-search-q4', 'compute-costs', 'purchase-orders']);
    assert.deepEqual(childKeys(root(model, 'board-trust')), ['make-pie']);
  });

  test('objectives under what they align to first', () => {
    assert.equal(parentOf(model, 'revenue'), 'ai-search');
    assert.equal(parentOf(model, 'sales-ai'), 'revenue');
    assert.deepEqual(childKeys(find(model, 'sales-ai')), ['us-east', 'us-west', 'emea']);
    assert.deepEqual(childKeys(find(model, 'revenue')), ['ai-support', 'core-product', 'pricing-models', 'pipeline', 'sales-ai']);
    assert.equal(parentOf(model, 'admin-console'), 'core-product');
    assert.deepEqual(childKeys(find(model, 'make-pie')), ['rnd-pie', 'gtm-pie', 'ga-pie']);
  });

  test('People Ops enables Engineering: ai-expertise under ai-support, enabling', () => {
    assert.equal(parentOf(model, 'ai-expertise'), 'ai-support');
    assert.equal(find(model, 'ai-expertise').enabling, true);
    assert.deepEqual(childKeys(find(model, 'ai-expertise')), ['ai-recruiting', 'ai-academy']);
    // Breaking down (a department under the company, a team under a department) is not enabling.
    assert.equal(find(model, 'sales-ai').enabling, undefined);
    assert.equal(find(model, 'us-east').enabling, undefined);
  });

  test('objective facts: level, rank, owner, period, why, pace, catch-all, location', () => {
    const revenue = find(model, 'revenue');
    assert.equal(revenue.level, 'company');
    assert.equal(revenue.rank, 0);
    assert.equal(revenue.owner, '@ceo');
    assert.equal(revenue.period, '2026-Q1');
    assert.equal(revenue.commitment, 'committed');
    assert.deepEqual(revenue.location, { uri: uriOf('company.okr'), startLine: 11, endLine: 21 });
    // 46 of 90 days of 2026-Q1 on 2026-02-15.
    assert.ok(Math.abs(revenue.expected! - 46 / 90) < 1e-9, String(revenue.expected));
    assert.ok(Math.abs(revenue.progress! - 0.6) < 1e-9, String(revenue.progress)); // arr 40/200 = 0.2, trial-to-paid held = 1
    assert.match(find(model, 'compute-costs').why!, /costs us less/);
    assert.match(find(model, 'core-product').catchAll!, /more of the same/);
    assert.equal(find(model, 'revenue').catchAll, undefined);
    assert.equal(find(model, 'ai-academy').progress, undefined);
  });

  test('key results: metric, value, progress, rollup arithmetic, contributions', () => {
    const arr = kr(model, 'revenue.arr');
    assert.equal(arr.id, 'arr');
    assert.equal(arr.metric, 'from 0 to 200 $M');
    assert.equal(arr.metricInferred, undefined);
    assert.equal(arr.value, '40 $M'); // 16 + 14 + 10 by 2026-02-15
    assert.ok(Math.abs(arr.progress! - 0.2) < 1e-9);
    assert.equal(arr.rollup, '80 + 70 + 50 = 200 $M of 200 $M');
    assert.deepEqual(arr.location, { uri: uriOf('company.okr'), startLine: 14, endLine: 18 });
    assert.equal(kr(model, 'sales-ai.prospects').rollup, '25 + 30 + 25 = 80 conversations of 80 conversations');
    assert.equal(kr(model, 'us-east.arr-east').contributesTo, 'revenue.arr');
    assert.equal(kr(model, 'us-east.arr-east').owner, '"Maria Lopez"');
    assert.equal(kr(model, 'revenue.trial-to-paid').value, '27%');
    // A key result without id: `objective#N`.
    const noId = kr(model, 'core-product#1');
    assert.equal(noId.id, undefined);
    assert.equal(noId.metric, undefined);
  });

  test('links: extra alignments that enable, and contributions', () => {
    assert.deepEqual(model.links.filter((l) => l.kind !== 'contributes'), [{ from: 'pipeline', to: 'sales-ai.prospects', kind: 'enabling' }]);
    const contributions = model.links.filter((l) => l.kind === 'contributes').map((l) => `${l.from} → ${l.to}`);
    assert.deepEqual(contributions, [
      'rnd-pie.rnd-slices → make-pie.slices',
      'gtm-pie.gtm-slices → make-pie.slices',
      'ga-pie.ga-slices → make-pie.slices',
      'us-east.east-conversations → sales-ai.prospects',
      'us-east.arr-east → revenue.arr',
      'us-west.west-conversations → sales-ai.prospects',
      'us-west.arr-west → revenue.arr',
      'emea.emea-conversations → sales-ai.prospects',
      'emea.arr-emea → revenue.arr',
    ]);
  });

  test('problems sit on the objective or key result whose lines they are on; totals count them all', () => {
    assert.deepEqual(find(model, 'core-product').problems.map((p) => p.rule), ['catch-all']);
    assert.deepEqual(kr(model, 'core-product#1').problems.map((p) => p.rule), ['kr-is-task']);
    assert.deepEqual(find(model, 'admin-console').problems.map((p) => p.rule).sort(), ['aligned-to-catch-all', 'behind-pace']);
    const stale = kr(model, 'ai-observability.ai-mttd').problems;
    assert.deepEqual(stale.map((p) => [p.rule, p.severity, p.line]), [['stale-checkin', 'info', 44]]);
    const all = ws.problems.length;
    assert.equal(Object.values(model.totals).reduce((a, b) => a + b, 0), all);
    assert.equal(model.totals.error, 0);
    const placed = objectivesOf(model).flatMap((o) => [...o.node.problems, ...o.node.keyResults.flatMap((k) => k.problems)]);
    assert.equal(placed.length, all, 'every problem of this sample is inside an objective block');
  });

  test('filters and today', () => {
    assert.equal(model.today, '2026-02-15');
    assert.deepEqual(model.levels, ['company', 'department', 'team']);
    assert.deepEqual(model.periods, ['2025-Q3', '2025-Q4', '2026-Q1']);
    assert.deepEqual(model.statuses, ['done', 'missed', 'carried']);
    assert.equal(model.owners[0], '@academy-coach');
    assert.ok(model.owners.includes('"Maria Lopez"'), 'key result owners are filter values too');
    assert.deepEqual([...model.owners], [...model.owners].sort((a, b) => a.replace(/^[@"]/, '').toLowerCase().localeCompare(b.replace(/^[@"]/, '').toLowerCase())));
  });

  test('grades, statuses, reflections and steps of the closed quarter', () => {
    const launch = objectivesOf(model).find((o) => o.node.key === 'launch-ai-search')!.node;
    assert.equal(launch.grade!.toFixed(4), ((0.7 + 0.6 + 0.4) / 3).toFixed(4));
    assert.equal(launch.gradeFromKeyResults, true);
    assert.deepEqual(launch.learned, ['Enterprise customers buy after a pilot, never after a demo', 'Trial-to-paid conversion is the number to watch, not signups']);
    const [weekly, markets, arr] = launch.keyResults;
    assert.deepEqual([weekly!.grade, weekly!.gradeNote, weekly!.status], [0.7, 'Strong pull from retail, a slow start in banking', 'done']);
    assert.deepEqual([markets!.steps, markets!.progress, markets!.status, markets!.carriedTo], [{ done: 2, total: 3 }, 2 / 3, 'carried', '2026-Q1']);
    assert.equal(arr!.status, 'missed');
  });

  test('plain JSON, and deterministic whatever the order files were loaded in', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    // Some rules' messages list candidates in load order: compare everything else.
    const withoutMessages = (m: TreeModel) => JSON.stringify(m, (key, value) => (key === 'message' ? undefined : value));
    assert.equal(withoutMessages(treeOf(reversed)), withoutMessages(model));
  });
});

describe('tree: groups', () => {
  const files = {
    'a.okr': okr`
      period 2026-Q1
      level team
      strategy growth: Grow
      objective loop-a: Loop A
        aligns to loop-b
        kr: 3 loops
      objective loop-b: Loop B
        aligns to loop-c.kr1
        kr: 4 loops
      objective loop-c: Loop C
        aligns to loop-a
        kr kr1: 5 loops
      objective into-loop: Hangs under the loop
        aligns to loop-b
        kr: 6 things
      objective self: Serves itself
        aligns to self
        kr: 7 things
      objective lost: Aligned to a typo
        aligns to groth, growth
        kr: 8 things
      objective under-lost: Under the typo one
        aligns to lost
        kr: 9 things
      objective alone: Aligned to nothing
        kr: 10 things
      objective under-alone: Under the lone one
        aligns to alone
        kr: 11 things
    `,
  };
  const model = treeOf(files);

  test('every objective exactly once; groups after the strategies, in order', () => {
    assertEachOnce(model, 9);
    assert.deepEqual(model.roots.map((r) => r.key), ['growth', GROUP_KEYS.unaligned, GROUP_KEYS.unknown, GROUP_KEYS.cycle]);
    assert.deepEqual(model.roots.slice(1).map((r) => (r as TreeGroup).title), ['Not aligned', 'Aligned to something unknown', 'In an alignment cycle']);
    assert.deepEqual(childKeys(root(model, 'growth')), []);
  });

  test('not aligned: the objective with no `aligns to`, and its chain under it', () => {
    assert.deepEqual(childKeys(root(model, GROUP_KEYS.unaligned)), ['alone']);
    assert.deepEqual(childKeys(find(model, 'alone')), ['under-alone']);
  });

  test('aligned to something unknown: the primary alignment does not resolve (an extra one does)', () => {
    assert.deepEqual(childKeys(root(model, GROUP_KEYS.unknown)), ['lost']);
    assert.deepEqual(childKeys(find(model, 'lost')), ['under-lost']);
    assert.deepEqual(find(model, 'lost').problems.map((p) => p.rule), ['unknown-reference']);
    assert.ok(model.links.some((l) => l.from === 'lost' && l.to === 'growth' && l.kind === 'extra'), 'an extra alignment to a strategy is a link');
  });

  test('in an alignment cycle: the loop\'s first objective at the top, the loop under it, one edge cut', () => {
    assert.deepEqual(childKeys(root(model, GROUP_KEYS.cycle)), ['loop-a', 'self']);
    // loop-a → loop-b → loop-c.kr1 → loop-a: the cut edge is loop-a's own alignment.
    const a = find(model, 'loop-a');
    assert.equal(a.enabling, undefined);
    assert.equal(a.viaKeyResult, undefined);
    assert.deepEqual(childKeys(a), ['loop-c']);
    assert.deepEqual(childKeys(find(model, 'loop-c')), ['loop-b']);
    assert.equal(find(model, 'loop-b').viaKeyResult, 'loop-c.kr1');
    assert.deepEqual(childKeys(find(model, 'loop-b')), ['into-loop']);
    assert.deepEqual(childKeys(find(model, 'self')), []);
    assert.ok(find(model, 'loop-a').problems.some((p) => p.rule === 'alignment-cycle'));
  });
});

describe('tree: links, keys and filters', () => {
  const files = {
    'company.okr': okr`
      period 2026-Q1
      level company
      strategy growth: Grow
      strategy efficiency: Save
      objective revenue: Grow revenue
        aligns to growth
        kr arr: Add $100M ARR
          target 100 $M
          rollup sum
        kr: Up the conversion rate from 20 to 35%
    `,
    'dept.okr': okr`
      period 2026-H1
      level department
      owner @dept
      objective sales: Sell
        aligns to revenue.arr, efficiency, growth
        kr sales-arr: Add $60M
          target 60 $M
          contributes to revenue.arr
        kr sales-arr: A repeated id
          target 1 $M
      objective ops: Enable sales
        aligns to revenue, sales, revenue.arr, sales
        why: Sales needs ops
        kr: Process 40 orders a day
      objective odd: Odd level
        level guild
        period 2025-Q4
        owner "Zoe Ng"
        aligns to revenue
        kr: Something
    `,
  };
  const model = treeOf(files);

  test('via a key result; links of each kind, never a repeat, never the primary edge', () => {
    assert.equal(find(model, 'sales').viaKeyResult, 'revenue.arr');
    assert.equal(parentOf(model, 'sales'), 'revenue');
    assert.deepEqual(model.links, [
      { from: 'sales', to: 'efficiency', kind: 'extra' },
      { from: 'sales', to: 'growth', kind: 'extra' },
      { from: 'sales.sales-arr', to: 'revenue.arr', kind: 'contributes' },
      { from: 'ops', to: 'sales', kind: 'enabling' },
      { from: 'ops', to: 'revenue.arr', kind: 'extra' },
    ]);
  });

  test('key results: repeated ids and missing ids get distinct keys; inferred metrics say so', () => {
    assert.deepEqual(find(model, 'sales').keyResults.map((k) => k.key), ['sales.sales-arr', 'sales.sales-arr#2']);
    const conversion = kr(model, 'revenue#2');
    assert.equal(conversion.metric, 'from 20 to 35 %');
    assert.equal(conversion.metricInferred, true);
    assert.equal(kr(model, 'revenue.arr').rollup, '60 = 60 $M of 100 $M');
  });

  test('filters: levels in config order then unknown ones; periods by start; owners by name', () => {
    assert.deepEqual(model.levels, ['company', 'department', 'guild']);
    assert.deepEqual(model.periods, ['2025-Q4', '2026-Q1', '2026-H1']);
    assert.deepEqual(model.owners, ['@dept', '"Zoe Ng"']);
    assert.equal(find(model, 'odd').rank, undefined);
  });
});

describe('tree: duplicate ids', () => {
  const model = treeOf({
    'a.okr': okr`
      level company
      strategy dup-s: First strategy
      objective dup: First
        aligns to dup-s
        kr: No id
        kr: Second without id
    `,
    'b.okr': okr`
      level company
      strategy dup-s: Second strategy
      objective dup: Second
        aligns to dup-s
        kr: No id here either
    `,
    'c.okr': okr`
      level department
      objective child: Aligns to the first dup
        aligns to dup
        kr: x
    `,
  });

  test('the first definition keeps the id, later ones get #2; references go to the first', () => {
    assertEachOnce(model, 3);
    assert.deepEqual(model.roots.map((r) => r.key), ['dup-s', 'dup-s#2']);
    assert.deepEqual(childKeys(root(model, 'dup-s')), ['dup', 'dup#2']);
    assert.deepEqual(childKeys(find(model, 'dup')), ['child']);
    assert.deepEqual(find(model, 'dup#2').id, 'dup');
  });

  test('a key result without id never takes a duplicate objective\'s key', () => {
    assert.deepEqual(find(model, 'dup').keyResults.map((k) => k.key), ['dup#1', 'dup.#2']);
    assert.deepEqual(find(model, 'dup#2').keyResults.map((k) => k.key), ['dup#2#1']);
  });
});

describe('tree: long chains', () => {
  const N = 10_000;
  function chain(loop: boolean): Record<string, string> {
    const lines = ['period 2026-Q1', 'level team', 'strategy top: The top'];
    for (let i = 0; i < N; i++) {
      const parent = i === 0 ? (loop ? `o${N - 1}` : 'top') : `o${i - 1}`;
      lines.push(`objective o${i}: Objective ${i}`, `  aligns to ${parent}`, `  kr k: Reach ${i} things`, `    target ${i + 1} things`, `    current ${i}`);
    }
    return { 'chain.okr': `${lines.join('\n')}\n` };
  }

  test(`a ${N}-long chain builds, each objective once, at most ${MAX_TREE_DEPTH} deep, and serialises`, () => {
    const model = treeOf(chain(false));
    assertEachOnce(model, N);
    const walked = objectivesOf(model);
    assert.ok(Math.max(...walked.map((o) => o.depth)) <= MAX_TREE_DEPTH);
    assert.deepEqual(childKeys(root(model, 'top')), ['o0']);
    assert.equal(parentOf(model, `o${MAX_TREE_DEPTH - 1}`), `o${MAX_TREE_DEPTH - 2}`);
    const deep = root(model, GROUP_KEYS.deep) as TreeGroup;
    assert.equal(deep.title, `Deeper than ${MAX_TREE_DEPTH} levels`);
    assert.equal(deep.children.length, N / MAX_TREE_DEPTH - 1);
    assert.equal(deep.children[0]!.key, `o${MAX_TREE_DEPTH}`);
    assert.equal(deep.children[0]!.enabling, undefined);
    assert.ok(JSON.stringify(model).length > 0);
  });

  test(`a ${N}-long cycle ends up in its group without hanging`, () => {
    const model = treeOf(chain(true));
    assertEachOnce(model, N);
    assert.deepEqual(childKeys(root(model, GROUP_KEYS.cycle)), ['o0']);
    assert.deepEqual(childKeys(find(model, 'o0')), ['o1']);
  });
});
