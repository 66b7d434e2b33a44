// Folding: each objective block and each key result block with attribute lines folds.
import type { FoldingRange } from 'vscode-languageserver-types';
import { positionAt, type OkrDocument, type Snapshot } from '../core';

export function foldingRanges(_snapshot: Snapshot, document: OkrDocument): FoldingRange[] {
  const { lineStarts } = document.file;
  const ranges: FoldingRange[] = [];
  const add = (span: { start: number; end: number }) => {
    const startLine = positionAt(lineStarts, span.start).line;
    const endLine = positionAt(lineStarts, span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const objective of document.file.objectives) {
    add(objective.blockSpan);
    for (const kr of objective.keyResults) add(kr.blockSpan);
  }
  return ranges;
}
