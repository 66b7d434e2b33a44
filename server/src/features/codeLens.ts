// Code lens: above each objective, "3 aligned · 54% · expected 61% · 🟡 grade 0.6" (parts that are unknown are
// left out); above each strategy, "5 aligned". Clicking it shows what aligns to it, through the
// client command `okr.showReferences` with arguments [uri, position] (the position of the id):
// the extension turns them into VS Code's Uri and Position and runs `editor.action.findReferences`.
// Lenses are resolved eagerly: the analysis they read is shared and cached.
import type { CodeLens } from 'vscode-languageserver-types';
import { pinnedTodayNote, type AlignmentGraph, type Objective, type OkrDocument, type Snapshot, type Strategy } from '../core';
import { rangeIn } from './common';
import { paceOf } from '../core/model/insight';
import { percent } from './hover';
import { objectiveLensGrade } from './closing';

export const SHOW_REFERENCES_COMMAND = 'okr.showReferences';

export function codeLens(snapshot: Snapshot, document: OkrDocument): CodeLens[] {
  const analysis = snapshot;
  const { graph } = analysis;
  const lenses: CodeLens[] = [];
  const pinned = pinnedTodayNote(snapshot.config);
  const lens = (span: { start: number; end: number }, title: string) => {
    const range = rangeIn(snapshot, document.uri, span);
    if (!range) return;
    lenses.push({ range, command: { title, command: SHOW_REFERENCES_COMMAND, arguments: [document.uri, range.start] } });
  };
  for (const strategy of document.file.strategies) {
    lens(strategy.id.span, `${alignedToStrategy(graph, strategy)} aligned`);
  }
  for (const objective of document.file.objectives) {
    const node = graph.node(objective);
    if (!node) continue;
    const parts = [`${alignedToObjective(node.alignedFrom, objective)} aligned`];
    const pace = paceOf(node, analysis);
    if (pace.done !== undefined) parts.push(percent(pace.done));
    if (pace.expected !== undefined) parts.push(`expected ${percent(pace.expected)}`);
    const grade = objectiveLensGrade(objective);
    if (grade) parts.push(grade);
    // Progress as of a day okr.config.json pins, not today: say so where the numbers are.
    if (pinned && (pace.done !== undefined || pace.expected !== undefined)) parts.push(pinned);
    lens(objective.id.span, parts.join(' · '));
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** How many distinct objectives (other than itself) align to it or to one of its key results. */
function alignedToObjective(alignedFrom: AlignmentGraph['alignments'], objective: Objective): number {
  return new Set(alignedFrom.map((a) => a.objective).filter((o) => o !== objective)).size;
}

function alignedToStrategy(graph: AlignmentGraph, strategy: Strategy): number {
  return new Set(graph.alignments.filter((a) => a.target?.kind === 'strategy' && a.target.node === strategy).map((a) => a.objective)).size;
}
