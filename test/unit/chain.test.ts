// A deep alignment chain: objectives each aligned to the one before, their key results each a
// `rollup sum` the next one contributes to. Every rule runs to its end (none overflows the call
// stack), and the sums and the tree are right at any depth. Correctness only: how long it takes is
// measured by `bench/chain.ts` (docs/performance.md), never asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, WorkspaceIndex, defaultConfig } from '../../server/src/core';
import { buildTree } from '../../server/src/core/buildTree';
import { storyOf, strategiesAtStoryEnds } from '../../server/src/core/model/insight';
import { PrimaryAncestry, PrimaryTree, primaryChain } from '../../server/src/core/model/primaryTree';

const DEPTH = 20_000;

/**
 * o0 … o{n-1}, each aligned to the one before; each has a `rollup sum` key result `k` that sums
 * the next objective's `k` and its own `one` (checked in at 1): o{i}.k is worth n − i.
 */
function chain(n: number): string {
  const lines = ['period 2026-Q1', 'level team', 'strategy s: The strategy'];
  for (let i = 0; i < n; i++) {
    lines.push(`objective o${i}: Objective number ${i}`, `  aligns to ${i === 0 ? 's' : `o${i - 1}`}`);
    lines.push('  kr k: Reach signups', `    target ${n} signups`, '    rollup sum', ...(i > 0 ? [`    contributes to o${i - 1}.k`] : []));
    lines.push('  kr one: Reach one signup', '    target 1 signups', '    checkin 2026-01-15 1', `    contributes to o${i}.k`);
  }
  return `${lines.join('\n')}\n`;
}

test(`a chain ${DEPTH} deep, with a rollup at every step: every rule runs, and the sums are right`, () => {
  const index = new WorkspaceIndex();
  const uri = 'file:///ws/chain.okr';
  index.set(uri, chain(DEPTH));
  const analyzer = new Analyzer(index);
  analyzer.setConfig({ ...defaultConfig, today: '2026-02-15' });
  const failures: unknown[] = [];
  const error = console.error;
  console.error = (...args: unknown[]) => void failures.push(args);
  let result;
  try {
    result = analyzer.analyse();
  } finally {
    console.error = error;
  }
  assert.deepEqual(failures, [], 'no rule failed');
  const problems = result.problems.get(uri) ?? [];
  const count = (rule: string) => problems.filter((p) => p.rule === rule).length;
  assert.equal(count('missing-story'), DEPTH - 1, 'each objective but the first aligns to its own level with no story');
  assert.equal(count('alignment-cycle'), 0);
  assert.equal(count('unaligned'), 0);
  // Each `k` sums every `one` below it: the first is worth the depth.
  const objectives = index.get(uri)!.file.objectives;
  assert.equal(result.progress.value(objectives[0]!.keyResults[0]!)?.value, DEPTH);
  assert.equal(result.progress.value(objectives[DEPTH - 1]!.keyResults[0]!)?.value, 1);
  assert.equal(result.progress.value(objectives[DEPTH / 4]!.keyResults[0]!)?.value, DEPTH - DEPTH / 4);

  const tree = buildTree(result);
  assert.equal(tree.objectiveCount, DEPTH);
});

test('where each story ends: the same as following each story, in one pass (a chain, a cycle, an unknown id, a key result)', () => {
  const index = new WorkspaceIndex();
  const uri = 'file:///ws/mixed.okr';
  index.set(uri, [
    'strategy s: S',
    'strategy t: T',
    'objective a: A\n  aligns to s',
    'objective b: B\n  aligns to a\n  kr k: Reach 10 deals',
    'objective c: C\n  aligns to b.k, t',
    'objective d: D\n  aligns to e',
    'objective e: E\n  aligns to d',
    'objective f: F\n  aligns to e',
    'objective g: G\n  aligns to nowhere',
    'objective h: H\n  aligns to g',
    'objective i: I',
    'objective j: J\n  aligns to t',
  ].join('\n'));
  const analyzer = new Analyzer(index);
  const { graph } = analyzer.analyse();
  const ends = strategiesAtStoryEnds(graph);
  assert.equal(ends.size, graph.nodes.size);
  for (const node of graph.nodes.values()) {
    const last = storyOf(node, graph).at(-1);
    const expected = last?.kind === 'strategy' ? last.name : undefined;
    assert.equal(ends.get(node)?.id.text, expected, node.objective.id.text);
  }
  const named = (id: string) => ends.get(graph.node(index.get(uri)!.file.objectives.find((o) => o.id.text === id)!)!)?.id.text;
  assert.deepEqual(['a', 'b', 'c', 'd', 'f', 'h', 'i', 'j'].map(named), ['s', 's', 's', undefined, undefined, undefined, undefined, 't']);

  // A chain as deep as the one above: every objective's story ends at the strategy.
  const deep = new WorkspaceIndex();
  deep.set(uri, chain(DEPTH));
  const deepGraph = new Analyzer(deep).analyse().graph;
  const deepEnds = strategiesAtStoryEnds(deepGraph);
  assert.equal([...deepEnds.values()].filter((end) => end?.id.text === 's').length, DEPTH);
});

test('above in its tree: the numbered tree and the short walk answer as following each chain does (random trees, cycles, key results, unknown ids)', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let round = 0; round < 30; round++) {
    const n = 5 + Math.floor(random() * 60);
    const lines: string[] = ['strategy s: S'];
    for (let i = 0; i < n; i++) {
      const r = random();
      const parent = Math.floor(random() * n);
      const target = r < 0.1 ? 's' : r < 0.15 ? 'ghost' : r < 0.3 ? `o${parent}.k` : r < 0.4 ? `o${Math.floor(random() * (i + 1))}` : `o${parent}`;
      lines.push(`objective o${i}: O${i}`, ...(r < 0.05 ? [] : [`  aligns to ${target}, o${Math.floor(random() * n)}`]), '  kr k: Reach 10 deals');
    }
    const index = new WorkspaceIndex();
    index.set('file:///ws/random.okr', lines.join('\n'));
    const { graph } = new Analyzer(index).analyse();
    const tree = new PrimaryTree(graph);
    const ancestry = new PrimaryAncestry(graph);
    const objectives = [...graph.nodes.keys()];
    for (const node of graph.nodes.values()) {
      const chain = primaryChain(node, graph);
      for (const above of objectives) {
        const expected = chain.has(above);
        assert.equal(tree.isAbove(above, node), expected, `round ${round}: ${above.id.text} above ${node.objective.id.text}`);
        assert.equal(ancestry.isAbove(above, node), expected, `round ${round}: ${above.id.text} above ${node.objective.id.text} (short walk)`);
      }
    }
  }
  // Deeper than the short walk: the numbered tree answers.
  const deep = new WorkspaceIndex();
  deep.set('file:///ws/deep.okr', chain(500));
  const { graph } = new Analyzer(deep).analyse();
  const [first, , third] = deep.get('file:///ws/deep.okr')!.file.objectives;
  const last = graph.node(deep.get('file:///ws/deep.okr')!.file.objectives[499]!)!;
  const ancestry = new PrimaryAncestry(graph);
  assert.equal(ancestry.isAbove(first!, last), true);
  assert.equal(ancestry.isAbove(third!, last), true);
  assert.equal(ancestry.isAbove(last.objective, graph.node(first!)!), false);
});
