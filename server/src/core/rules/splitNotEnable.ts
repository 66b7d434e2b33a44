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
import { convert, formatAmount, sameDimension, type Unit } from '../model/units';
import { parentObjective, type Alignment } from '../model/graph';
import type { ProgressModel } from '../model/progress';
import { sumOfTerms } from '../util/listed';
import { mapped, othersThan } from './related';
import type { WorkspaceRule } from './types';

export const splitNotEnable: WorkspaceRule<'split-not-enable'> = {
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

    // Numeric shares taken by aligning: every objective that aligns to one key result (or to the
    // objective that holds it), wherever it is written, for the key results that alignments in
    // scope point at.
    const aligned = new Map<KeyResult, Alignment[]>();
    const add = (kr: KeyResult, alignment: Alignment) => {
      let list = aligned.get(kr);
      if (!list) aligned.set(kr, (list = []));
      if (!list.some((a) => a.objective === alignment.objective)) list.push(alignment);
    };
    const seen = new Set<KeyResult>();
    for (const alignment of scope.alignments()) {
      const target = alignment.target;
      const holder = parentObjective(target);
      if (!target || !holder || holder === alignment.objective) continue;
      const node = graph.targetNode(alignment);
      const keyResults = target.kind === 'keyResult' ? [target.node] : holder.keyResults;
      for (const kr of keyResults) {
        if (kr.rollupSum || seen.has(kr)) continue;
        seen.add(kr);
        for (const other of node?.alignedFrom ?? []) {
          if (other.objective === holder || !other.target) continue;
          // Aligned to this key result, or (for a share of the whole objective) to the objective itself.
          if (other.target.kind === 'keyResult' ? other.target.node === kr : target.kind === 'objective') add(kr, other);
        }
      }
    }
    const titleMetrics = new Map<string, ReturnType<typeof inferMetric>>();
    const titleMetric = (title: string) => {
      if (!titleMetrics.has(title)) titleMetrics.set(title, inferMetric(title));
      return titleMetrics.get(title);
    };
    for (const [kr, alignments] of aligned) {
      if (alignments.length < 2) continue;
      const metric = progress.metric(kr);
      if (!metric || metric.kind !== 'range' || metric.target <= 0) continue;
      const explicit = new Set(graph.contributionsTo(kr).map((c) => c.objective));
      const candidates = alignments.filter((a) => !explicit.has(a.objective)); // Those are reported on their `contributes to`.
      const shares = sharesOf(candidates, metric.target, metric.unit, titleMetric);
      if (shares.length < 2) continue;
      const holder = parentObjective(shares[0]!.alignment.target)!;
      const krName = `${holder.id.text}.${kr.id?.text ?? ''}`;
      const arithmetic = `${sumOfTerms(shares.map((s) => formatAmount(s.amount, undefined)))} of ${formatAmount(metric.target, metric.unit)}`;
      for (const { alignment } of shares) {
        const id = alignment.objective.id.text;
        report(alignment.uri, alignment.reference.span, `\`${id}\` takes a numeric share of \`${krName}\` (${arithmetic}), which is not \`rollup sum\`: a company is not a sum of departments. Ask how \`${id}\` enables it instead ("for this to happen, what must be true?"); if the result really is a sum (revenue by sales region), declare \`rollup sum\` on \`${krName}\` and let the shares contribute to it`, {
          related: mapped(othersThan(shares, (s) => s.alignment === alignment), (s) => ({ uri: s.alignment.uri, span: s.alignment.reference.span, message: `${s.alignment.objective.id.text}: another share` })),
          data: { keyResult: krName },
        });
      }
    }
  },
};

interface Share {
  readonly alignment: Alignment;
  /** In the unit of the whole. */
  readonly amount: number;
}

/**
 * The aligned objectives whose titles are numeric shares of `whole`: amounts of its unit smaller
 * than it ("Sell 3K seats in EMEA" under "Sell 10K seats"); or, when the titles count in another
 * word or none ("Make 3 pieces of pie" under "each of 8 board members gets a slice"), amounts that
 * add up to exactly the whole (3 + 4 + 1 of 8). One objective restating its parent's number is a
 * cascade, not a split.
 */
function sharesOf(alignments: readonly Alignment[], whole: number, unit: Unit | undefined, titleMetric: (title: string) => ReturnType<typeof inferMetric>): Share[] {
  const read = alignments
    .map((alignment) => ({ alignment, metric: titleMetric(alignment.objective.title.text) }))
    .filter((r): r is { alignment: Alignment; metric: NonNullable<typeof r.metric> } => r.metric !== undefined && r.metric.kind === 'range' && r.metric.baseline === 0);
  if (unit) {
    const sameUnit = read
      .filter((r) => r.metric.unit && sameDimension(r.metric.unit, unit))
      .map((r) => ({ alignment: r.alignment, amount: convert(r.metric.target, r.metric.unit, unit) }))
      .filter((s) => s.amount > 0 && s.amount < Math.abs(whole));
    if (sameUnit.length >= 2) return sameUnit;
  }
  // Counted in another word, or in none: only an exact sum says they are shares.
  const counted = read.filter((r) => !r.metric.unit || r.metric.unit.kind === 'count').map((r) => ({ alignment: r.alignment, amount: r.metric.target, label: r.metric.unit?.label.toLowerCase().replace(/s$/, '') }));
  const parts = counted.filter((s) => s.amount > 0 && s.amount < whole);
  if (parts.length < 2 || new Set(parts.map((p) => p.label)).size > 1) return [];
  const sum = parts.reduce((total, p) => total + p.amount, 0);
  return Math.abs(sum - whole) < 1e-9 ? parts.map(({ alignment, amount }) => ({ alignment, amount })) : [];
}

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
