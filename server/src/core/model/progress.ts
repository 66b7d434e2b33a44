// Progress: where each key result stands, where each objective stands, and where they should
// stand by now.
//  - key result progress = (value − baseline) / (target − baseline), clamped to 0..1;
//    for `keep above/below`, 1 while held and 0 otherwise;
//  - a key result's value is its newest check-in, else its `current`, in the unit of its metric
//    (`checkin 2026-02-27 $38M` under `target 80 $M` is 38); a `rollup sum` key result's value is
//    the sum of the values contributing to it (converted into its unit), when any has a value;
//  - a milestone key result (steps and no metric) progresses by the share of its steps done;
//  - objective progress = the weighted mean of its key results that have a metric and a value;
//  - expected progress = the share of the period elapsed today, times the expected score:
//    1.0 for committed objectives (the default), 0.7 for aspirational ones.
import type { Commitment, KeyResult, Objective } from '../syntax/ast';
import type { AlignmentGraph } from './graph';
import { metricOf, type Metric } from './metrics';
import { convert, sameDimension, valueIn, type Unit } from './units';
import { parseDate, type Day } from './dates';
import { elapsed, type Period } from './period';
import { stepsProgress } from './closing';

export interface KeyResultValue {
  readonly value: number;
  /** The day of the check-in it comes from, if any (for a rollup: the newest contributing check-in). */
  readonly asOf?: Day;
  readonly source: 'checkin' | 'current' | 'rollup';
}

/** The score an objective of each kind is expected to reach by the end of its period. */
export const expectedScore: Readonly<Record<Commitment, number>> = { committed: 1, aspirational: 0.7 };

/**
 * A key result's own value (newest check-in, else `current`) depends only on its syntax node and
 * today: kept across analyses, so a keystroke does not recompute the whole workspace's values.
 */
const ownValues = new WeakMap<KeyResult, { today: Day; value: KeyResultValue | undefined }>();

export class ProgressModel {
  private readonly values = new Map<KeyResult, KeyResultValue | undefined>();

  /** @param today check-ins dated after it do not count yet (progress is "as of today"). */
  constructor(
    private readonly graph: AlignmentGraph,
    private readonly today: Day = Number.POSITIVE_INFINITY,
  ) {}

  metric(kr: KeyResult): Metric | undefined {
    return metricOf(kr);
  }

  /** The key results that contribute to this one (`contributes to`), in workspace order. */
  contributors(kr: KeyResult): readonly KeyResult[] {
    const contributions = this.graph.contributionsTo(kr);
    if (!contributions.length) return [];
    return contributions.flatMap((c) => (c.keyResult === kr ? [] : [c.keyResult]));
  }

  value(kr: KeyResult): KeyResultValue | undefined {
    if (!kr.rollupSum) {
      const known = ownValues.get(kr);
      if (known && known.today === this.today) return known.value;
      const value = this.ownValue(kr);
      ownValues.set(kr, { today: this.today, value });
      return value;
    }
    if (this.values.has(kr)) return this.values.get(kr);
    return this.rollupValue(kr);
  }

  /**
   * A `rollup sum` key result's value: the sum of its contributors' values, computed depth first
   * with a stack of its own rather than by recursion, so that a chain of rollups tens of thousands
   * deep neither overflows the call stack nor costs more than one visit per key result. A key
   * result being summed counts as having no value while it is (contribution cycles are reported
   * elsewhere).
   */
  private rollupValue(root: KeyResult): KeyResultValue | undefined {
    interface Frame {
      readonly kr: KeyResult;
      readonly unit: Unit | undefined;
      readonly contributors: readonly KeyResult[];
      next: number;
      sum: number;
      any: boolean;
      asOf: Day | undefined;
    }
    const enter = (kr: KeyResult): Frame => {
      this.values.set(kr, undefined);
      return { kr, unit: this.metric(kr)?.unit, contributors: this.contributors(kr), next: 0, sum: 0, any: false, asOf: undefined };
    };
    const stack: Frame[] = [enter(root)];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next < frame.contributors.length) {
        const contributor = frame.contributors[frame.next]!;
        if (contributor.rollupSum && !this.values.has(contributor)) {
          stack.push(enter(contributor)); // Summed first; this contributor is read again after.
          continue;
        }
        frame.next++;
        const v = this.value(contributor);
        if (!v || !Number.isFinite(v.value)) continue;
        const from = this.metric(contributor)?.unit;
        if (!sameDimension(from, frame.unit)) continue;
        frame.sum += convert(v.value, from, frame.unit);
        frame.any = true;
        if (v.asOf !== undefined && (frame.asOf === undefined || v.asOf > frame.asOf)) frame.asOf = v.asOf;
        continue;
      }
      stack.pop();
      this.values.set(frame.kr, frame.any ? { value: frame.sum, asOf: frame.asOf, source: 'rollup' } : this.ownValue(frame.kr));
    }
    return this.values.get(root);
  }

  private ownValue(kr: KeyResult): KeyResultValue | undefined {
    const unit = this.metric(kr)?.unit;
    const latest = latestCheckin(kr, unit, this.today);
    if (latest) return { value: latest.value, asOf: latest.day, source: 'checkin' };
    const current = kr.metric.current && valueIn(kr.metric.current, unit);
    if (current !== undefined) return { value: current, source: 'current' };
    return undefined;
  }

  /** 0..1, or undefined when the key result has no metric or no value yet. */
  keyResultProgress(kr: KeyResult): number | undefined {
    // A milestone key result: the share of its steps done.
    if (kr.steps.length) {
      const steps = stepsProgress(kr, this.today);
      if (steps) return steps.progress;
    }
    const metric = this.metric(kr);
    const value = this.value(kr);
    if (!metric || !value) return undefined;
    const progress = progressOf(metric, value.value);
    return Number.isFinite(progress) ? progress : undefined;
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

/**
 * Where an objective is expected to stand on `day`: the share of its period elapsed, times its
 * expected score (1.0 committed, 0.7 aspirational). 0..1.
 */
export function expectedProgress(period: Period, day: Day, commitment: Commitment = 'committed'): number {
  return elapsed(period, day) * expectedScore[commitment];
}

/**
 * The newest valid check-in of a key result (by date; the later line wins on the same day), its
 * value in `unit` (a check-in in another dimension is skipped).
 */
export function latestCheckin(kr: KeyResult, unit?: Unit, asOf: Day = Number.POSITIVE_INFINITY): { value: number; day: Day } | undefined {
  let best: { value: number; day: Day } | undefined;
  for (const checkin of kr.checkins) {
    const day = parseDate(checkin.date.text);
    if (day === undefined || day > asOf || !checkin.value) continue;
    const value = valueIn(checkin.value, unit);
    if (value === undefined || !Number.isFinite(value)) continue;
    if (!best || day >= best.day) best = { value, day };
  }
  return best;
}

export type { Unit };
