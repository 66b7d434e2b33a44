// What the editor features say about closing a period (grades, statuses, reflections, milestone
// steps), kept in one place so that each feature only calls in:
//  - hover: the grade beside progress (coloured as Google's playbook colours it), the status, the
//    reflections, a milestone key result's steps;
//  - code lens: the objective's grade after its progress;
//  - completion: after `grade ` the grades with their meaning (the one from the measured progress
//    first); after `status ` the statuses; after `carried over to ` the next period and the
//    periods planned in the workspace;
//  - semantic tokens: status words and a step's `done` as enum members;
//  - quick fixes: "Grade from progress" and "Carry over to NEXT" (ungraded-key-result), "Grade
//    from progress" (grade-far-from-progress).
// Every piece of user text goes through escapeMarkdown.
import { CodeActionKind, CompletionItemKind, type CodeAction, type CompletionItem, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { keyResultAt, objectiveAt, rangeOf, type KeyResult, type Objective, type OkrDocument, type OkrFile, type Snapshot, type Span } from '../core';
import type { Closing } from '../core/syntax/ast';
import { formatGrade, gradeBand, gradeFromProgress, gradeMeaning, nextPeriod, objectiveGrade, stepDone, stepsProgress, validGrade, type GradeBand } from '../core/model/closing';
import type { Day } from '../core/model/dates';
import type { ProgressModel } from '../core/model/progress';
import { periodOf } from '../core/model/period';
import { escapeMarkdown } from '../core/util/markdown';

const BAND_MARK: Readonly<Record<GradeBand, string>> = { red: '🔴', yellow: '🟡', green: '🟢' };

/** `🟢 grade 0.7`: a grade as hover and lenses show it. */
export function gradeLabel(grade: number): string {
  return `${BAND_MARK[gradeBand(grade)]} grade ${formatGrade(grade)}`;
}

/** The hover lines of an objective's or key result's closing: grade (and note), status, reflections. */
export function closingHover(block: Closing, grade: { value: number; source: 'own' | 'key results' } | undefined): string | undefined {
  const lines: string[] = [];
  const facts: string[] = [];
  if (grade) {
    const note = block.grade?.note?.text ? ` — ${escapeMarkdown(block.grade.note.text)}` : '';
    const source = grade.source === 'key results' ? ' (mean of its key results)' : '';
    facts.push(`*Grade:* ${gradeLabel(grade.value)}${source}: ${gradeMeaning(grade.value)}${note}`);
  } else if (block.grade) {
    facts.push(`*Grade:* ${escapeMarkdown(block.grade.value.raw)} is outside 0.0–1.0`);
  }
  const status = block.status;
  if (status) facts.push(`*Status:* ${status.kind === 'carried' ? `carried over to ${escapeMarkdown(status.carriedTo?.text ?? '?')}` : status.kind}`);
  if (facts.length) lines.push(facts.join(' · '));
  if (block.learned.length) lines.push(`*Learned:*\n${block.learned.map((l) => `- ${escapeMarkdown(l.text)}`).join('\n')}`);
  return lines.length ? lines.join('\n\n') : undefined;
}

export function objectiveClosingHover(objective: Objective): string | undefined {
  return closingHover(objective, objectiveGrade(objective));
}

export function keyResultClosingHover(kr: KeyResult, today: Day): string | undefined {
  const grade = validGrade(kr);
  const parts: string[] = [];
  const steps = milestoneHover(kr, today);
  if (steps) parts.push(steps);
  const closing = closingHover(kr, grade === undefined ? undefined : { value: grade, source: 'own' });
  if (closing) parts.push(closing);
  return parts.length ? parts.join('\n\n') : undefined;
}

/** A milestone key result's steps, each done or not, with its dates. */
function milestoneHover(kr: KeyResult, today: Day): string | undefined {
  const share = stepsProgress(kr, today);
  if (!share) return undefined;
  const lines = kr.steps.map((step) => {
    const done = stepDone(step, today);
    const dates = [step.due ? `due ${escapeMarkdown(step.due.text)}` : undefined, step.done ? `done${step.doneOn ? ` ${escapeMarkdown(step.doneOn.text)}` : ''}${done ? '' : ' (after today)'}` : undefined].filter(Boolean);
    return `- ${done ? '☑' : '☐'} ${escapeMarkdown(step.title.text)}${dates.length ? ` · ${dates.join(' · ')}` : ''}`;
  });
  return `*Milestones:* ${share.done} of ${share.total} steps done (${Math.round(share.progress * 100)}%)\n${lines.join('\n')}`;
}

/** The short form in an objective hover's key result list and in lenses: `steps 2 of 3`, `🟢 grade 0.7`. */
export function keyResultClosingSuffix(kr: KeyResult, today: Day): string[] {
  const parts: string[] = [];
  const share = stepsProgress(kr, today);
  if (share) parts.push(`${share.done} of ${share.total} steps`);
  const grade = validGrade(kr);
  if (grade !== undefined) parts.push(gradeLabel(grade));
  if (kr.status) parts.push(kr.status.kind === 'carried' ? `carried over to ${escapeMarkdown(kr.status.carriedTo?.text ?? '?')}` : kr.status.kind);
  return parts;
}

/** The lens part of an objective's grade, if it has one. */
export function objectiveLensGrade(objective: Objective): string | undefined {
  const grade = objectiveGrade(objective);
  return grade ? gradeLabel(grade.value) : undefined;
}

// ─── Semantic tokens ──────────────────────────────────────────────────────────────────────────

/** The spans of status words and steps' `done`. */
export function closingWordSpans(objective: Objective): Span[] {
  const spans: Span[] = [];
  for (const block of [objective, ...objective.keyResults] as Closing[]) if (block.status) spans.push(block.status.word.span);
  for (const kr of objective.keyResults) for (const step of kr.steps) if (step.done) spans.push(step.done.span);
  return spans;
}

// ─── Completion ───────────────────────────────────────────────────────────────────────────────

const GRADES = ['1.0', '0.9', '0.8', '0.7', '0.6', '0.5', '0.4', '0.3', '0.2', '0.1', '0.0'];

/** Completion after `grade `, `status ` and `carried over to `; undefined elsewhere. */
export function closingCompletion(snapshot: Snapshot, file: OkrFile, offset: number, before: string, range: Range): CompletionItem[] | undefined {
  if (/^\s*grade\s+[\d.]*$/.test(before)) {
    const objective = objectiveAt(file, offset);
    const kr = objective && keyResultAt(objective, offset);
    const { progress } = snapshot;
    const measured = kr ? progress.keyResultProgress(kr) : objective ? progress.objectiveProgress(objective) : undefined;
    const fromProgress = measured === undefined ? undefined : gradeFromProgress(measured);
    return GRADES.map((grade, i) => {
      const value = Number(grade);
      const band = gradeBand(value);
      const measuredNote = grade === fromProgress ? ` · the measured progress (${Math.round(measured! * 100)}%)` : '';
      return {
        label: grade,
        kind: CompletionItemKind.Value,
        detail: `${band}: ${gradeMeaning(value)}${measuredNote}`,
        sortText: grade === fromProgress ? '00' : `1${String(i).padStart(2, '0')}`,
        preselect: grade === fromProgress,
        textEdit: { range, newText: grade },
      };
    });
  }
  if (/^\s*status\s+[\w-]*$/.test(before)) {
    const next = nextOf(file, offset);
    const items: [string, string, string][] = [
      ['done', 'done', 'Delivered'],
      ['missed', 'missed', 'Not delivered by the end of the period'],
      ['dropped', 'dropped', 'No longer worth doing: left out of the objective’s grade'],
      [`carried over to ${next ?? 'PERIOD'}`, `carried over to ${next ?? '2026-Q2'}`, 'It continues in the next period'],
    ];
    return items.map(([label, newText, detail], i) => ({ label, kind: CompletionItemKind.EnumMember, detail, sortText: String(i), textEdit: { range, newText } }));
  }
  if (/^\s*status\s+carried\s+over\s+to\s+[\w.-]*$/.test(before)) {
    const next = nextOf(file, offset);
    const planned = new Map<string, number>();
    for (const node of snapshot.graph.nodes.values()) if (node.period) planned.set(node.period.text, node.period.start);
    const items: CompletionItem[] = [];
    if (next) items.push({ label: next, kind: CompletionItemKind.Value, detail: `the period after this one${planned.has(next) ? '' : ' (not planned yet)'}`, sortText: '0', textEdit: { range, newText: next } });
    for (const [period, start] of [...planned].sort((a, b) => a[1] - b[1])) {
      if (period !== next) items.push({ label: period, kind: CompletionItemKind.Value, detail: 'planned in the workspace', sortText: `1${String(start).padStart(8, '0')}`, textEdit: { range, newText: period } });
    }
    return items;
  }
  return undefined;
}

function nextOf(file: OkrFile, offset: number): string | undefined {
  const objective = objectiveAt(file, offset);
  const text = objective ? periodOf(file, objective)?.text : file.header.period?.text;
  return text ? nextPeriod(text) : undefined;
}

// ─── Quick fixes ──────────────────────────────────────────────────────────────────────────────

/** Inserts a new line after the line holding an offset, `deeper` levels below it. */
type InsertLineAfter = (document: OkrDocument, offset: number, text: string, deeper: number) => TextEdit;

/** "Grade from progress" and "Carry over to NEXT". */
export function closingFixes(document: OkrDocument, diagnostic: Diagnostic, offset: number, progress: ProgressModel, insertLineAfter: InsertLineAfter): { title: string; edits: TextEdit[]; preferred: boolean }[] {
  const rule = diagnostic.code;
  if (rule !== 'ungraded-key-result' && rule !== 'grade-far-from-progress') return [];
  const objective = objectiveAt(document.file, offset);
  const kr = objective && keyResultAt(objective, offset);
  if (!objective || !kr) return [];
  const measured = progress.keyResultProgress(kr);
  const fixes: { title: string; edits: TextEdit[]; preferred: boolean }[] = [];
  // After the key result's last line: its own attributes stay together.
  const atEnd = (text: string) => insertLineAfter(document, kr.blockSpan.end, text, kr.blockSpan.end <= kr.span.end ? 1 : 0);
  if (measured !== undefined) {
    const grade = gradeFromProgress(measured);
    if (rule === 'ungraded-key-result' && !kr.grade) fixes.push({ title: `Grade from progress: \`grade ${grade}\``, edits: [atEnd(`grade ${grade}`)], preferred: true });
    if (rule === 'grade-far-from-progress' && kr.grade) fixes.push({ title: `Grade from progress: \`grade ${grade}\``, edits: [{ range: rangeOf(document.file.lineStarts, kr.grade.value.span), newText: grade }], preferred: false });
  }
  if (rule === 'ungraded-key-result') {
    const period = periodOf(document.file, objective);
    const next = period && nextPeriod(period.text);
    // A status already written changes by one word: its period, or the status word itself.
    const status = kr.status;
    const edit = !next || (status?.kind === 'carried' && status.carriedTo?.text === next)
      ? undefined
      : status?.kind === 'carried' && status.carriedTo
        ? { range: rangeOf(document.file.lineStarts, status.carriedTo.span), newText: next }
        : status
          ? { range: rangeOf(document.file.lineStarts, status.word.span), newText: `carried over to ${next}` }
          : atEnd(`status carried over to ${next}`);
    if (edit) fixes.push({ title: `Carry over to ${next}`, edits: [edit], preferred: measured === undefined });
  }
  return fixes;
}

/** The quick fixes as code actions. */
export function closingActions(document: OkrDocument, diagnostic: Diagnostic, offset: number, progress: ProgressModel, insertLineAfter: InsertLineAfter): CodeAction[] {
  return closingFixes(document, diagnostic, offset, progress, insertLineAfter).map(({ title, edits, preferred }) => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: { [document.uri]: edits } },
  }));
}

