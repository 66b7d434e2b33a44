// Lists written into messages, bounded: a message that names every one of a thousand copies, on
// every copy, makes output quadratic in the copies.

/** Parts named in a sum before the rest are counted. */
export const MAX_TERMS = 8;

/** `3 + 4 + 1`, or `3 + 4 + … + 1 (150 terms)` past MAX_TERMS: the first ones, the last, and how many. */
export function sumOfTerms(parts: readonly string[]): string {
  if (parts.length <= MAX_TERMS) return parts.join(' + ');
  return `${parts.slice(0, MAX_TERMS - 1).join(' + ')} + … + ${parts[parts.length - 1]} (${parts.length} terms)`;
}
