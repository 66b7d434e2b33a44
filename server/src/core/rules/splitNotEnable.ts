// split-not-enable: departments that split a key result into numeric shares instead of saying
// how they enable it (seed 004, "Summation is the Worst": R&D makes 3 pieces of pie, GTM 4, GA 1).
// Two shapes, both only for key results that are NOT `rollup sum` (a declared sum, such as
// revenue by sales region, is a real one):
//  - explicit: a key result that `contributes to` such a key result; reported on its
//    `contributes to` reference;
//  - in the titles: two or more objectives aligned to the same key result whose titles carry an
//    amount of that key result's unit, smaller than its target ("Sell 3K seats in EMEA" under
//    "Sell 10K seats"); reported on each `aligns to` reference. One objective restating its
//    parent's number is a cascade, not a split.
import type { KeyResult } from '../syntax/ast';
import { inferMetric } from '../model/metrics';
import { convert, formatAmount, sameDimension } from '../model/units';
import type { Alignment } from '../model/graph';
import type { ProgressModel } from '../model/progress';
import { sumOfTerms } from '../util/listed';
import { mapped, othersThan } from './related';
import type { WorkspaceRule } from './types';

export const splitNotEnable: WorkspaceRule = {
  meta: {
    id: 'split-not-enable',
    defaultSeverity: 'hint',
    category: 'alignment',
    description: 'Objectives that are numeric shares of a key result that is not `rollup sum`: ask how they enable it instead.',
  },
  scope: 'workspace',
  check({ graph, progress, scope, report }) {
    for (const contribution of scope.contributions()) {
      const target = contribution.target;
      if (!target || target.node.rollupSum || target.node === contribution.keyResult) continue;
      const krName = `${target.objective.id.text}.${target.node.id?.text ?? ''}`;
      const ownName = `${contribution.objective.id.text}${contribution.keyResult.id ? `.${contribution.keyResult.id.text}` : ''}`;
      const arithmetic = sumOf(target.node, progress.contributors(target.node), progress);
      report(contribution.uri, contribution.reference.span, `\`${ownName}\` is a share of \`${krName}\`${arithmetic ? ` (${arithmetic})` : ''}, which is not \`rollup sum\`: a company is not a sum of departments. Ask how \`${contribution.objective.id.text}\` enables "${target.objective.title.text}" instead ("for this to happen, what must be true?"); if the result really is a sum (revenue by sales region), declare \`rollup sum\` on \`${krName}\``, {
        related: [{ uri: target.uri, span: target.node.id?.span ?? target.node.title.span, message: `${krName}: not rollup sum` }],
        data: { keyResult: krName },
      });
    }

    // Numeric shares taken by aligning: every objective that aligns to one key result, wherever it
    // is written, for the key results that alignments in scope point at.
    const aligned = new Map<KeyResult, Alignment[]>();
    for (const alignment of scope.alignments()) {
      const target = alignment.target;
      if (target?.kind !== 'keyResult' || target.node.rollupSum || target.objective === alignment.objective || aligned.has(target.node)) continue;
      const list: Alignment[] = [];
      for (const other of graph.targetNode(alignment)?.alignedFrom ?? []) {
        if (other.target?.node !== target.node || other.objective === target.objective) continue;
        if (!list.some((a) => a.objective === other.objective)) list.push(other);
      }
      aligned.set(target.node, list);
    }
    for (const [kr, alignments] of aligned) {
      const metric = progress.metric(kr);
      if (!metric?.unit) continue;
      const explicit = new Set(graph.contributionsTo(kr).map((c) => c.objective));
      const shares = alignments.filter((alignment) => {
        if (explicit.has(alignment.objective)) return false; // Reported on its `contributes to`.
        const title = inferMetric(alignment.objective.title.text);
        if (!title?.unit || !sameDimension(title.unit, metric.unit)) return false;
        const amount = convert(title.target, title.unit, metric.unit);
        return amount > 0 && amount < Math.abs(metric.target);
      });
      if (shares.length < 2) continue;
      const first = shares[0]!.target!;
      const krName = `${first.kind === 'keyResult' ? first.objective.id.text : ''}.${kr.id?.text ?? ''}`;
      const parts = shares.map((a) => {
        const title = inferMetric(a.objective.title.text)!;
        return formatAmount(convert(title.target, title.unit, metric.unit), undefined);
      });
      const arithmetic = `${sumOfTerms(parts)} of ${formatAmount(metric.target, metric.unit)}`;
      for (const alignment of shares) {
        const id = alignment.objective.id.text;
        report(alignment.uri, alignment.reference.span, `\`${id}\` takes a numeric share of \`${krName}\` (${arithmetic}), which is not \`rollup sum\`: a company is not a sum of departments. Ask how \`${id}\` enables it instead ("for this to happen, what must be true?"); if the result really is a sum (revenue by sales region), declare \`rollup sum\` on \`${krName}\` and let the shares contribute to it`, {
          related: mapped(othersThan(shares, (a) => a === alignment), (a) => ({ uri: a.uri, span: a.reference.span, message: `${a.objective.id.text}: another share` })),
          data: { keyResult: krName },
        });
      }
    }
  },
};

/** "3 + 4 + 1 slices of 8", when every share and the whole have an amount in one unit. */
function sumOf(kr: KeyResult, contributors: readonly KeyResult[], progress: ProgressModel): string | undefined {
  const whole = progress.metric(kr);
  if (!whole || whole.kind !== 'range') return undefined;
  const parts: string[] = [];
  for (const contributor of contributors) {
    const metric = progress.metric(contributor);
    if (!metric || metric.kind !== 'range' || !sameDimension(metric.unit, whole.unit)) return undefined;
    parts.push(formatAmount(convert(metric.target, metric.unit ?? whole.unit, whole.unit), undefined));
  }
  if (!parts.length) return undefined;
  return `${sumOfTerms(parts)} of ${formatAmount(whole.target, whole.unit)}`;
}
