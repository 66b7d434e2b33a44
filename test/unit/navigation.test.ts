// Find references and rename start from what the cursor names: an objective is named by
// `objective` and by the first half of `objective.kr`, whether or not that key result exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referencesTo, symbolAt } from '../../server/src/core';
import { analyse, slice, uriOf } from './helpers';

test('references to an objective include `objective.kr` where the key result does not exist', () => {
  const text = 'objective revenue: Revenue\n  kr arr: ARR\n\nobjective east: East\n  aligns to revenue.nope, revenue.arr\n  kr k: K\n    contributes to revenue.gone\n';
  const { index, analyzer } = analyse({ 'a.okr': text });
  const document = index.get(uriOf('a.okr'))!;
  const symbol = symbolAt(index, document, text.indexOf('revenue.nope'));
  assert.equal(symbol?.target?.kind, 'objective', 'the cursor on `revenue` of `revenue.nope` names the objective');
  const found = referencesTo(analyzer.analyse().graph, symbol!.target!).map((l) => `${text.slice(0, l.span.start).split('\n').length}:${slice(text, l.span)}`);
  assert.deepEqual(found, ['5:revenue', '5:revenue', '7:revenue']);
});
