// How the page shows the close of a period: a grade chip beside the title, coloured as Google's
// playbook colours grades (0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green), the closing status, a
// milestone key result's steps, and what was learned under the title. Text only (textContent):
// notes and reflections are user text.
import type { TreeClosing, TreeKeyResult, TreeStatus } from '../../server/src/core/tree';
import { el } from './dom';

export type GradeBand = 'red' | 'yellow' | 'green';

export function gradeBand(grade: number): GradeBand {
  const tenths = Math.round(grade * 10);
  return tenths >= 7 ? 'green' : tenths >= 4 ? 'yellow' : 'red';
}

const BAND_TEXT: Readonly<Record<GradeBand, string>> = { red: 'no real progress', yellow: 'progress, but fell short', green: 'delivered' };

export const STATUS_TEXT: Readonly<Record<TreeStatus, string>> = { done: 'done', missed: 'missed', dropped: 'dropped', carried: 'carried over' };

function formatGrade(grade: number): string {
  return Math.round(grade * 100) % 10 === 0 ? grade.toFixed(1) : grade.toFixed(2);
}

const isGrade = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;

/** The chips of a node's closing (grade, status, steps), or undefined when it has none. */
export function closingChips(closing: TreeClosing & { steps?: TreeKeyResult['steps'] }): HTMLElement | undefined {
  const chips: HTMLElement[] = [];
  const steps = closing.steps;
  if (steps && typeof steps.done === 'number' && typeof steps.total === 'number') {
    const chip = el('span', 'okr-chip okr-steps', `${steps.done}/${steps.total} steps`);
    chip.title = `Milestones: ${steps.done} of ${steps.total} steps done`;
    chips.push(chip);
  }
  if (isGrade(closing.grade)) {
    const band = gradeBand(closing.grade);
    const chip = el('span', `okr-chip okr-grade okr-grade-${band}`, formatGrade(closing.grade));
    const source = closing.gradeFromKeyResults ? ' (mean of its key results)' : '';
    const note = typeof closing.gradeNote === 'string' && closing.gradeNote ? `: ${closing.gradeNote}` : '';
    chip.title = `Grade ${formatGrade(closing.grade)}${source}, ${band}: ${BAND_TEXT[band]}${note}`;
    chips.push(chip);
  }
  const status = closing.status;
  if (status && status in STATUS_TEXT) {
    const carried = status === 'carried' && typeof closing.carriedTo === 'string' ? ` to ${closing.carriedTo}` : '';
    const chip = el('span', `okr-chip okr-status okr-status-${status}`, `${STATUS_TEXT[status]}${carried}`);
    chip.title = `Status: ${STATUS_TEXT[status]}${carried}`;
    chips.push(chip);
  }
  if (!chips.length) return undefined;
  const span = el('span', 'okr-chips okr-closing');
  span.append(...chips);
  return span;
}

/** "learned: …" lines under the title, or undefined. */
export function learnedLines(closing: TreeClosing): HTMLElement | undefined {
  const learned = Array.isArray(closing.learned) ? closing.learned.filter((l): l is string => typeof l === 'string') : [];
  if (!learned.length) return undefined;
  const block = el('div', 'okr-learned');
  for (const text of learned) {
    const line = el('div', 'okr-learned-line');
    line.append(el('span', 'okr-learned-label', 'learned'), el('span', 'okr-learned-text', text));
    line.title = `learned: ${text}`;
    block.append(line);
  }
  return block;
}

/** Hover lines of a node's closing, for its title's tooltip. */
export function describeClosing(closing: TreeClosing): string[] {
  const lines: string[] = [];
  if (isGrade(closing.grade)) lines.push(`grade ${formatGrade(closing.grade)}${closing.gradeFromKeyResults ? ' (mean of its key results)' : ''}${closing.gradeNote ? `: ${closing.gradeNote}` : ''}`);
  if (closing.status && closing.status in STATUS_TEXT) lines.push(`status: ${STATUS_TEXT[closing.status]}${closing.status === 'carried' && closing.carriedTo ? ` to ${closing.carriedTo}` : ''}`);
  return lines;
}
