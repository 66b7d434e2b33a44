// The analysis: runs every rule over the workspace and applies the configuration. File rules are
// cached per document revision; workspace rules run once per workspace generation, on a graph
// built once and shared. Results are keyed by document URI.
import { defaultConfig, type AnalysisConfig } from './config';
import { AlignmentGraph } from './model/graph';
import { ProgressModel } from './model/progress';
import { parseDate, today, type Day } from './model/dates';
import { rules as allRules } from './rules';
import type { FileRule, Problem, ReportOptions, Rule, Severity, WorkspaceRule } from './rules/types';
import type { Span } from './syntax/ast';
import type { OkrDocument, WorkspaceIndex } from './workspace';
import { isSuppressed, suppressionsOf } from './suppressions';
import { positionAt } from './text';

export interface AnalysisResult {
  readonly graph: AlignmentGraph;
  readonly progress: ProgressModel;
  readonly today: Day;
  /** Problems per document URI; every indexed document has an entry, empty when clean. */
  readonly problems: ReadonlyMap<string, readonly Problem[]>;
}

export class Analyzer {
  private config: AnalysisConfig = defaultConfig;
  private configGeneration = 0;
  private readonly fileCache = new Map<string, { revision: number; configGeneration: number; problems: Problem[] }>();
  private cached: { generation: number; configGeneration: number; result: AnalysisResult } | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly rules: readonly Rule[] = allRules,
    /** Today's date; tests set it. */
    private readonly clock: () => Day = today,
  ) {}

  setConfig(config: AnalysisConfig): void {
    this.config = config;
    this.configGeneration++;
  }

  getConfig(): AnalysisConfig {
    return this.config;
  }

  analyse(): AnalysisResult {
    const { generation } = this.index;
    if (this.cached && this.cached.generation === generation && this.cached.configGeneration === this.configGeneration) {
      return this.cached.result;
    }
    const graph = new AlignmentGraph(this.index, this.config);
    const today = this.today();
    const progress = new ProgressModel(graph, today);
    const problems = new Map<string, Problem[]>();
    for (const document of this.index.all()) problems.set(document.uri, [...this.fileProblems(document)]);
    for (const key of this.fileCache.keys()) if (!this.index.has(key)) this.fileCache.delete(key);

    for (const rule of this.rules) {
      if (rule.scope !== 'workspace') continue;
      const severity = this.severityOf(rule);
      if (!severity) continue;
      this.runWorkspaceRule(rule, severity, { graph, progress, today }, problems);
    }
    for (const [uri, list] of problems) {
      const kept = this.withoutSuppressed(uri, list);
      kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
      problems.set(uri, kept);
    }
    const result: AnalysisResult = { graph, progress, today, problems };
    this.cached = { generation, configGeneration: this.configGeneration, result };
    return result;
  }

  /** Drops the problems silenced by `# okr-disable-next-line` comments (never `syntax`). */
  private withoutSuppressed(uri: string, list: Problem[]): Problem[] {
    const document = this.index.get(uri);
    if (!document || list.length === 0) return list;
    const suppressions = suppressionsOf(document.file);
    if (suppressions.size === 0) return list;
    return list.filter((p) => p.rule === 'syntax' || !isSuppressed(suppressions, positionAt(document.file.lineStarts, p.span.start).line, p.rule));
  }

  private fileProblems(document: OkrDocument): Problem[] {
    const hit = this.fileCache.get(document.uri);
    if (hit && hit.revision === document.revision && hit.configGeneration === this.configGeneration) return hit.problems;
    const problems: Problem[] = [];
    for (const rule of this.rules) {
      if (rule.scope !== 'file') continue;
      const severity = this.severityOf(rule);
      if (severity) this.runFileRule(rule, severity, document, problems);
    }
    this.fileCache.set(document.uri, { revision: document.revision, configGeneration: this.configGeneration, problems });
    return problems;
  }

  private runFileRule(rule: FileRule, severity: Severity, document: OkrDocument, out: Problem[]): void {
    const report = (span: Span, message: string, options?: ReportOptions) =>
      out.push(problem(document.uri, span, rule, severity, message, options));
    guard(rule, () => rule.check({ document, config: this.config, report }));
  }

  private runWorkspaceRule(rule: WorkspaceRule, severity: Severity, model: { graph: AlignmentGraph; progress: ProgressModel; today: Day }, out: Map<string, Problem[]>): void {
    const report = (uri: string, span: Span, message: string, options?: ReportOptions) =>
      out.get(uri)?.push(problem(uri, span, rule, severity, message, options));
    guard(rule, () => rule.check({ index: this.index, ...model, config: this.config, report }));
  }

  /** Today, as the configuration or the clock says. */
  private today(): Day {
    const configured = this.config.today ? parseDate(this.config.today) : undefined;
    return configured ?? this.clock();
  }

  private severityOf(rule: Rule): Severity | undefined {
    const setting = this.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    return setting === 'off' ? undefined : setting;
  }
}

function problem(uri: string, span: Span, rule: Rule, severity: Severity, message: string, options?: ReportOptions): Problem {
  return { uri, span, rule: rule.meta.id, severity, message, related: options?.related, data: options?.data };
}

/** A rule that throws must not take the whole analysis (and the editor's diagnostics) down. */
function guard(rule: Rule, run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error(`okr: rule ${rule.meta.id} failed:`, error);
  }
}
