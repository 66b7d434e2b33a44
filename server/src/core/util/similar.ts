// "Did you mean": the candidates closest to a misspelt word.
import { distance } from 'fastest-levenshtein';

/** How many edits a word of this length may be away from a suggestion: about one per four characters. */
export function editBudget(word: string): number {
  return Math.max(1, Math.floor(word.length / 4) + 1);
}

/**
 * The candidates within a small edit distance of `word` (about one typo per four characters),
 * closest first, at most `limit`.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const budget = editBudget(word);
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > budget) continue;
    const score = distance(lower, candidate.toLowerCase());
    if (score <= budget) scored.push({ candidate, score });
  }
  return best(scored, limit);
}

function best(scored: { candidate: string; score: number }[], limit: number): string[] {
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/**
 * `closest` over a large, fixed set of words (every id of a workspace), answering in time that
 * grows with the words sharing letter pairs with the query rather than with the whole set: a word
 * within k edits of the query keeps all but at most 2k of the query's distinct letter pairs
 * (each edit touches at most two pairs), so the others cannot be close and are never compared.
 * Answers are remembered: the same unknown id is looked up on every analysis.
 */
export class SimilarWords {
  private readonly words: string[];
  private readonly lowered: string[];
  private readonly pairs = new Map<string, number[]>();
  private readonly answers = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    this.words = [...words];
    this.lowered = this.words.map((w) => w.toLowerCase());
    this.lowered.forEach((word, i) => {
      for (const pair of distinctPairs(word)) {
        const list = this.pairs.get(pair);
        if (list) list.push(i);
        else this.pairs.set(pair, [i]);
      }
    });
  }

  closest(word: string, limit = 3): string[] {
    const key = `${limit}\u0000${word}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.search(word, limit);
      if (this.answers.size > 10_000) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }

  private search(word: string, limit: number): string[] {
    const lower = word.toLowerCase();
    const budget = editBudget(word);
    const queryPairs = distinctPairs(lower);
    const needed = queryPairs.size - 2 * budget;
    // Too short to filter on: compare with every word of a near length.
    if (needed <= 0) return closest(word, this.words, limit);
    const shared = new Map<number, number>();
    for (const pair of queryPairs) {
      for (const i of this.pairs.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    const scored: { candidate: string; score: number }[] = [];
    for (const [i, count] of shared) {
      if (count < needed) continue;
      const candidate = this.lowered[i]!;
      if (Math.abs(candidate.length - lower.length) > budget) continue;
      const score = distance(lower, candidate);
      if (score <= budget) scored.push({ candidate: this.words[i]!, score });
    }
    return best(scored, limit);
  }
}

function distinctPairs(word: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) pairs.add(word.slice(i, i + 2));
  return pairs;
}
