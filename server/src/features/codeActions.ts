// Quick fixes and one refactoring:
//  - unknown-reference → the did-you-mean candidates, or create the missing objective as a stub;
//  - the planning rules (unaligned, level-inversion, aligned-to-catch-all, stale-checkin,
//    missing-story, kr-not-measurable): core/fixes/planning.ts, snippets where the editor takes them;
//  - level-inversion, after the better parents → change the level to one below the target's;
//  - invalid-value → the suggested level;
//  - any rule (but syntax) → suppress it for this line (`# okr-disable-next-line RULE`);
//  - a key result whose metric is inferred from its title → write the metric out.
// Every edit inserts or replaces exactly what it says; the rest of the document is left as it was.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { keyResultAt, objectiveAt, offsetAt, positionAt, rangeOf, type OkrDocument } from '../core';
import { explicitMetric, metricOf } from '../core/model/metrics';
import { planningFixes, type Fix } from '../core/fixes/planning';
import type { Feature, ServerContext } from '../context';

interface Data {
  candidates?: string[];
  missing?: string;
  target?: string;
  targetLevel?: string;
}

export const codeActions: Feature = (context) => {
  context.connection.onCodeAction(({ textDocument, range, context: { diagnostics, only } }) => {
    const document = context.document(textDocument.uri);
    if (!document) return [];
    const actions: CodeAction[] = [];
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of diagnostics) {
        if (diagnostic.source !== 'okr' || typeof diagnostic.code !== 'string') continue;
        actions.push(...fixesFor(context, document, diagnostic));
      }
    }
    if (wants(CodeActionKind.RefactorRewrite)) {
      const write = writeMetricOut(document, offsetAt(document.file.lineStarts, document.text.length, range.start));
      if (write) actions.push(write);
    }
    return actions;
  });
};

function fixesFor(context: ServerContext, document: OkrDocument, diagnostic: Diagnostic): CodeAction[] {
  const rule = diagnostic.code as string;
  const data = (diagnostic.data ?? {}) as Data;
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
  const analysis = context.analyzer.analyse();
  const planned = planningFixes({ ...analysis, config: context.analyzer.getConfig(), index: context.index }, document, rule, diagnostic.range);
  for (const planning of planned ?? []) actions.push(asAction(context, document, diagnostic, planning));

  switch (rule) {
    case 'unknown-reference': {
      for (const [i, candidate] of (data.candidates ?? []).entries()) {
        // The diagnostic covers the objective part of `objective.kr` when the objective is missing,
        // else the key result part.
        const replacement = data.missing ? candidate.split('.')[0]! : candidate.slice(candidate.indexOf('.') + 1);
        actions.push(fix(`Change to \`${candidate}\``, [{ range: diagnostic.range, newText: replacement }], i === 0));
      }
      if (data.missing) {
        const eol = eolOf(document.text);
        const prefix = document.text.length === 0 || document.text.endsWith('\n') ? eol : eol + eol;
        const end = positionAt(document.file.lineStarts, document.text.length);
        actions.push(fix(`Create objective \`${data.missing}\``, [{ range: { start: end, end }, newText: `${prefix}objective ${data.missing}: ${humanize(data.missing)}${eol}` }]));
      }
      break;
    }
    case 'level-inversion': {
      const levels = context.analyzer.getConfig().levels;
      const below = data.targetLevel ? levels[levels.indexOf(data.targetLevel) + 1] : undefined;
      if (objective && below) {
        const edit = objective.level
          ? { range: rangeOf(document.file.lineStarts, objective.level.span), newText: below }
          : insertLineAfter(document, objective.span.end, `level ${below}`, 1);
        actions.push(fix(`Change the level to \`${below}\` (below \`${data.targetLevel}\`)`, [edit], !actions.length));
      }
      break;
    }
    case 'invalid-value':
      for (const candidate of data.candidates ?? []) actions.push(fix(`Change to \`${candidate}\``, [{ range: diagnostic.range, newText: candidate }], true));
      break;
  }
  if (rule !== 'syntax' && rule !== 'config') {
    const line = diagnostic.range.start.line;
    const lineStart = document.file.lineStarts[line] ?? 0;
    const indent = /^[ \t]*/.exec(document.text.slice(lineStart))![0];
    actions.push(fix(`Suppress \`${rule}\` for this line`, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# okr-disable-next-line ${rule}${eolOf(document.text)}` }]));
  }
  return actions;
}

/** A planning fix as a code action: snippets when the editor applies them, else the plain text. */
function asAction(context: ServerContext, document: OkrDocument, diagnostic: Diagnostic, planning: Fix): CodeAction {
  const snippets = context.snippetEdits && planning.edits.some((e) => e.snippet !== undefined);
  return {
    title: planning.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: planning.isPreferred ?? false,
    edit: snippets
      ? { documentChanges: [{ textDocument: { uri: document.uri, version: null }, edits: planning.edits.map((e) => (e.snippet === undefined ? { range: e.range, newText: e.newText } : { range: e.range, snippet: { kind: 'snippet', value: e.snippet } })) }] }
      : { changes: { [document.uri]: planning.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
  };
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
  const next = line + 1 < lineStarts.length ? lineStarts[line + 1]! : document.text.length;
  let end = next;
  // Before the line's LF or CRLF; a lone CR at the end of the text is not a line break, so the
  // new line goes after it.
  if (end > lineStart && document.text[end - 1] === '\n') {
    end--;
    if (end > lineStart && document.text[end - 1] === '\r') end--;
  }
  const at = positionAt(lineStarts, end);
  return { range: { start: at, end: at }, newText: `${eolOf(document.text)}${indent}${unit.repeat(deeper)}${text}` };
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `sales-growth` → "Sales growth": a title to start from (never a blank one: an id may be all spaces, as U+3000). */
function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id.trim() ? id : 'New objective';
}
