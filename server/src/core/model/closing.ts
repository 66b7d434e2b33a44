// Closing a period: grades, closing statuses, milestone key results. Shared by the rules, hover,
// lenses, the tree model and `okr report`.
//  - A grade is 0.0–1.0, read as Google's playbook reads it: 0.0–0.3 red (no real progress),
//    0.4–0.6 yellow (progress, short of the goal), 0.7–1.0 green (delivered).
//  - An objective's grade is its own `grade` line, else the weighted mean of its key results'
//    grades (when any is graded); a `dropped` key result does not count.
//  - A milestone key result (steps, no metric) progresses by the share of its steps done: a step
//    done on a day after today does not count yet.
import type { Closing, KeyResult, Objective, Step } from '../syntax/ast';
import { parseDate, type Day } from './dates';
import { parsePeriod, type Period } from './period';

export type GradeBand = 'red' | 'yellow' | 'green';

/** A grade in range and readable: 0..1. */
export function validGrade(block: Closing): number | undefined {
  const value = block.grade?.value.value;
  return value !== undefined && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

/** Google's colours: 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green (grades between round to one decimal). */
export function gradeBand(grade: number): GradeBand {
  const tenths = Math.round(grade * 10);
  return tenths >= 7 ? 'green' : tenths >= 4 ? 'yellow' : 'red';
}

/** What a grade means, in a few words. */
export function gradeMeaning(grade: number): string {
  const tenths = Math.round(grade * 10);
  if (tenths >= 10) return 'fully delivered (expected of committed key results; aspirational ones should rarely get here)';
  if (tenths >= 7) return 'delivered: the sweet spot for aspirational key results';
  if (tenths >= 4) return 'progress, but fell short';
  return 'no real progress';
}

export const gradeBandName: Readonly<Record<GradeBand, string>> = { red: 'red (0.0–0.3)', yellow: 'yellow (0.4–0.6)', green: 'green (0.7–1.0)' };

/** A grade as written by "Grade from progress": one decimal. */
export function gradeFromProgress(progress: number): string {
  return (Math.round(Math.min(1, Math.max(0, progress)) * 10) / 10).toFixed(1);
}

export function formatGrade(grade: number): string {
  return Math.round(grade * 100) % 10 === 0 ? grade.toFixed(1) : grade.toFixed(2);
}

/** Whether a step counts as done on `today`. */
export function stepDone(step: Step, today: Day = Number.POSITIVE_INFINITY): boolean {
  if (!step.done) return false;
  if (!step.doneOn) return true;
  const day = parseDate(step.doneOn.text);
  return day === undefined || day <= today;
}

/** A milestone key result: steps and no metric of its own. */
export function isMilestone(kr: KeyResult): boolean {
  return kr.steps.length > 0 && !kr.metric.from && !kr.metric.target && !kr.metric.keep;
}

/** The share of its steps done, for a milestone key result. */
export function stepsProgress(kr: KeyResult, today: Day = Number.POSITIVE_INFINITY): { done: number; total: number; progress: number } | undefined {
  if (!isMilestone(kr)) return undefined;
  const done = kr.steps.filter((step) => stepDone(step, today)).length;
  return { done, total: kr.steps.length, progress: done / kr.steps.length };
}

/** The objective's grade: its own, else the weighted mean of its key results' grades. */
export function objectiveGrade(objective: Objective): { value: number; source: 'own' | 'key results' } | undefined {
  const own = validGrade(objective);
  if (own !== undefined) return { value: own, source: 'own' };
  let total = 0;
  let weights = 0;
  for (const kr of objective.keyResults) {
    const grade = validGrade(kr);
    if (grade === undefined || kr.status?.kind === 'dropped') continue;
    const weight = kr.weight && kr.weight.value > 0 ? kr.weight.value : 1;
    total += grade * weight;
    weights += weight;
  }
  return weights > 0 ? { value: total / weights, source: 'key results' } : undefined;
}

/** The period after this one, of the same kind: 2026-Q1 → 2026-Q2, 2026-H2 → 2027-H1, 2026 → 2027. */
export function nextPeriod(text: string): string | undefined {
  const parsed = parsePeriod(text);
  if (!parsed.ok) return undefined;
  let match = /^(\d{4})$/.exec(text);
  if (match) return String(Number(match[1]) + 1);
  match = /^(\d{4})-([QqHh])(\d)$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const letter = match[2]!;
    const index = Number(match[3]);
    const last = letter.toUpperCase() === 'Q' ? 4 : 2;
    return index < last ? `${year}-${letter}${index + 1}` : `${year + 1}-${letter}1`;
  }
  return undefined;
}

/** Whether the period is over on `today`. */
export function hasEnded(period: Period | undefined, today: Day): boolean {
  return period !== undefined && today > period.end;
}

export const statusText: Readonly<Record<string, string>> = { done: 'done', missed: 'missed', dropped: 'dropped', carried: 'carried over' };
