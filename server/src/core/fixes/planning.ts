// Quick fixes that do what the planning messages say, as plain edits (no LSP types: the server
// turns them into code actions, snippets where the editor takes them):
//  - `unaligned`: align to one of the three best parents at a proper level (core/ranking.ts);
//  - `level-inversion`, `aligned-to-catch-all`: replace the reference with one of the three best
//    parents at a proper level, before any change of level;
//  - `stale-checkin`: a `checkin TODAY VALUE` line, the value a placeholder (the last one known);
//  - `missing-story`: `why: ` with the cursor after it;
//  - `kr-not-measurable`: `target N unit` or `from A to B unit`, each part a placeholder.
// Every edit inserts or replaces exactly what its title says; the rest of the document stays.
import { formatDay, type Day } from '../model/dates';
import { keyResultAt, objectiveAt } from '../navigation';
import { parentsInOrder, rankParents, type ParentCandidate, type RankingInput } from '../ranking';
import type { DataOf, RuleId } from '../rules/data';
import { lineEndOf } from '../syntax';
import type { KeyResult, Objective, Quantity, Reference } from '../syntax/ast';
import { offsetAt, positionAt, rangeOf, type Range } from '../text';
import type { OkrDocument } from '../workspace';

/** One edit: `newText` is plain text; `snippet`, when set, is the same edit as a snippet (placeholders, cursor). */
export interface FixEdit {
  readonly range: Range;
  readonly newText: string;
  readonly snippet?: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly FixEdit[];
  readonly isPreferred?: boolean;
}

export interface PlanningFixInput extends RankingInput {
  readonly today: Day;
}

/** How many parents a fix offers. */
const PARENTS = 3;

/** A problem as the client sends it back: its rule, its range in the document, its data (JSON, unchecked). */
export interface SentProblem {
  readonly rule: string;
  readonly range: Range;
  readonly data?: unknown;
}

/**
 * The data a problem of rule `id` carries, as the rule declared it (`RuleData`). It comes back
 * from the client as JSON: every field is checked where it is read.
 */
function dataOf<Id extends RuleId>(problem: SentProblem, _rule: Id): Partial<NonNullable<DataOf<Id>>> {
  const data = problem.data;
  return typeof data === 'object' && data !== null ? (data as Partial<NonNullable<DataOf<Id>>>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The fixes for one problem of a planning rule, or undefined when the rule is not one of them
 * (then the server's own fixes apply).
 */
export function planningFixes(input: PlanningFixInput, document: OkrDocument, problem: SentProblem): Fix[] | undefined {
  const offset = offsetAt(document.file.lineStarts, document.text.length, problem.range.start);
  const objective = objectiveAt(document.file, offset);
  /** The reference the problem is on, else the first that names `id` (the problem's data). */
  const referenceTo = (id: string | undefined) => objective?.alignsTo.find((r) => r.span.start <= offset && offset <= r.span.end) ?? objective?.alignsTo.find((r) => id !== undefined && r.objective.text === id);
  switch (problem.rule) {
    case 'unaligned':
      return objective ? alignTo(input, document, objective) : [];
    case 'level-inversion': {
      const reference = referenceTo(text(dataOf(problem, 'level-inversion').target));
      return objective && reference ? realignFrom(input, document, objective, reference) : [];
    }
    case 'aligned-to-catch-all': {
      const reference = referenceTo(text(dataOf(problem, 'aligned-to-catch-all').catchAll));
      return objective && reference ? realignFrom(input, document, objective, reference) : [];
    }
    case 'stale-checkin': {
      const kr = objective && keyResultAt(objective, offset);
      return kr ? [checkinToday(input, document, kr)] : [];
    }
    case 'missing-story': {
      const target = referenceTo(undefined)?.objective.text ?? text(dataOf(problem, 'missing-story').target);
      return objective ? [writeWhy(document, objective, offset, target)] : [];
    }
    case 'kr-not-measurable': {
      const kr = objective && keyResultAt(objective, offset);
      return kr ? stateALevel(document, kr) : [];
    }
    default:
      return undefined;
  }
}

function alignTo(input: PlanningFixInput, document: OkrDocument, objective: Objective): Fix[] {
  const parents = rankParents(input, objective, { properOnly: true, limit: PARENTS });
  const last = objective.alignsTo[objective.alignsTo.length - 1];
  return parents.map((parent, i) => {
    // A top-level objective that aligns to objectives but no strategy: the strategy joins the list.
    const edit = last
      ? { range: rangeOf(document.file.lineStarts, { start: last.span.end, end: last.span.end }), newText: `, ${parent.id}` }
      : insertLineAfter(document, objective.span.end, `aligns to ${parent.id}`, 1);
    return { title: `Align to \`${parent.id}\`: ${parent.title}`, edits: [edit], isPreferred: i === 0 };
  });
}

/**
 * The edit that aligns `objective` to `parent`: its first reference replaced when it has one (its
 * place in the tree), else an `aligns to` line under the objective line.
 */
export function alignEdit(document: OkrDocument, objective: Objective, parent: string): FixEdit {
  const first = objective.alignsTo[0];
  return first ? { range: rangeOf(document.file.lineStarts, first.span), newText: parent } : insertLineAfter(document, objective.span.end, `aligns to ${parent}`, 1);
}

function realignFrom(input: PlanningFixInput, document: OkrDocument, objective: Objective, reference: Reference): Fix[] {
  const was = reference.objective.text;
  const parents: ParentCandidate[] = [];
  for (const parent of parentsInOrder(input, objective, { properOnly: true })) {
    if (parent.id === was || objective.alignsTo.some((r) => r !== reference && r.objective.text === parent.id)) continue;
    if (parents.push(parent) === PARENTS) break;
  }
  return parents.map((parent, i) => ({
    title: `Align to \`${parent.id}\` instead of \`${was}\`: ${parent.title}`,
    edits: [{ range: rangeOf(document.file.lineStarts, reference.span), newText: parent.id }],
    isPreferred: i === 0,
  }));
}

function checkinToday(input: PlanningFixInput, document: OkrDocument, kr: KeyResult): Fix {
  const today = formatDay(input.today);
  const value = lastValue(document, kr) ?? '0';
  // After the last check-in, at its indentation; else after the key result's last line, one level
  // below the `kr` line.
  const lastLine = kr.checkins[kr.checkins.length - 1]?.span.end ?? kr.blockSpan.end;
  const onKrLine = positionAt(document.file.lineStarts, lastLine).line === positionAt(document.file.lineStarts, kr.span.start).line;
  const edit = insertLineAfter(document, lastLine, `checkin ${today} ${value}`, onKrLine ? 1 : 0);
  const prefix = edit.newText.slice(0, edit.newText.length - value.length);
  return {
    title: `Add a check-in for today: \`checkin ${today} VALUE\``,
    edits: [{ ...edit, snippet: `${escapeSnippet(prefix)}\${1:${escapeSnippet(value, true)}}` }],
    isPreferred: true,
  };
}

/** Where the key result last stood, as written: the last check-in's value, else `current`, else the baseline. */
function lastValue(document: OkrDocument, kr: KeyResult): string | undefined {
  const quantity: Quantity | undefined = [...kr.checkins].reverse().find((c) => c.value)?.value ?? kr.metric.current ?? kr.metric.from;
  return quantity ? document.text.slice(quantity.span.start, quantity.span.end) : undefined;
}

function writeWhy(document: OkrDocument, objective: Objective, offset: number, target: string | undefined): Fix {
  const story = `How this enables ${target ?? 'what it aligns to'}`;
  const title = 'Add a `why:` line: how this enables what it aligns to';
  // A `why:` written without its story yet gets the cursor (or, without snippets, a first
  // sentence): a second `why:` would be a syntax error.
  const empty = emptyWhyLine(document, objective);
  if (empty) {
    const at = { start: empty.end, end: empty.end };
    const space = empty.spaced ? '' : ' ';
    return { title, edits: [{ range: at, newText: `${space}${story}`, snippet: `${space}$0` }], isPreferred: true };
  }
  // Under the `aligns to` line the problem is on: the story sits beside the link it tells. Without
  // snippets (no cursor to leave there), a first sentence to edit.
  const plain = insertLineAfter(document, offset, `why: ${story}`, 0);
  const bare = insertLineAfter(document, offset, 'why: ', 0);
  return { title, edits: [{ ...plain, snippet: `${escapeSnippet(bare.newText)}$0` }], isPreferred: true };
}

function stateALevel(document: OkrDocument, kr: KeyResult): Fix[] {
  const target = insertLineAfter(document, kr.span.end, 'target 100 %', 1);
  const range = insertLineAfter(document, kr.span.end, 'from 0 to 100 %', 1);
  const lead = (edit: FixEdit, text: string) => escapeSnippet(edit.newText.slice(0, edit.newText.length - text.length));
  return [
    { title: 'Add a target: `target N unit`', edits: [{ ...target, snippet: `${lead(target, 'target 100 %')}target \${1:100} \${2:%}` }], isPreferred: true },
    { title: 'Add a baseline and a target: `from A to B unit`', edits: [{ ...range, snippet: `${lead(range, 'from 0 to 100 %')}from \${1:0} to \${2:100} \${3:%}` }] },
  ];
}

// ── Edits ───────────────────────────────────────────────────────────────────────────────────

/** A new line after the line holding `offset`, indented `deeper` levels (2 spaces, or a tab) below it. */
export function insertLineAfter(document: OkrDocument, offset: number, text: string, deeper: number): FixEdit {
  const { lineStarts } = document.file;
  const line = positionAt(lineStarts, offset).line;
  const lineStart = lineStarts[line]!;
  const indent = /^[ \t]*/.exec(document.text.slice(lineStart))![0];
  const unit = indent.includes('\t') ? '\t' : '  ';
  // Before the line's break (LF, CRLF or CR), or at the end of the text.
  const at = positionAt(lineStarts, lineEndOf(document.text, lineStarts, line));
  return { range: { start: at, end: at }, newText: `${eolOf(document.text)}${indent}${unit.repeat(deeper)}${text}` };
}

/** The document's line break: CRLF if it has any, else LF, else a lone CR if it has only those. */
export function eolOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

/** Text as a snippet's literal: `$`, `}` and `\` escaped (and `,` `|` inside a placeholder's default). */
export function escapeSnippet(text: string, inPlaceholder = false): string {
  return text.replace(inPlaceholder ? /[$}\\,|]/g : /[$}\\]/g, '\\$&');
}

/** The end of an objective's `why:` line that has no story after it (where to write one), if any. */
function emptyWhyLine(document: OkrDocument, objective: Objective): { end: Range['end']; spaced: boolean } | undefined {
  const { lineStarts } = document.file;
  const first = positionAt(lineStarts, objective.span.start).line;
  const last = positionAt(lineStarts, objective.blockSpan.end).line;
  for (let line = first + 1; line <= last && line < lineStarts.length; line++) {
    const text = document.text.slice(lineStarts[line]!, lineEndOf(document.text, lineStarts, line));
    const match = /^(\s*why:)\s*$/.exec(text);
    // The story goes after whatever the line ends with: nothing the user typed is replaced.
    if (match) return { end: { line, character: text.length }, spaced: text.length > match[1]!.length };
  }
  return undefined;
}
