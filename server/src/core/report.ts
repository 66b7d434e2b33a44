// The review of one period (`okr report PERIOD`), as plain data: per objective its grade, its
// progress and pace from its check-ins, its status and reflections; what was carried over; the
// mean grades by owner (team) and by level. A pure function of one snapshot.
//  - The period's objectives are those whose period (their own, else their file's) has the same
//    days as PERIOD (`2026-Q1` and `2026-01-01..2026-03-31` are one period), in workspace order.
//  - The progress curve: the objective's progress as of each day a key result was checked in (or
//    a step done) within the period, and on the period's last day (or today, if sooner); with the
//    progress expected on that day (the share of the period elapsed, × 0.7 when aspirational).
//  - An objective's grade is its own, else the weighted mean of its key results' grades; averages
//    are means of the objectives' grades, by owner and by level, over graded objectives.
import { pinnedToday } from './analysis';
import { objectiveGrade, stepsProgress, validGrade } from './model/closing';
import { formatDay, parseDate, type Day } from './model/dates';
import type { AlignmentGraph, ObjectiveNode } from './model/graph';
import { parsePeriod, type Period } from './model/period';
import { expectedProgress, ProgressModel } from './model/progress';
import type { ClosingStatusKind, KeyResult, Objective } from './syntax/ast';
import type { Snapshot } from './snapshot';

export interface ReportPoint {
  readonly day: string;
  readonly progress: number;
  readonly expected: number;
}

export interface ReportClosing {
  readonly grade?: number;
  readonly gradeFromKeyResults?: boolean;
  readonly gradeNote?: string;
  readonly status?: ClosingStatusKind;
  readonly carriedTo?: string;
  readonly learned: readonly string[];
}

export interface ReportKeyResult extends ReportClosing {
  /** `objective.kr`, or the title when it has no id. */
  readonly name: string;
  readonly title: string;
  readonly progress?: number;
  readonly steps?: { readonly done: number; readonly total: number };
}

export interface ReportObjective extends ReportClosing {
  readonly id: string;
  readonly title: string;
  readonly level?: string;
  readonly owner?: string;
  readonly commitment?: 'committed' | 'aspirational';
  /** Where it is written: the file's name and its line (1-based). */
  readonly file: string;
  readonly line: number;
  readonly progress?: number;
  readonly expected?: number;
  readonly curve: readonly ReportPoint[];
  readonly keyResults: readonly ReportKeyResult[];
}

export interface ReportAverage {
  readonly name: string;
  /** Mean of the graded objectives' grades. */
  readonly grade: number;
  readonly graded: number;
  readonly objectives: number;
}

export interface ReportModel {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** Today as used (YYYY-MM-DD); `todayPinned` when okr.config.json sets it. */
  readonly today: string;
  readonly todayPinned?: boolean;
  /** Whether the period is over. */
  readonly ended: boolean;
  readonly objectives: readonly ReportObjective[];
  /** Objectives and key results carried over, with where to. */
  readonly carriedOver: readonly { readonly name: string; readonly title: string; readonly to: string }[];
  readonly byOwner: readonly ReportAverage[];
  readonly byLevel: readonly ReportAverage[];
  /** Key results with no grade (dropped ones aside). */
  readonly ungraded: number;
  readonly keyResultCount: number;
  /** Mean of the graded objectives' grades. */
  readonly grade?: number;
}

export type ReportResult = { ok: true; report: ReportModel } | { ok: false; message: string };

export function buildReport(snapshot: Snapshot, periodText: string): ReportResult {
  const parsed = parsePeriod(periodText);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const period = parsed.period;
  const { index, config, graph, progress, today } = snapshot;
  const nodes: ObjectiveNode[] = [];
  const documents = [...index.all()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  for (const document of documents) {
    for (const node of graph.nodesOf(document.uri)) if (node.period && node.period.start === period.start && node.period.end === period.end) nodes.push(node);
  }
  if (!nodes.length) {
    const planned = [...new Set([...graph.nodes.values()].flatMap((n) => (n.period ? [n.period.text] : [])))];
    return { ok: false, message: `no objective is planned for ${periodText}${planned.length ? `: the periods planned are ${planned.slice(0, 10).join(', ')}` : ''}` };
  }
  const objectives = nodes.map((node) => objectiveOf(node, progress, graph, period, today));
  const carriedOver: { name: string; title: string; to: string }[] = [];
  let ungraded = 0;
  let keyResultCount = 0;
  for (const objective of objectives) {
    if (objective.status === 'carried' && objective.carriedTo) carriedOver.push({ name: objective.id, title: objective.title, to: objective.carriedTo });
    for (const kr of objective.keyResults) {
      keyResultCount++;
      if (kr.grade === undefined && kr.status !== 'dropped') ungraded++;
      if (kr.status === 'carried' && kr.carriedTo) carriedOver.push({ name: kr.name, title: kr.title, to: kr.carriedTo });
    }
  }
  const graded = objectives.filter((o) => o.grade !== undefined);
  return {
    ok: true,
    report: {
      period: period.text,
      start: formatDay(period.start),
      end: formatDay(period.end),
      today: formatDay(today),
      ...(pinnedToday(config) === today ? { todayPinned: true } : {}),
      ended: today > period.end,
      objectives,
      carriedOver,
      byOwner: averages(objectives, (o) => o.owner ?? 'no owner'),
      byLevel: averages(objectives, (o) => o.level ?? 'no level', config.levels),
      ungraded,
      keyResultCount,
      ...(graded.length ? { grade: mean(graded.map((o) => o.grade!)) } : {}),
    },
  };
}

function objectiveOf(node: ObjectiveNode, progress: ProgressModel, graph: AlignmentGraph, period: Period, today: Day): ReportObjective {
  const { objective } = node;
  const grade = objectiveGrade(objective);
  const commitment = objective.commitment?.kind;
  const done = progress.objectiveProgress(objective);
  const last = Math.min(period.end, today);
  return {
    id: objective.id.text,
    title: objective.title.text,
    level: node.level,
    owner: node.owner,
    commitment,
    file: decodeURIComponent(node.uri.slice(node.uri.lastIndexOf('/') + 1)),
    line: lineOf(node.file.lineStarts, objective.span.start),
    ...(done !== undefined ? { progress: done } : {}),
    ...(today >= period.start ? { expected: expectedProgress(period, last, commitment) } : {}),
    curve: curveOf(objective, graph, period, last, commitment),
    ...closingOf(objective, grade),
    keyResults: objective.keyResults.map((kr) => {
      const krGrade = validGrade(kr);
      const steps = stepsProgress(kr, today);
      const krProgress = progress.keyResultProgress(kr);
      return {
        name: kr.id ? `${objective.id.text}.${kr.id.text}` : kr.title.text,
        title: kr.title.text,
        ...(krProgress !== undefined ? { progress: krProgress } : {}),
        ...(steps ? { steps: { done: steps.done, total: steps.total } } : {}),
        ...closingOf(kr, krGrade === undefined ? undefined : { value: krGrade, source: 'own' }),
      };
    }),
  };
}

function closingOf(block: Objective | KeyResult, grade: { value: number; source: 'own' | 'key results' } | undefined): ReportClosing {
  return {
    ...(grade ? { grade: grade.value } : {}),
    ...(grade?.source === 'key results' ? { gradeFromKeyResults: true } : {}),
    ...(block.grade?.note ? { gradeNote: block.grade.note.text } : {}),
    ...(block.status ? { status: block.status.kind } : {}),
    ...(block.status?.kind === 'carried' && block.status.carriedTo ? { carriedTo: block.status.carriedTo.text } : {}),
    learned: block.learned.map((l) => l.text),
  };
}

/** Progress as of each day something was reported within the period, and on its last day (or today). */
function curveOf(objective: Objective, graph: AlignmentGraph, period: Period, last: Day, commitment: 'committed' | 'aspirational' | undefined): ReportPoint[] {
  if (last < period.start) return [];
  const days = new Set<Day>();
  for (const kr of objective.keyResults) {
    for (const checkin of kr.checkins) {
      const day = parseDate(checkin.date.text);
      if (day !== undefined && day >= period.start && day <= last) days.add(day);
    }
    for (const step of kr.steps) {
      const day = step.doneOn && parseDate(step.doneOn.text);
      if (day !== undefined && day >= period.start && day <= last) days.add(day);
    }
  }
  if (!days.size) return [];
  days.add(last);
  const points: ReportPoint[] = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    const value = new ProgressModel(graph, day).objectiveProgress(objective);
    if (value === undefined) continue;
    points.push({ day: formatDay(day), progress: value, expected: expectedProgress(period, day, commitment) });
  }
  return points;
}

function averages(objectives: readonly ReportObjective[], key: (o: ReportObjective) => string, order: readonly string[] = []): ReportAverage[] {
  const groups = new Map<string, ReportObjective[]>();
  for (const objective of objectives) {
    const name = key(objective);
    const list = groups.get(name) ?? [];
    list.push(objective);
    groups.set(name, list);
  }
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...groups]
    .flatMap(([name, list]) => {
      const grades = list.flatMap((o) => (o.grade === undefined ? [] : [o.grade]));
      return grades.length ? [{ name, grade: mean(grades), graded: grades.length, objectives: list.length }] : [];
    })
    .sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
