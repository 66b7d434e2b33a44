// Progress: where each key result stands, where each objective stands, and where they should
// stand by now.
//  - key result progress = (value − baseline) / (target − baseline), clamped to 0..1;
//    for `keep above/below`, 1 while held and 0 otherwise;
//  - a key result's value is its newest check-in, else its `current`; a `rollup sum` key result's
//    value is the sum of the values contributing to it (in its unit);
//  - objective progress = the weighted mean of its key results that have a value;
//  - expected progress = the share of the period elapsed today.
import type { KeyResult, Objective } from '../syntax/ast';
import type { AlignmentGraph } from './graph';
import { metricOf, type Metric } from './metrics';
import { amountOf, convert, sameDimension, type Unit } from './units';
import { parseDate, type Day } from './dates';

export interface KeyResultValue {
  readonly value: number;
  /** The day of the check-in it comes from, if any. */
  readonly asOf?: Day;
  readonly source: 'checkin' | 'current' | 'rollup';
}

export class ProgressModel {
  private readonly contributions = new Map<KeyResult, KeyResult[]>();
  private readonly metrics = new Map<KeyResult, Metric | undefined>();
  private readonly values = new Map<KeyResult, KeyResultValue | undefined>();

  constructor(graph: AlignmentGraph) {
    for (const contribution of graph.contributions) {
      const target = contribution.target?.node;
      if (!target) continue;
      const list = this.contributions.get(target) ?? [];
      list.push(contribution.keyResult);
      this.contributions.set(target, list);
    }
  }

  metric(kr: KeyResult): Metric | undefined {
    if (!this.metrics.has(kr)) this.metrics.set(kr, metricOf(kr));
    return this.metrics.get(kr);
  }

  /** The key results that contribute to this one (`contributes to`). */
  contributors(kr: KeyResult): readonly KeyResult[] {
    return this.contributions.get(kr) ?? [];
  }

  value(kr: KeyResult): KeyResultValue | undefined {
    if (this.values.has(kr)) return this.values.get(kr);
    this.values.set(kr, undefined); // Guards against contribution cycles (reported elsewhere).
    const value = this.computeValue(kr);
    this.values.set(kr, value);
    return value;
  }

  private computeValue(kr: KeyResult): KeyResultValue | undefined {
    if (kr.rollupSum) {
      const unit = this.metric(kr)?.unit;
      let sum = 0;
      let any = false;
      for (const contributor of this.contributors(kr)) {
        const v = this.value(contributor);
        if (!v) continue;
        const from = this.metric(contributor)?.unit;
        if (!sameDimension(from, unit)) continue;
        sum += convert(v.value, from, unit);
        any = true;
      }
      if (any) return { value: sum, source: 'rollup' };
    }
    const latest = latestCheckin(kr);
    if (latest) return { value: latest.value, asOf: latest.day, source: 'checkin' };
    if (kr.metric.current) return { value: amountOf(kr.metric.current).value, source: 'current' };
    return undefined;
  }

  /** 0..1, or undefined when the key result has no metric or no value yet. */
  keyResultProgress(kr: KeyResult): number | undefined {
    const metric = this.metric(kr);
    const value = this.value(kr);
    if (!metric || !value) return undefined;
    return progressOf(metric, value.value);
  }

  /** The weighted mean of its key results' progress; undefined when none has progress. */
  objectiveProgress(objective: Objective): number | undefined {
    let total = 0;
    let weights = 0;
    for (const kr of objective.keyResults) {
      const progress = this.keyResultProgress(kr);
      if (progress === undefined) continue;
      const weight = kr.weight && kr.weight.value > 0 ? kr.weight.value : 1;
      total += progress * weight;
      weights += weight;
    }
    return weights > 0 ? total / weights : undefined;
  }
}

export function progressOf(metric: Metric, value: number): number {
  if (metric.kind === 'threshold') {
    return (metric.direction === 'below' ? value <= metric.target : value >= metric.target) ? 1 : 0;
  }
  const span = metric.target - metric.baseline;
  if (span === 0) return value >= metric.target ? 1 : 0;
  return Math.min(1, Math.max(0, (value - metric.baseline) / span));
}

/** The newest valid check-in of a key result (by date; the later line wins on the same day). */
export function latestCheckin(kr: KeyResult): { value: number; day: Day } | undefined {
  let best: { value: number; day: Day } | undefined;
  for (const checkin of kr.checkins) {
    const day = parseDate(checkin.date.text);
    if (day === undefined || !checkin.value) continue;
    if (!best || day >= best.day) best = { value: amountOf(checkin.value).value, day };
  }
  return best;
}

export type { Unit };
