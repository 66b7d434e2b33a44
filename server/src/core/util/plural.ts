// Counts in messages and summaries: "1 error", "2 errors". Every count a person reads goes
// through here, so none says "1 errors".

/** `1 error`, `2 errors`; `many` for words whose plural is not `word + s`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** `a team`, `an individual`: the indefinite article a word takes (by its first letter; levels are plain words). */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
