// What each rule puts in a problem's `data`, by rule id: the one declaration the rule that
// reports and the quick fixes that read it (server/src/features/codeActions.ts) both use, so
// that a field renamed on one side does not compile on the other. It reaches the client as the
// diagnostic's `data`, and comes back in code-action requests.
export interface RuleData {
  readonly syntax: undefined;
  readonly encoding: undefined;
  readonly 'duplicate-id': undefined;
  readonly 'unknown-reference': {
    /** Did-you-mean ids, closest first (`objective` or `objective.kr`). */
    readonly candidates: readonly string[];
    /** The objective id that is defined nowhere, when the objective (not the key result) is missing. */
    readonly missing?: string;
  };
  readonly 'invalid-value': { readonly candidates: readonly string[] };
  readonly 'alignment-cycle': undefined;
  readonly 'level-inversion': { readonly target: string; readonly level?: string; readonly targetLevel?: string };
  readonly 'period-mismatch': { readonly target: string; readonly period: string; readonly targetPeriod: string };
  readonly unaligned: { readonly candidates: readonly string[] };
  readonly 'aligned-to-catch-all': { readonly catchAll: string; readonly candidates: readonly string[] };
  readonly 'over-aligned': { readonly served: readonly string[] };
  readonly 'missing-story': { readonly objective: string; readonly target: string };
  readonly 'split-not-enable': { readonly keyResult: string };
  readonly 'catch-all': {
    readonly reason:
      | { readonly kind: 'wording'; readonly phrase: string; readonly wording: 'area' | 'generic' | 'aspiration' | 'more-of-the-same' | 'configured' }
      | { readonly kind: 'structure'; readonly aligned: number; readonly owners: number };
  };
  readonly 'no-key-results': undefined;
  readonly 'too-many-key-results': { readonly count: number; readonly max: number };
  readonly 'too-many-objectives': { readonly owner?: string; readonly count: number; readonly max: number };
  readonly 'kr-is-task': { readonly shape: 'verb' | 'deliverable' | 'one'; readonly verb?: string; readonly purpose?: string };
  readonly 'kr-not-measurable': { readonly shape: 'direction' | 'metric' | 'vague' | 'ongoing' | 'question' };
  readonly 'behind-pace': { readonly progress: number; readonly elapsed: number; readonly expected: number; readonly behind: number; readonly commitment: string };
  readonly 'stale-checkin': { readonly lastCheckin: string | null; readonly days: number; readonly limit: number };
  readonly 'summation-mismatch': { readonly sum: number; readonly target: number; readonly difference: number; readonly unit?: string; readonly terms: readonly number[] };
  readonly 'unit-mismatch': { readonly kind: string; readonly from?: string; readonly into?: string };
  /** The grade as written. */
  readonly 'grade-out-of-range': { readonly grade: string };
  readonly 'ungraded-key-result': {
    /** The period that ended. */
    readonly period: string;
    /** The measured progress (0..1), if any. */
    readonly progress: number | null;
    /** The grade the measured progress suggests (`0.7`), if any. */
    readonly grade: string | null;
    /** The period after it (`2026-Q1`), if it has one. */
    readonly next: string | null;
  };
  readonly 'grade-far-from-progress': { readonly grade: number; readonly progress: number };
  readonly 'committed-grade-without-note': { readonly grade: number };
  /** The owner, and the two periods all graded 1.0 (earlier first). */
  readonly sandbagging: { readonly owner: string; readonly periods: readonly string[] };
  /** The period it is carried over to, as written. */
  readonly 'carried-to-unknown-period': { readonly period: string };
}

/** Every rule id. */
export type RuleId = keyof RuleData;

/** The data a problem of rule `id` carries. */
export type DataOf<Id extends RuleId> = RuleData[Id];
