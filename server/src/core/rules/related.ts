// Related locations, bounded in one place. A rule may link any number of places (every copy of a
// duplicated id, every step of a cycle, every share of a key result); the analysis keeps the first
// MAX_RELATED when it makes the problem (`analysis.ts`), so that an id pasted thousands of times
// costs thousands of diagnostics, never millions of links. A rule may pass a lazy iterable (see
// `othersThan`): only the places kept are ever made.
import type { RelatedLocation } from './types';

/** The most related locations one diagnostic links. */
export const MAX_RELATED = 20;

/** The first MAX_RELATED related locations, read lazily from what a rule gave. */
export function boundRelated(related: Iterable<RelatedLocation> | undefined): readonly RelatedLocation[] | undefined {
  if (related === undefined) return undefined;
  if (Array.isArray(related)) return related.length > MAX_RELATED ? related.slice(0, MAX_RELATED) : related;
  const kept: RelatedLocation[] = [];
  for (const location of related) {
    kept.push(location);
    if (kept.length === MAX_RELATED) break;
  }
  return kept;
}

/** The items of `list` other than `self`, lazily: a rule links them without walking the whole list. */
export function* othersThan<T>(list: Iterable<T>, isSelf: (item: T) => boolean): Generator<T> {
  for (const item of list) if (!isSelf(item)) yield item;
}

/** Maps an iterable lazily. */
export function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
