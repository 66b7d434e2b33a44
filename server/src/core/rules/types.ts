// What a rule is and what it reports. Each rule lives in its own file with its metadata, like an
// ESLint rule; the analysis (analysis.ts) runs them and applies configuration.
import type { Objective, Span } from '../syntax/ast';
import type { OkrDocument, WorkspaceIndex } from '../workspace';
import type { AnalysisConfig } from '../config';
import type { AlignmentGraph } from '../model/graph';
import type { ProgressModel } from '../model/progress';
import type { Day } from '../model/dates';
import type { AnalysisScope } from '../scope';
import type { RuleData, RuleId } from './data';
import type { Severity } from '../severity';

export type { RuleData, RuleId } from './data';

export type { Severity } from '../severity';

export interface RuleMeta<Id extends RuleId = RuleId> {
  /** Stable id, used as the diagnostic's code, in config and in suppression comments. */
  readonly id: Id;
  readonly defaultSeverity: Severity;
  /** One line: what the rule finds. */
  readonly description: string;
  /** Which group of checks it belongs to (docs and config group rules by it). */
  readonly category: 'error' | 'alignment' | 'quality';
}

export interface RelatedLocation {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

export interface ReportOptions<Id extends RuleId = RuleId> {
  /**
   * Places this problem links. Any number, even lazily made: the analysis keeps the first
   * MAX_RELATED (`related.ts`), for every rule.
   */
  readonly related?: Iterable<RelatedLocation>;
  /** What quick fixes need (did-you-mean candidates, …), as `RuleData` declares it for the rule; passed through to the client. */
  readonly data?: RuleData[Id];
  /** Shown faded by editors: unnecessary code. */
  readonly unnecessary?: boolean;
  /**
   * This problem's severity when the rule's severity is not configured: a rule whose findings
   * differ in weight (a catch-all that others hang on, one that nothing hangs on) says so here.
   * A severity set in okr.config.json applies to every problem of the rule.
   */
  readonly severity?: Severity;
}

export interface Problem {
  readonly uri: string;
  readonly span: Span;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** At most MAX_RELATED (`related.ts`). */
  readonly related?: readonly RelatedLocation[];
  readonly data?: unknown;
}

export interface FileRuleContext<Id extends RuleId = RuleId> {
  readonly document: OkrDocument;
  readonly config: AnalysisConfig;
  report(span: Span, message: string, options?: ReportOptions<Id>): void;
}

export interface WorkspaceRuleContext<Id extends RuleId = RuleId> {
  readonly index: WorkspaceIndex;
  readonly graph: AlignmentGraph;
  /** Metrics (explicit or inferred), values, rollups and progress. */
  readonly progress: ProgressModel;
  /** Today, as configured (`today` in okr.config.json) or by the clock. */
  readonly today: Day;
  readonly config: AnalysisConfig;
  /**
   * The files to report on: every file on a full run, the files an edit can have changed
   * otherwise. Iterate it rather than the whole graph; reports outside it are dropped.
   */
  readonly scope: AnalysisScope;
  report(uri: string, span: Span, message: string, options?: ReportOptions<Id>): void;
}

/** A rule that looks at one file only: its results are cached per file revision. */
export interface FileRule<Id extends RuleId = RuleId> {
  readonly meta: RuleMeta<Id>;
  readonly scope: 'file';
  check(context: FileRuleContext<Id>): void;
}

/** A rule that needs the whole workspace (references, the alignment graph). */
export interface WorkspaceRule<Id extends RuleId = RuleId> {
  readonly meta: RuleMeta<Id>;
  readonly scope: 'workspace';
  /**
   * Whether what it reports on one file can depend on objectives any number of links away in
   * any direction (cycles): such a rule is re-run over the whole workspace whenever a reference
   * changes, instead of over the affected files.
   */
  readonly wholeWorkspace?: boolean;
  /**
   * For a `wholeWorkspace` rule that reports nothing anywhere: whether changing the links of
   * `objectives` (already in `graph`) can make it report something. False: it need not run again.
   */
  readonly canReportAfterLinking?: (graph: AlignmentGraph, objectives: readonly Objective[]) => boolean;
  check(context: WorkspaceRuleContext<Id>): void;
}

export type Rule = FileRule | WorkspaceRule;
