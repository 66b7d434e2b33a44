// A deep alignment chain: objectives each aligned to the one before, their key results each a
// `rollup sum` the next one contributes to. Every rule runs to its end (none overflows the call
// stack), and the sums and the tree are right at any depth. Correctness only: how long it takes is
// measured by `bench/chain.ts` (docs/performance.md), never asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, WorkspaceIndex, defaultConfig } from '../../server/src/core';
import { buildTree } from '../../server/src/core/treeModel';
import { storyOf, strategiesAtStoryEnds } from '../../server/src/core/model/insight';

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

  const tree = buildTree(index, result, analyzer.getConfig());
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
