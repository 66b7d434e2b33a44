// OKR periods: a quarter (2026-Q1), a half (2026-H1), a year (2026) or a date range
// (2026-01-01..2026-03-31). A period is a closed range of days.
import { dayOf, parseDate, type Day } from './dates';

export interface Period {
  readonly text: string;
  readonly start: Day;
  /** The last day, inclusive. */
  readonly end: Day;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string };

export function parsePeriod(text: string): PeriodResult {
  const ok = (start: Day, end: Day): PeriodResult => ({ ok: true, period: { text, start, end } });
  let match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    return ok(dayOf(year, 1, 1), dayOf(year + 1, 1, 1) - 1);
  }
  match = /^(\d{4})-([A-Za-z])(\w*)$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const letter = match[2]!.toUpperCase();
    const index = Number(match[3]);
    if (letter === 'Q' && Number.isInteger(index) && index >= 1 && index <= 4 && match[3]!.length === 1) {
      return ok(dayOf(year, (index - 1) * 3 + 1, 1), dayOf(year, index * 3 + 1, 1) - 1);
    }
    if (letter === 'H' && (index === 1 || index === 2) && match[3]!.length === 1) {
      return ok(dayOf(year, index === 1 ? 1 : 7, 1), dayOf(year, index === 1 ? 7 : 13, 1) - 1);
    }
    return { ok: false, message: `\`${text}\` is not a period: write a quarter (${year}-Q1 … ${year}-Q4), a half (${year}-H1, ${year}-H2), a year (${year}) or a range (${year}-01-01..${year}-03-31)` };
  }
  match = /^(.+)\.\.(.+)$/.exec(text);
  if (match) {
    const start = parseDate(match[1]!);
    const end = parseDate(match[2]!);
    if (start === undefined) return { ok: false, message: `\`${match[1]}\` is not a date (YYYY-MM-DD)` };
    if (end === undefined) return { ok: false, message: `\`${match[2]}\` is not a date (YYYY-MM-DD)` };
    if (end < start) return { ok: false, message: `The period ends (${match[2]}) before it starts (${match[1]})` };
    return ok(start, end);
  }
  if (parseDate(text) !== undefined) {
    return { ok: false, message: `A period is more than one day: write a range such as ${text}..${text.slice(0, 4)}-12-31, or a quarter, half or year` };
  }
  return { ok: false, message: `\`${text}\` is not a period: write 2026-Q1, 2026-H1, 2026 or 2026-01-01..2026-03-31` };
}

/** Whether `outer` covers every day of `inner`. */
export function containsPeriod(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The objective's period: its own, or the file's; undefined when absent or invalid. */
export function periodOf(file: import('../syntax/ast').OkrFile, objective: import('../syntax/ast').Objective): Period | undefined {
  const text = objective.period?.text ?? file.header.period?.text;
  if (!text) return undefined;
  const result = parsePeriod(text);
  return result.ok ? result.period : undefined;
}

/** Share of the period elapsed on `day`, 0..1. */
export function elapsed(period: Period, day: number): number {
  if (day < period.start) return 0;
  if (day > period.end) return 1;
  return (day - period.start + 1) / (period.end - period.start + 1);
}
