// A smoke test of the benchmarks' workspace generator (bench/generate.ts): deterministic, clean
// syntax, the shape it promises, the problems it plants. No timing here: benchmarks are not tests
// (`npm run bench -- --quick` runs the suite itself at small sizes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, WorkspaceIndex, defaultConfig } from '../../server/src/core';
import { BENCH_TODAY, generate, generateText, generateWorkspace } from '../../bench/generate';

const analyse = (files: Map<string, string>) => {
  const index = new WorkspaceIndex();
  for (const [name, text] of files) index.set(`file:///bench/${name}`, text);
  const analyzer = new Analyzer(index);
  analyzer.setConfig({ ...defaultConfig, today: BENCH_TODAY });
  return { index, problems: [...analyzer.analyse().problems.values()].flat() };
};

test('bench generator: the same seed gives the same files, another seed other files', () => {
  const a = generateWorkspace(500, 3);
  const b = generateWorkspace(500, 3);
  assert.deepEqual([...a.keys()], [...b.keys()]);
  for (const [name, text] of a) assert.equal(b.get(name), text, name);
  const c = generateWorkspace(500, 4);
  assert.notEqual([...c.values()].join(''), [...a.values()].join(''));
});

test('bench generator: N objectives over files of about 100, every level, no syntax error', () => {
  const { files, stats } = generate(1000, 1);
  assert.equal(stats.objectives, 1000);
  assert.ok(stats.files >= 10 && stats.files <= 14, `${stats.files} files`);
  const { index, problems } = analyse(files);
  const objectives = index.all().reduce((sum, d) => sum + d.file.objectives.length, 0);
  assert.equal(objectives, 1000);
  assert.equal(index.all().reduce((sum, d) => sum + d.file.problems.length, 0), 0, 'no syntax problem in any file');
  assert.deepEqual(problems.filter((p) => p.rule === 'syntax'), []);
  const levels = new Set(index.all().flatMap((d) => d.file.objectives.map((o) => o.level?.text ?? d.file.header.level?.text)));
  assert.deepEqual([...levels].sort(), ['company', 'department', 'individual', 'team']);
  for (const level of ['company', 'department', 'team', 'individual']) assert.ok(stats.byLevel[level]! > 0, level);
  assert.ok(stats.byLevel.company! < stats.byLevel.department! && stats.byLevel.department! < stats.byLevel.team! && stats.byLevel.team! < stats.byLevel.individual!);
  // 3–4 key results each (a rollup adds one), each with a metric, written out or in the title.
  assert.ok(stats.keyResults >= 3 * 1000 && stats.keyResults <= 5 * 1000, `${stats.keyResults} key results`);
  const all = [...files.values()].join('\n');
  for (const statement of ['aligns to', 'why:', 'from ', 'target ', 'keep above', 'checkin ', 'confidence', 'contributes to', 'rollup sum', 'strategy ']) {
    assert.ok(all.includes(statement), `uses ${statement}`);
  }
  // No duplicate ids, no cycles, no broken rollup: only the planted problems are errors.
  assert.deepEqual(problems.filter((p) => ['duplicate-id', 'alignment-cycle', 'summation-mismatch', 'unit-mismatch', 'invalid-value'].includes(p.rule)).map((p) => p.message), []);
});

test('bench generator: the planted problems are reported', () => {
  const { files, stats } = generate(1000, 1);
  const { problems } = analyse(files);
  const { planted } = stats;
  assert.ok(planted.unknownReference.length > 0 && planted.catchAll.length > 0 && planted.krWithoutMetric.length > 0, JSON.stringify(planted));
  const unknown = problems.filter((p) => p.rule === 'unknown-reference');
  assert.equal(unknown.length, planted.unknownReference.length);
  for (const id of planted.unknownReference) assert.ok(unknown.some((p) => p.message.includes(`\`${id}\``)), id);
  assert.equal(problems.filter((p) => p.rule === 'catch-all').length, planted.catchAll.length);
  assert.ok(problems.filter((p) => p.rule === 'kr-not-measurable').length >= planted.krWithoutMetric.length);
});

test('bench generator: one text of a given size, parsing cleanly', () => {
  const { text, objectives } = generateText(200_000, 1);
  assert.ok(text.length > 150_000 && text.length < 250_000, `${text.length} characters`);
  assert.ok(objectives > 100);
  const { index } = analyse(new Map([['all.okr', text]]));
  assert.equal(index.all()[0]!.file.problems.length, 0);
  assert.equal(index.all()[0]!.file.objectives.length, objectives);
});
