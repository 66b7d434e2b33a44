// Inlay hints, within the requested range:
//  - after the title of a key result whose metric is inferred from it: `≈ from 20 to 35 %`, the
//    statement that writes it out (tooltip: where it was read, and what to write);
//  - at the end of a key result line with progress: `54%`;
//  - after `rollup sum`: `= 80 + 70 + 50 = 200 $M`, the contributors' targets and their sum.
import { InlayHintKind, MarkupKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { positionAt, type KeyResult, type OkrDocument, type Snapshot } from '../core';
import { formatAmount, formatNumber } from '../core/model/units';
import { offsetIn } from './common';
import { rollupArithmetic, rollupOf } from '../core/model/insight';
import { escapeMarkdown, percent } from './hover';

export function inlayHints(snapshot: Snapshot, document: OkrDocument, range: Range): InlayHint[] {
  const { lineStarts } = document.file;
  const from = offsetIn(document, range.start);
  const to = offsetIn(document, range.end);
  const analysis = snapshot;
  const { progress } = analysis;
  const hints: InlayHint[] = [];
  const add = (offset: number, label: string, kind: InlayHintKind, tooltip: string) => {
    if (offset < from || offset > to) return;
    hints.push({ position: positionAt(lineStarts, offset), label, kind, paddingLeft: true, tooltip: { kind: MarkupKind.Markdown, value: tooltip } });
  };
  for (const objective of document.file.objectives) {
    if (objective.blockSpan.end < from || objective.blockSpan.start > to) continue;
    for (const kr of objective.keyResults) {
      const metric = progress.metric(kr);
      if (metric?.source === 'inferred') {
        const read = metric.span ? kr.title.text.slice(metric.span.start - kr.title.span.start, metric.span.end - kr.title.span.start) : '';
        add(kr.title.span.end, `≈ ${metric.statement}`, InlayHintKind.Type,
          `Metric inferred from the title${read ? ` ("${escapeMarkdown(read)}")` : ''}. Write it out under the key result to make it explicit:\n\n\`\`\`okr\n${metric.statement}\n\`\`\``);
      }
      const done = progress.keyResultProgress(kr);
      if (done !== undefined) {
        const value = progress.value(kr);
        const detail = value && metric
          ? metric.kind === 'threshold'
            ? `${formatAmount(value.value, metric.unit)}, keep ${metric.direction ?? 'above'} ${formatAmount(metric.target, metric.unit)}`
            : `${formatNumber(value.value)} of ${formatAmount(metric.target, metric.unit)}`
          : undefined;
        add(kr.span.end, percent(done), InlayHintKind.Parameter, `${percent(done)} done${detail ? `: ${escapeMarkdown(detail)}` : ''}`);
      }
      if (kr.rollupSum) rollupHint(snapshot, kr, add);
    }
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

function rollupHint(snapshot: Snapshot, kr: KeyResult, add: (offset: number, label: string, kind: InlayHintKind, tooltip: string) => void): void {
  const rollup = rollupOf(kr, snapshot);
  const arithmetic = rollupArithmetic(rollup, false);
  if (!arithmetic || !kr.rollupSum) return;
  const lines = [`The targets of the key results that contribute to it: ${escapeMarkdown(rollupArithmetic(rollup, true)!)}${rollup.target !== undefined ? escapeMarkdown(` of ${formatAmount(rollup.target, rollup.unit)}`) : ''}`];
  if (rollup.valueSum !== undefined) lines.push(`Their values add up to ${escapeMarkdown(formatAmount(rollup.valueSum, rollup.unit))}`);
  const leftOut = rollup.terms.filter((t) => t.leftOut);
  if (leftOut.length) lines.push(`Left out: ${leftOut.map((t) => escapeMarkdown(`${t.label} (${t.leftOut})`)).join(', ')}`);
  add(kr.rollupSum.end, `= ${arithmetic}`, InlayHintKind.Type, lines.join('\n\n'));
}
