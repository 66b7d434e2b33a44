// Calendar dates as whole days since 1970-01-01 (UTC), which is all OKR periods need: no time
// zones, no hours, exact comparisons.

export type Day = number;

const MS_PER_DAY = 86_400_000;

/** `2026-01-31` → its day number; undefined when it is not a real calendar date. */
export function parseDate(text: string): Day | undefined {
  // A workspace writes the same few hundred dates over and over.
  if (dateCache.has(text)) return dateCache.get(text);
  const day = readDate(text);
  if (dateCache.size > 10_000) dateCache.clear();
  dateCache.set(text, day);
  return day;
}

const dateCache = new Map<string, Day | undefined>();

function readDate(text: string): Day | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function dayOf(year: number, month: number, day: number): Day {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function today(): Day {
  return Math.floor(Date.now() / MS_PER_DAY);
}
