// The alignment tree as a plain model: what the preview renders (in the webview, and in the
// command line's HTML export). Strategies at the top; objectives under what they align to first;
// key results inside their objective. Extra alignments, enabling links and `contributes to`
// are links, not tree edges. Plain JSON only: it crosses the LSP connection and the webview.

import type { Severity } from './severity';

export type { Severity };

export interface TreeProblem {
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
  /** 0-based line of the problem. */
  readonly line: number;
}

export interface TreeLocation {
  readonly uri: string;
  /** 0-based lines of the node's block (the objective line to its last attribute). */
  readonly startLine: number;
  readonly endLine: number;
}

export type TreeStatus = 'done' | 'missed' | 'dropped' | 'carried';

/** How an objective or key result closed its period (absent parts are left out). */
export interface TreeClosing {
  /** 0..1: its own grade (an objective without one: the mean of its key results'). */
  readonly grade?: number;
  /** The grade is the mean of the key results' grades, not written on the objective. */
  readonly gradeFromKeyResults?: boolean;
  /** The grade's note. */
  readonly gradeNote?: string;
  readonly status?: TreeStatus;
  /** For `carried`: the period it is carried to. */
  readonly carriedTo?: string;
  /** `learned:` lines. */
  readonly learned?: readonly string[];
}

export interface TreeKeyResult extends TreeClosing {
  /** `revenue.arr`, or `revenue#2` for a key result without id (2nd key result of `revenue`). */
  readonly key: string;
  readonly id?: string;
  readonly title: string;
  readonly owner?: string;
  /** The metric as a statement: `from 0 to 200 $M`, `keep above 99.9 %`. */
  readonly metric?: string;
  readonly metricInferred?: boolean;
  /** Current value as text: `38 $M`. */
  readonly value?: string;
  /** 0..1 */
  readonly progress?: number;
  /** `rollup sum`: the arithmetic of its contributions' targets, e.g. `80 + 70 + 50 = 200 $M of 200 $M`. */
  readonly rollup?: string;
  /** `contributes to` target key, e.g. `revenue.arr`. */
  readonly contributesTo?: string;
  /** A milestone key result: its steps done and in all (progress is their share). */
  readonly steps?: { readonly done: number; readonly total: number };
  /** `weight N`, when given: its weight in its objective's progress. */
  readonly weight?: number;
  readonly problems: readonly TreeProblem[];
  readonly location: TreeLocation;
}

export interface TreeObjective extends TreeClosing {
  readonly kind: 'objective';
  /** The objective's id (unique in the model; a duplicate id gets `#2`, `#3`). */
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly level?: string;
  /** 0 for the top level; undefined when unknown. */
  readonly rank?: number;
  readonly owner?: string;
  readonly period?: string;
  readonly commitment?: 'committed' | 'aspirational';
  readonly why?: string;
  /** 0..1, weighted mean of its key results; undefined when none has progress. */
  readonly progress?: number;
  /** 0..1, where it should be today; undefined before the period starts or without a period. */
  readonly expected?: number;
  /** When it is a catch-all, why (one line). */
  readonly catchAll?: string;
  /** When it sits under a key result of its parent: that key result's key. */
  readonly viaKeyResult?: string;
  /** Its parent is at its own level: it enables the parent rather than breaking it down (drawn differently). */
  readonly enabling?: boolean;
  readonly keyResults: readonly TreeKeyResult[];
  /** Problems of the objective's own lines (key results carry theirs). */
  readonly problems: readonly TreeProblem[];
  readonly children: readonly TreeObjective[];
  readonly location: TreeLocation;
}

export interface TreeStrategy {
  readonly kind: 'strategy';
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly children: readonly TreeObjective[];
  readonly location: TreeLocation;
}

/** A group of roots that hang under no strategy: not aligned, aligned to something unknown, or in a cycle. */
export interface TreeGroup {
  readonly kind: 'group';
  readonly key: string;
  readonly title: string;
  readonly children: readonly TreeObjective[];
}

export type TreeRoot = TreeStrategy | TreeGroup;

export interface TreeLink {
  /** Keys of objectives or key results. */
  readonly from: string;
  readonly to: string;
  /**
   * `extra`: a second (third…) `aligns to`; `enabling`: an alignment to an objective at the same
   * level (People Ops enabling Engineering); `contributes`: a `contributes to`.
   */
  readonly kind: 'extra' | 'enabling' | 'contributes';
}

export interface TreeModel {
  /** Today as used for progress and expected progress (YYYY-MM-DD). */
  readonly today: string;
  /** Set when `today` comes from okr.config.json rather than the clock: progress is as of that day. */
  readonly todayPinned?: boolean;
  /** The workspace's name (its folder), when the model is exported for people to read. */
  readonly workspace?: string;
  /** Values for the filters, in a useful order. */
  readonly levels: readonly string[];
  readonly periods: readonly string[];
  readonly owners: readonly string[];
  /** The closing statuses used, for the status filter (absent when none is). */
  readonly statuses?: readonly TreeStatus[];
  readonly roots: readonly TreeRoot[];
  readonly links: readonly TreeLink[];
  /** Problems in the whole workspace, by severity. */
  readonly totals: Readonly<Record<Severity, number>>;
  readonly objectiveCount: number;
}
