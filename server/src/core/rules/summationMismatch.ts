// summation-mismatch: the key results that contribute to a `rollup sum` key result do not add up
// to its target. Where summation makes sense (a sales quota split between regions), the parts
// must cover the whole: "80 + 70 = 150 of 200 $M: 50 unallocated" means nobody owns 50 $M of the
// company's target; "… = 230 of 200 $M: 30 over-allocated" means the regions plan more than the
// company counts on.
//  - The contributors' targets are compared with the rollup's target (not its baseline, and not
//    anybody's current value: being behind is behind-pace's business). Each target is converted
//    into the rollup's unit: `target 80 $M`, `target $80M` and `target 80000 $K` are all 80 $M.
//  - Left out of the sum, and named in the message: contributors without a metric, contributors
//    with a threshold (`keep above/below`: not an amount), and contributors whose unit does not
//    add (unit-mismatch reports those).
//  - Nothing is reported for a `rollup sum` key result that nothing contributes to yet, that has
//    no target (kr-not-measurable), whose metric is a threshold, or that is a percentage
//    (percentages do not add: unit-mismatch).
import type { Contribution } from '../model/graph';
import { formatAmount, formatNumber, convert } from '../model/units';
import type { KeyResult } from '../syntax/ast';
import type { RelatedLocation, WorkspaceRule } from './types';
import { krName, unitClash } from './unitMismatch';

export const summationMismatch: WorkspaceRule<'summation-mismatch'> = {
  meta: {
    id: 'summation-mismatch',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'The key results that contribute to a `rollup sum` key result do not add up to its target.',
  },
  scope: 'workspace',
  check(context) {
    const { graph, progress, scope } = context;
    // Reported on the rollup: the rollups of the files in scope, with whatever contributes to them.
    const byTarget = new Map<KeyResult, Contribution[]>();
    for (const node of scope.nodes()) {
      for (const kr of node.objective.keyResults) {
        if (!kr.rollupSum) continue;
        const contributions = graph.contributionsTo(kr).filter((c) => c.keyResult !== kr);
        if (contributions.length) byTarget.set(kr, contributions);
      }
    }
    for (const [rollup, contributions] of byTarget) {
      const definition = contributions[0]!.target!;
      const metric = progress.metric(rollup);
      if (!metric || metric.kind !== 'range' || metric.unit?.kind === 'percent') continue;
      const unit = metric.unit;
      contributions.sort((a, b) => (a.uri === b.uri ? a.keyResult.span.start - b.keyResult.span.start : a.uri < b.uri ? -1 : 1));
      const terms: number[] = [];
      const leftOut: string[] = [];
      const related: RelatedLocation[] = [];
      for (const contribution of contributions) {
        const { keyResult, objective, uri } = contribution;
        const name = krName(objective, keyResult);
        const span = keyResult.metric.target?.span ?? keyResult.id?.span ?? keyResult.title.span;
        const own = progress.metric(keyResult);
        const reason = !own
          ? 'no target'
          : own.kind === 'threshold'
            ? `a threshold (\`${own.statement}\`), not an amount`
            : unitClash(own, metric)
              ? `in ${own.unit ? own.unit.label : 'plain numbers'}, which does not add into ${unit ? unit.label : 'plain numbers'}`
              : undefined;
        if (reason) {
          leftOut.push(`${name} (${reason})`);
          related.push({ uri, span: keyResult.id?.span ?? keyResult.title.span, message: `${plain(name)}: left out, ${reason}` });
          continue;
        }
        const value = convert(own!.target, own!.unit, unit);
        terms.push(value);
        related.push({ uri, span, message: `${plain(name)}: ${formatAmount(value, unit ?? own!.unit)}` });
      }
      if (!terms.length) continue;
      const sum = terms.reduce((a, b) => a + b, 0);
      const difference = metric.target - sum;
      if (Math.abs(difference) <= 1e-9 * Math.max(1, Math.abs(metric.target))) continue;
      const arithmetic = `${terms.map(formatNumber).join(' + ')} = ${formatNumber(sum)} of ${formatAmount(metric.target, unit)}: ${formatNumber(Math.abs(difference))} ${difference > 0 ? 'unallocated' : 'over-allocated'}`;
      const name = krName(definition.objective, rollup);
      const advice = difference > 0
        ? `the key results that contribute to ${name} add up to less than its target: raise their targets, add a contributor, or lower this target`
        : `the key results that contribute to ${name} add up to more than its target: lower their targets, or raise this one`;
      const note = leftOut.length ? ` Left out of the sum: ${leftOut.join(', ')}.` : '';
      context.report(definition.uri, rollup.rollupSum!, `${arithmetic}. ${capitalise(advice)}.${note}`, {
        related,
        data: { sum, target: metric.target, difference, unit: unit?.label, terms },
      });
    }
  },
};

/** Related information is plain text: no Markdown backticks. */
function plain(name: string): string {
  return name.replace(/`/g, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
