// Quick fixes and one refactoring:
//  - unknown-reference → the did-you-mean candidates, or create the missing objective as a stub;
//  - kr-not-measurable → add a `target` line;  missing-story → add a `why:` line;
//  - unaligned / aligned-to-catch-all → align to one of the best candidates;
//  - level-inversion → change the level to one below the target's;  invalid-value → the suggested level;
//  - any rule (but syntax) → suppress it for this line (`# okr-disable-next-line RULE`);
//  - ungraded-key-result → Grade from progress, Carry over to NEXT; grade-far-from-progress →
//    Grade from progress (closing.ts);
//  - a key result whose metric is inferred from its title → write the metric out.
// Every edit inserts or replaces exactly what it says; the rest of the document is left as it was.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { keyResultAt, lineEndOf, objectiveAt, offsetAt, positionAt, rangeOf, type Objective, type OkrDocument, type Snapshot } from '../core';
import { explicitMetric, metricOf } from '../core/model/metrics';
import type { DataOf, RuleId } from '../core/rules/data';
import { closingActions } from './closing';

/**
 * The data a diagnostic of rule `rule` carries, as the rule declared it (`RuleData`). It comes
 * back from the client as JSON: whatever is missing or of another type reads as absent.
 */
function dataOf<Id extends RuleId>(diagnostic: Diagnostic, _rule: Id): Partial<NonNullable<DataOf<Id>>> {
  const data: unknown = diagnostic.data;
  return typeof data === 'object' && data !== null ? (data as Partial<NonNullable<DataOf<Id>>>) : {};
}

/** Strings only: a list from the client may hold anything. */
function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** The quick fixes for the diagnostics in the request, and the refactoring at the range's start. */
export function codeActions(snapshot: Snapshot, document: OkrDocument, range: Range, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'okr' || typeof diagnostic.code !== 'string') continue;
      actions.push(...fixesFor(snapshot, document, diagnostic));
    }
  }
  if (wants(CodeActionKind.RefactorRewrite)) {
    const write = writeMetricOut(document, offsetAt(document.file.lineStarts, document.text.length, range.start));
    if (write) actions.push(write);
  }
  return actions;
}

function fixesFor(snapshot: Snapshot, document: OkrDocument, diagnostic: Diagnostic): CodeAction[] {
  const rule = diagnostic.code as string;
  const offset = offsetAt(document.file.lineStarts, document.text.length, diagnostic.range.start);
  const fix = (title: string, edits: TextEdit[], isPreferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [document.uri]: edits } },
  });
  const actions: CodeAction[] = [];
  const objective = objectiveAt(document.file, offset);

  switch (rule) {
    case 'unknown-reference': {
      const data = dataOf(diagnostic, rule);
      const missing = typeof data.missing === 'string' ? data.missing : undefined;
      for (const [i, candidate] of strings(data.candidates).entries()) {
        // The diagnostic covers the objective part of `objective.kr` when the objective is missing,
        // else the key result part.
        const replacement = missing ? candidate.split('.')[0]! : candidate.slice(candidate.indexOf('.') + 1);
        actions.push(fix(`Change to \`${candidate}\``, [{ range: diagnostic.range, newText: replacement }], i === 0));
      }
      if (missing) {
        const eol = eolOf(document.text);
        // After a lone CR at the end, an LF would join it into one CRLF: the blank line is a CR too.
        const prefix = document.text.endsWith('\r') ? '\r' : document.text.length === 0 || document.text.endsWith('\n') ? eol : eol + eol;
        const end = positionAt(document.file.lineStarts, document.text.length);
        actions.push(fix(`Create objective \`${missing}\``, [{ range: { start: end, end }, newText: `${prefix}objective ${missing}: ${humanize(missing)}${eol}` }]));
      }
      break;
    }
    case 'kr-not-measurable': {
      const kr = objective && keyResultAt(objective, offset);
      if (kr) actions.push(fix('Add a target (edit the number and unit)', [insertLineAfter(document, kr.span.end, 'target 100 %', 1)], true));
      break;
    }
    case 'missing-story':
      if (objective) {
        const { target } = dataOf(diagnostic, rule);
        const story = `How this enables ${typeof target === 'string' ? target : 'what it aligns to'}`;
        // A `why:` written without its story yet is filled in: a second `why:` would be a syntax error.
        const empty = emptyWhyLine(document, objective);
        const edit = empty ? { range: { start: empty.end, end: empty.end }, newText: `${empty.spaced ? '' : ' '}${story}` } : insertLineAfter(document, objective.span.end, `why: ${story}`, 1);
        actions.push(fix('Add a `why:` line: how this enables what it aligns to', [edit], true));
      }
      break;
    case 'unaligned':
    case 'aligned-to-catch-all':
      if (objective) {
        for (const [i, candidate] of strings(dataOf(diagnostic, rule).candidates).slice(0, 3).entries()) {
          actions.push(fix(`Align to \`${candidate}\``, [insertLineAfter(document, objective.span.end, `aligns to ${candidate}`, 1)], i === 0));
        }
      }
      break;
    case 'level-inversion': {
      const { targetLevel } = dataOf(diagnostic, rule);
      const levels = snapshot.config.levels;
      const below = typeof targetLevel === 'string' ? levels[levels.indexOf(targetLevel) + 1] : undefined;
      if (objective && below) {
        const edit = objective.level
          ? { range: rangeOf(document.file.lineStarts, objective.level.span), newText: below }
          : insertLineAfter(document, objective.span.end, `level ${below}`, 1);
        actions.push(fix(`Change the level to \`${below}\` (below \`${targetLevel}\`)`, [edit], true));
      }
      break;
    }
    case 'invalid-value':
      for (const candidate of strings(dataOf(diagnostic, rule).candidates)) actions.push(fix(`Change to \`${candidate}\``, [{ range: diagnostic.range, newText: candidate }], true));
      break;
  }
  actions.push(...closingActions(document, diagnostic, offset, snapshot.progress, insertLineAfter));
  if (rule !== 'syntax' && rule !== 'config') {
    const line = diagnostic.range.start.line;
    const lineStart = document.file.lineStarts[line] ?? 0;
    const indent = /^[ \t]*/.exec(document.text.slice(lineStart))![0];
    actions.push(fix(`Suppress \`${rule}\` for this line`, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# okr-disable-next-line ${rule}${eolOf(document.text)}` }]));
  }
  return actions;
}

/** "Write the metric out": the inferred metric of the key result at the cursor, as a line. */
function writeMetricOut(document: OkrDocument, offset: number): CodeAction | undefined {
  const objective = objectiveAt(document.file, offset);
  const kr = objective && keyResultAt(objective, offset);
  if (!kr || explicitMetric(kr) || offset > kr.blockSpan.end) return undefined;
  const metric = metricOf(kr);
  if (!metric || metric.source !== 'inferred') return undefined;
  return {
    title: `Write the metric out: ${metric.statement}`,
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [document.uri]: [insertLineAfter(document, kr.span.end, metric.statement, 1)] } },
  };
}

/** A new line after the line holding `offset`, indented `deeper` levels (2 spaces each) below it. */
function insertLineAfter(document: OkrDocument, offset: number, text: string, deeper: number): TextEdit {
  const { lineStarts } = document.file;
  const line = positionAt(lineStarts, offset).line;
  const lineStart = lineStarts[line]!;
  const indent = /^[ \t]*/.exec(document.text.slice(lineStart))![0];
  const unit = indent.includes('\t') ? '\t' : '  ';
  // Before the line's break (LF, CRLF or CR), or at the end of the text.
  const end = lineEndOf(document.text, lineStarts, line);
  const at = positionAt(lineStarts, end);
  return { range: { start: at, end: at }, newText: `${eolOf(document.text)}${indent}${unit.repeat(deeper)}${text}` };
}

/** The document's line break: CRLF if it has any, else LF, else a lone CR if it has only those. */
function eolOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
}

/** `sales-growth` → "Sales growth": a title to start from (never a blank one: an id may be all spaces, as U+3000). */
function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id.trim() ? id : 'New objective';
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
