// The scheduler in process: a burst of changes is analysed once; a long analysis runs in slices,
// and a request that comes between two answers from the last snapshot, without adding to the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { ServerContext, nextTurn } from '../../server/src/context';
import type { Snapshot } from '../../server/src/core';
import { AnalysisScheduler } from '../../server/src/scheduler';

const turn = () => new Promise<void>((resolve) => nextTurn(resolve));

function chain(n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) text += `objective o${i}: Objective ${i}\n${i ? `  aligns to o${i - 1}\n` : ''}  kr k: Reach 100 customers\n    target 100 customers\n`;
  return text;
}

function setUp() {
  const context = new ServerContext({} as Connection);
  const published: Snapshot[] = [];
  const scheduler = new AnalysisScheduler(() => context.analyzer, (snapshot) => published.push(snapshot));
  return { context, published, scheduler };
}

async function until(done: () => boolean, turns = 100_000): Promise<number> {
  for (let i = 0; i < turns; i++) {
    if (done()) return i;
    await turn();
  }
  throw new Error('never done');
}

test('a burst of changes is analysed and published once, for the latest texts', async () => {
  const { context, published, scheduler } = setUp();
  for (let i = 1; i <= 3; i++) {
    context.setEditorText('file:///ws/a.okr', `objective a${i}: A\n`);
    scheduler.schedule();
  }
  await until(() => published.length > 0);
  for (let i = 0; i < 5; i++) await turn();
  assert.equal(published.length, 1);
  assert.deepEqual([...published[0]!.graph.nodes.values()].map((n) => n.objective.id.text), ['a3']);
});

test('a long analysis runs in slices; a request between two answers from the last snapshot and leaves the run to the scheduler', async () => {
  const { context, published, scheduler } = setUp();
  context.setEditorText('file:///ws/small.okr', 'objective small: Small\n');
  scheduler.schedule();
  await until(() => published.length === 1);
  const first = published[0]!;

  context.setEditorText('file:///ws/chain.okr', chain(20_000));
  scheduler.schedule();
  await until(() => context.analyzer.running);
  // Between two slices: the small file is the same as in the last snapshot, which answers.
  const answered = context.snapshotFor('file:///ws/small.okr');
  assert.equal(answered, first);
  assert.ok(context.analyzer.running, 'the request did not finish the run');
  // The chain is not in the last snapshot: a request on it cannot be answered yet.
  assert.throws(() => context.snapshotFor('file:///ws/chain.okr'), (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified);

  const turns = await until(() => published.length === 2);
  assert.ok(turns > 1, `the run took ${turns} more turns`);
  assert.equal(published[1]!.graph.nodes.size, 20_001);
  assert.equal(context.snapshotFor('file:///ws/chain.okr'), published[1]);
});
