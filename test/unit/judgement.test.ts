// The judgement on real OKRs: the labelled corpus beside the project (`../shared/real-okrs/`,
// published OKRs of real organisations, every objective and key result labelled by an OKR
// coach) scored as test/judgement/corpus.ts says. Skipped, with a note, where the corpus is not
// there. Prints the table that docs/judgement.md shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WORDING_RULES, corpusFolder, scoreCorpus, scoreTable } from '../judgement/corpus';

const folder = corpusFolder();

test('judgement on real OKRs: agreement with the coach, and no false alarm on a good item', { skip: folder ? false : 'no labelled corpus at ../shared/real-okrs' }, () => {
  const score = scoreCorpus(folder!);
  console.log(`\n${scoreTable(score)}\n`);
  assert.deepEqual(score.missing, [], 'every labelled item is in the corpus files');
  assert.ok(score.items.length >= 100, `${score.items.length} items`);
  const overall = score.agreed / score.items.length;
  assert.ok(overall >= 0.9, `overall agreement ${(overall * 100).toFixed(1)}% (at least 90%)`);
  for (const [label, { total, agreed }] of score.perLabel) {
    assert.ok(agreed / total >= 0.85, `${label}: ${agreed} of ${total} (at least 85%)`);
  }
  // The judgement rules never warn on an item the coach calls good. (Structural rules such as
  // `unaligned` speak of links, not of wording; docs/judgement.md counts them apart.)
  const alarms = score.falseAlarms.flatMap((item) => item.alarms.filter((a) => WORDING_RULES.has(a.slice(0, a.indexOf(':')))).map((a) => `${item.file} “${item.title}”: ${a}`));
  assert.deepEqual(alarms, []);
});
