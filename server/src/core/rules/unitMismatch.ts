// unit-mismatch: a `contributes to` whose value cannot add into the key result it names:
//  - units of another dimension: % into $M, signups into $M, € into $ (there are no exchange
//    rates in a .okr file). Scales convert: $K, $ and $M of one currency add up.
//  - percentages summed: a % key result contributing, or contributing into a key result in %.
//    30% of one base plus 40% of another is not 70% of anything; sum the counts behind them.
// Every `contributes to` is checked, with or without `rollup sum` on the key result it names,
// since contributing means adding. A key result without a metric is not checked (nothing to
// compare; kr-not-measurable says so), and a bare number takes the other side's unit. Two
// different counted words (`leads` into `signups`) clash only when both are written out in
// metrics: nouns read from titles are a guess.
import type { KeyResult, Objective } from '../syntax/ast';
import type { Metric } from '../model/metrics';
import { sameDimension } from '../model/units';
import type { WorkspaceRule } from './types';

export interface UnitClash {
  readonly kind: 'percent' | 'dimension';
  /** Why it does not add, for messages: "`us-east.arr-east` is in signups and `revenue.arr` in $M". */
  readonly reason: string;
}

/** Why a value in `from`'s unit cannot add into `into`'s; undefined when it can (or cannot be told). */
export function unitClash(from: Metric | undefined, into: Metric | undefined): UnitClash | undefined {
  if (!from || !into) return undefined;
  const a = from.unit;
  const b = into.unit;
  if (a?.kind === 'percent' || b?.kind === 'percent') {
    return { kind: 'percent', reason: a?.kind === 'percent' && b?.kind === 'percent' ? 'both are percentages' : a?.kind === 'percent' ? `it is a percentage and the sum is in ${b ? b.label : 'plain numbers'}` : 'the sum is a percentage' };
  }
  if (!a || !b || sameDimension(a, b)) return undefined;
  if (a.kind === 'count' && b.kind === 'count' && (from.source === 'inferred' || into.source === 'inferred')) return undefined;
  return { kind: 'dimension', reason: `it is in ${a.label} and the sum in ${b.label}` };
}

/** `` `objective.kr` `` for messages, or the title in quotes when the key result has no id. */
export function krName(objective: Objective, kr: KeyResult): string {
  return kr.id ? `\`${objective.id.text}.${kr.id.text}\`` : `“${kr.title.text}”`;
}

export const unitMismatch: WorkspaceRule<'unit-mismatch'> = {
  meta: {
    id: 'unit-mismatch',
    defaultSeverity: 'warning',
    category: 'alignment',
    description: 'A contribution whose unit does not add into the key result it names: % into $M, € into $, signups into $M, or percentages summed.',
  },
  scope: 'workspace',
  check(context) {
    const { progress, scope } = context;
    for (const contribution of scope.contributions()) {
      const target = contribution.target;
      if (!target || target.node === contribution.keyResult) continue;
      const from = progress.metric(contribution.keyResult);
      const into = progress.metric(target.node);
      const clash = unitClash(from, into);
      if (!clash) continue;
      const source = krName(contribution.objective, contribution.keyResult);
      const sum = krName(target.objective, target.node);
      const ref = `${target.objective.id.text}.${target.node.id?.text ?? 'kr'}`;
      const intoUnit = into!.unit;
      const fix = clash.kind === 'percent'
        ? `percentages of different bases do not add up (30% of one team and 40% of another is not 70% of anything). Contribute the counts behind them (customers, signups, $M), or align instead of adding: \`aligns to ${ref}\` on the objective`
        // Exchange rates only explain two currency signs; `$ per user` and `$` differ otherwise.
        : intoUnit?.kind === 'currency' && from!.unit?.kind === 'currency' && !intoUnit.symbol.includes(' per ') && !from!.unit.symbol.includes(' per ')
          ? `amounts in ${from!.unit.symbol} and ${intoUnit.symbol} do not add (there are no exchange rates here): write this key result's metric in ${intoUnit.symbol}, as in \`target N ${intoUnit.label}\``
          : `amounts of different kinds do not add. Measure this key result in ${intoUnit!.label}, or align instead of adding: \`aligns to ${ref}\` on the objective`;
      context.report(contribution.uri, contribution.reference.span, `${source} cannot add into ${sum}: ${clash.reason}; ${fix}`, {
        related: [{ uri: target.uri, span: target.node.id?.span ?? target.node.title.span, message: `${ref}: ${describe(into!)}` }],
        data: { kind: clash.kind, from: from!.unit?.label, into: intoUnit?.label },
      });
    }
  },
};

function describe(metric: Metric): string {
  return metric.unit ? `measured in ${metric.unit.label}` : 'measured in plain numbers';
}
