// "Did you mean" over a set of words made from another by a few words added and removed answers
// exactly what a new index of the same words answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SimilarWords, closest } from '../../server/src/core/util/similar';
import { prng } from '../../bench/generate';

test('a set of words changed from another answers as a new one does', () => {
  const random = prng(3);
  const word = () => {
    const stems = ['retention', 'growth', 'search', 'billing', 'Mobile', 'api', 'q', 'ab', 'partners', 'İstanbul'];
    return `${['c', 'd', 't', 'i', ''][Math.floor(random() * 5)]}${Math.floor(random() * 300)}-${stems[Math.floor(random() * stems.length)]}`;
  };
  let words = new Set(Array.from({ length: 2000 }, word));
  let similar = new SimilarWords(words);
  for (let round = 0; round < 60; round++) {
    const added = Array.from({ length: Math.floor(random() * 8) }, word).filter((w) => !words.has(w));
    const removed = [...words].filter(() => random() < 0.003);
    for (const w of removed) words.delete(w);
    for (const w of added) words.add(w);
    similar = similar.changed(added, removed);
    // Words said to appear that are there already change nothing; many apart make a new index.
    if (round % 20 === 19) similar = similar.changed([...words].slice(0, 300), []).changed(Array.from({ length: 300 }, word).filter((w) => !words.has(w) && words.add(w)), []);
    const fresh = new SimilarWords(words);
    for (let q = 0; q < 20; q++) {
      const query = q % 2 ? word() : [...added, ...removed, 'ab', 'q1'][q % (added.length + removed.length + 2)]!;
      assert.deepEqual(similar.closest(query), fresh.closest(query), `round ${round}: ${query}`);
      assert.deepEqual(fresh.closest(query), closest(query, words), `round ${round}: ${query} (brute force)`);
    }
  }
});
