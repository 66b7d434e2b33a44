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
 *
 * A set that differs from another by a few words (an objective added, renamed, removed) is made
 * from it with `changed`: it shares the other's index and looks at the few words apart, so an id
 * that appears costs what the change costs, not a new index of every id.
 */
export class SimilarWords {
  private readonly answers = new Map<string, string[]>();
  private extraIndex: PairIndex | undefined;

  constructor(words: Iterable<string>);
  constructor(words: Iterable<string>, root?: PairIndex, extra?: readonly string[], gone?: ReadonlySet<string>);
  constructor(
    words: Iterable<string>,
    private readonly root: PairIndex = new PairIndex(words),
    /** Words not in `root`. */
    private readonly extra: readonly string[] = [],
    /** Words of `root` that are not in this set. */
    private readonly gone: ReadonlySet<string> = new Set(),
  ) {}

  /** This set with `added` words in and `removed` words out. */
  changed(added: Iterable<string>, removed: Iterable<string>): SimilarWords {
    const extra = new Set(this.extra);
    const gone = new Set(this.gone);
    for (const word of added) {
      if (gone.has(word)) gone.delete(word);
      else if (!this.root.has(word)) extra.add(word);
    }
    for (const word of removed) {
      if (extra.has(word)) extra.delete(word);
      else if (this.root.has(word)) gone.add(word);
    }
    // Far from the shared index: a new one is as cheap.
    if (extra.size + gone.size > MAX_APART) return new SimilarWords([...this.root.words.filter((w) => !gone.has(w)), ...extra]);
    return new SimilarWords([], this.root, [...extra], gone);
  }

  closest(word: string, limit = 3): string[] {
    const key = `${limit}\u0000${word}`;
    let answer = this.answers.get(key);
    if (!answer) {
      const scored = this.root.within(word);
      const kept = this.gone.size ? scored.filter((s) => !this.gone.has(s.candidate)) : scored;
      if (this.extra.length) kept.push(...(this.extraIndex ??= new PairIndex(this.extra)).within(word));
      answer = best(kept, limit);
      if (this.answers.size > 10_000) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/** Words apart from the shared index beyond which `changed` makes a new one. */
const MAX_APART = 256;

/** The words of a set by their letter pairs. */
class PairIndex {
  readonly words: string[];
  private readonly lowered: string[];
  private readonly pairs = new Map<string, number[]>();
  private set: Set<string> | undefined;

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

  has(word: string): boolean {
    return (this.set ??= new Set(this.words)).has(word);
  }

  /** Every word within the edit budget of `word`, with its distance. */
  within(word: string): { candidate: string; score: number }[] {
    const lower = word.toLowerCase();
    const budget = editBudget(word);
    const queryPairs = distinctPairs(lower);
    const needed = queryPairs.size - 2 * budget;
    const scored: { candidate: string; score: number }[] = [];
    if (needed <= 0) {
      // Too short to filter on: compare with every word of a near length.
      this.words.forEach((candidate, i) => {
        if (Math.abs(candidate.length - word.length) > budget) return;
        const score = distance(lower, this.lowered[i]!);
        if (score <= budget) scored.push({ candidate, score });
      });
      return scored;
    }
    const shared = new Map<number, number>();
    for (const pair of queryPairs) {
      for (const i of this.pairs.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    for (const [i, count] of shared) {
      if (count < needed) continue;
      const candidate = this.lowered[i]!;
      if (Math.abs(candidate.length - lower.length) > budget) continue;
      const score = distance(lower, candidate);
      if (score <= budget) scored.push({ candidate: this.words[i]!, score });
    }
    return scored;
  }
}

function distinctPairs(word: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) pairs.add(word.slice(i, i + 2));
  return pairs;
}
