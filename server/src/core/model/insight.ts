// What the presentation features (hover, code lens, inlay hints) and the tree model read from the
// analysis: where an objective stands against where it should stand (pace), the alignment story
// up its primary alignments, a key result's check-ins in date order, and the arithmetic of a
// `rollup sum`. Plain computations: no Markdown, nothing about the editor.
import type { AnalysisResult } from '../analysis';
import type { Checkin, KeyResult, Objective, Strategy } from '../syntax/ast';
import { parseDate, type Day } from './dates';
import type { AlignmentGraph, ObjectiveNode } from './graph';
import { expectedProgress } from './progress';
import { convert, formatAmount, formatNumber, sameDimension, valueIn, type Unit } from './units';

// ─── Pace ──────────────────────────────────────────────────────────────────────────────────────

/** Where an objective stands and where it should stand by now (undefined: unknown). */
export interface Pace {
  /** 0..1: the weighted mean of its key results' progress. */
  readonly done: number | undefined;
  /** 0..1: the share of the period elapsed times the expected score; only once the period has started. */
  readonly expected: number | undefined;
}

export function paceOf(node: ObjectiveNode, analysis: Pick<AnalysisResult, 'progress' | 'today'>): Pace {
  const done = analysis.progress.objectiveProgress(node.objective);
  const { period } = node;
  const expected = period && analysis.today >= period.start ? expectedProgress(period, analysis.today, node.objective.commitment?.kind ?? 'committed') : undefined;
  return { done: done !== undefined && Number.isFinite(done) ? done : undefined, expected: expected !== undefined && Number.isFinite(expected) ? expected : undefined };
}

// ─── Story ─────────────────────────────────────────────────────────────────────────────────────

/** A step of the alignment story: what the primary alignment leads to. */
export interface Step {
  readonly kind: 'objective' | 'keyResult' | 'strategy' | 'unknown' | 'cycle';
  readonly name: string;
  readonly title?: string;
  readonly level?: string;
}

/** The primary alignments from `node` up: to a strategy, to nothing, to an unknown id, or back to itself (a cycle). */
export function storyOf(node: ObjectiveNode, graph: AlignmentGraph): Step[] {
  const steps: Step[] = [];
  const seen = new Set<Objective>([node.objective]);
  let current: ObjectiveNode | undefined = node;
  while (current) {
    const primary = current.alignments.find((a) => a.primary);
    if (!primary) break;
    const target = primary.target;
    if (!target) {
      steps.push({ kind: 'unknown', name: referenceText(primary.reference) });
      break;
    }
    if (target.kind === 'strategy') {
      steps.push({ kind: 'strategy', name: target.node.id.text, title: target.node.title.text });
      break;
    }
    const objective = target.kind === 'objective' ? target.node : target.objective;
    const name = target.kind === 'keyResult' ? `${objective.id.text}.${target.node.id?.text ?? ''}` : objective.id.text;
    if (seen.has(objective)) {
      steps.push({ kind: 'cycle', name });
      break;
    }
    seen.add(objective);
    const next = graph.node(objective);
    steps.push({ kind: target.kind, name, title: target.node.title.text, level: next?.level });
    current = next;
  }
  return steps;
}

/**
 * Where each objective's story ends (`storyOf(node).at(-1)`) when it ends at a strategy: the
 * strategy, else undefined (nothing, an unknown id, a cycle). For every objective at once, in time
 * linear in the objectives: each walk up the primary alignments stops at an objective whose end is
 * already known, and every objective it passed gets the same end. `storyOf` for each objective
 * would walk a chain of n objectives n times.
 */
export function strategiesAtStoryEnds(graph: AlignmentGraph): Map<ObjectiveNode, Strategy | undefined> {
  const ends = new Map<ObjectiveNode, Strategy | undefined>();
  for (const start of graph.nodes.values()) {
    if (ends.has(start)) continue;
    const path: ObjectiveNode[] = [];
    const onPath = new Set<ObjectiveNode>();
    let end: Strategy | undefined;
    let current: ObjectiveNode | undefined = start;
    while (current) {
      if (ends.has(current)) {
        end = ends.get(current);
        break;
      }
      if (onPath.has(current)) break; // A cycle: no strategy at its end.
      path.push(current);
      onPath.add(current);
      const target = current.alignments.find((a) => a.primary)?.target;
      if (!target) break;
      if (target.kind === 'strategy') {
        end = target.node;
        break;
      }
      current = graph.node(target.kind === 'objective' ? target.node : target.objective);
    }
    for (const node of path) ends.set(node, end);
  }
  return ends;
}

/** `objective` or `objective.kr`, as written. */
export function referenceText(reference: { objective: { text: string }; keyResult?: { text: string } }): string {
  return reference.keyResult ? `${reference.objective.text}.${reference.keyResult.text}` : reference.objective.text;
}

// ─── Check-ins ─────────────────────────────────────────────────────────────────────────────────

/**
 * The check-ins of a key result in date order (the later line wins on one day), in `unit`, up to
 * `asOf`: as the progress model, a check-in dated after today does not count yet.
 */
export function checkinSeries(kr: KeyResult, unit: Unit | undefined, asOf: Day = Number.POSITIVE_INFINITY): { day: Day; value: number; checkin: Checkin }[] {
  const series: { day: Day; value: number; checkin: Checkin; line: number }[] = [];
  kr.checkins.forEach((checkin, line) => {
    const day = parseDate(checkin.date.text);
    if (day === undefined || day > asOf || !checkin.value) return;
    const value = valueIn(checkin.value, unit);
    if (value === undefined || !Number.isFinite(value)) return;
    series.push({ day, value, checkin, line });
  });
  series.sort((a, b) => a.day - b.day || a.line - b.line);
  return series;
}

// ─── Rollup ────────────────────────────────────────────────────────────────────────────────────

/** One key result that contributes to a rollup, in the rollup's unit. */
export interface RollupTerm {
  /** The contributing objective's id (`objective.kr` when one objective contributes twice). */
  readonly label: string;
  readonly keyResult: KeyResult;
  /** Its target in the rollup's unit; undefined when left out (see `leftOut`). */
  readonly target: number | undefined;
  /** Its current value in the rollup's unit, if any. */
  readonly value: number | undefined;
  /** Why its target is left out of the sum. */
  readonly leftOut?: string;
}

export interface Rollup {
  readonly unit: Unit | undefined;
  /** The rollup's own target, when it has a range metric. */
  readonly target: number | undefined;
  readonly terms: readonly RollupTerm[];
  /** The sum of the contributors' targets that add. */
  readonly targetSum: number;
  /** The sum of the contributors' values (what the rollup's value is). */
  readonly valueSum: number | undefined;
}

/** The contributions to a `rollup sum` key result: their targets and values in its unit. */
export function rollupOf(kr: KeyResult, analysis: Pick<AnalysisResult, 'graph' | 'progress'>): Rollup {
  const { graph, progress } = analysis;
  const metric = progress.metric(kr);
  const unit = metric?.unit;
  const owners = contributorOwners(graph);
  const contributors = progress.contributors(kr);
  const perObjective = new Map<Objective | undefined, number>();
  for (const c of contributors) perObjective.set(owners.get(c), (perObjective.get(owners.get(c)) ?? 0) + 1);

  const terms: RollupTerm[] = [];
  let targetSum = 0;
  let valueSum: number | undefined;
  for (const contributor of contributors) {
    const objective = owners.get(contributor);
    const objectiveId = objective?.id.text ?? '?';
    const label = (perObjective.get(objective) ?? 0) > 1 && contributor.id ? `${objectiveId}.${contributor.id.text}` : objectiveId;
    const own = progress.metric(contributor);
    const leftOut = !own
      ? 'no target'
      : own.kind === 'threshold'
        ? 'a threshold, not an amount'
        : !sameDimension(own.unit, unit)
          ? `in ${own.unit?.label ?? 'plain numbers'}, which does not add into ${unit?.label ?? 'plain numbers'}`
          : undefined;
    const target = own && !leftOut ? convert(own.target, own.unit, unit) : undefined;
    if (target !== undefined) targetSum += target;
    const v = progress.value(contributor);
    const value = v && Number.isFinite(v.value) && sameDimension(own?.unit, unit) ? convert(v.value, own?.unit, unit) : undefined;
    if (value !== undefined) valueSum = (valueSum ?? 0) + value;
    terms.push({ label, keyResult: contributor, target, value, leftOut });
  }
  const target = metric?.kind === 'range' ? metric.target : undefined;
  return { unit, target, terms, targetSum, valueSum };
}

const ownersByGraph = new WeakMap<AlignmentGraph, ReadonlyMap<KeyResult, Objective>>();

/** The objective of each contributing key result; once per graph (a graph never changes). */
function contributorOwners(graph: AlignmentGraph): ReadonlyMap<KeyResult, Objective> {
  let owners = ownersByGraph.get(graph);
  if (!owners) {
    const map = new Map<KeyResult, Objective>();
    for (const contribution of graph.contributions) map.set(contribution.keyResult, contribution.objective);
    ownersByGraph.set(graph, (owners = map));
  }
  return owners;
}

/** `80 + 70 + 50 = 200 $M` (the contributors' targets), or undefined when none adds. */
export function rollupArithmetic(rollup: Rollup, labelled: boolean): string | undefined {
  const adding = rollup.terms.filter((t) => t.target !== undefined);
  if (!adding.length) return undefined;
  const terms = adding.map((t) => `${labelled ? `${t.label} ` : ''}${formatNumber(t.target!)}`).join(' + ');
  return `${terms} = ${formatAmount(rollup.targetSum, rollup.unit)}`;
}
