// "Did you mean": the candidates closest to a misspelt word.
import { distance } from 'fastest-levenshtein';

/**
 * The candidates within a small edit distance of `word` (about one typo per four characters),
 * closest first, at most `limit`.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const budget = Math.max(1, Math.floor(word.length / 4) + 1);
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > budget) continue;
    const score = distance(lower, candidate.toLowerCase());
    if (score <= budget) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}
