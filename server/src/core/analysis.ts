// The analysis: runs every rule over the workspace and applies the configuration. Results are
// keyed by document URI.
//
// It is incremental, because it runs on every keystroke: file rules are cached per document
// revision; after an edit, the alignment graph is updated in place and the workspace rules
// re-check only the files the edit can have changed (affected.ts), keeping the problems of every
// other file from the run before. A change of configuration or of the day, or an edit that
// changes the shape of the workspace (ids, levels, owners, periods), re-checks everything. Either
// way the problems are the same as a run from scratch would give: tests compare the two.
import { impactOf } from './affected';
import { defaultConfig, type AnalysisConfig } from './config';
import { AlignmentGraph } from './model/graph';
import { ProgressModel } from './model/progress';
import { formatDay, parseDate, today, type Day } from './model/dates';
import { rules as allRules } from './rules';
import type { FileRule, Problem, ReportOptions, Rule, Severity, WorkspaceRule } from './rules/types';
import { boundRelated } from './rules/related';
import { AnalysisScope } from './scope';
import type { Snapshot } from './snapshot';
import type { Span } from './syntax/ast';
import type { OkrDocument, WorkspaceIndex } from './workspace';
import { isSuppressed, suppressionsOf } from './suppressions';
import { positionAt } from './text';

/**
 * The day `today` in okr.config.json sets, if it is a valid date: then progress is as of that
 * day, not the clock's, and what shows progress says so (a pinned date in a shared config would
 * otherwise make a person's own new check-ins count for nothing, with no hint why).
 */
export function pinnedToday(config: AnalysisConfig): Day | undefined {
  return config.today ? parseDate(config.today) : undefined;
}

/** `as of 2026-03-02 (okr.config.json)` when today is pinned by the configuration, else undefined. */
export function pinnedTodayNote(config: AnalysisConfig): string | undefined {
  const day = pinnedToday(config);
  return day === undefined ? undefined : `as of ${formatDay(day)} (okr.config.json)`;
}

/** What one analysis gives: the snapshot of its generation (snapshot.ts). */
export type AnalysisResult = Snapshot;

/** What the last analysis left, to start the next one from. */
interface State {
  readonly configGeneration: number;
  readonly today: Day;
  readonly graph: AlignmentGraph;
  /** The documents it analysed. */
  readonly documents: Map<string, OkrDocument>;
  /** Per file, per workspace rule (in `workspaceRules` order): what it reported there. */
  readonly byRule: Map<string, Problem[][]>;
  /** Per file, the files its problems point into (related information). */
  readonly pointsInto: Map<string, Set<string>>;
  readonly problems: Map<string, readonly Problem[]>;
}

/** What one run reads, fixed when it starts: a run in slices never sees a later change. */
interface RunInputs {
  /** The index, frozen. */
  readonly index: WorkspaceIndex;
  readonly config: AnalysisConfig;
  readonly configGeneration: number;
  readonly generation: number;
}

/** Above this share of the workspace's files re-checked, a full run is as cheap and simpler. */
const INCREMENTAL_SHARE = 0.5;

export class Analyzer {
  private config: AnalysisConfig = defaultConfig;
  private configGeneration = 0;
  private readonly fileCache = new Map<string, { revision: number; configGeneration: number; problems: Problem[] }>();
  private readonly workspaceRules: readonly WorkspaceRule[];
  private state: State | undefined;
  private cached: Snapshot | undefined;
  /** The run under way in slices (`step`). */
  private inFlight: Generator<void, Snapshot> | undefined;
  /** What the run under way (or the last one) reads. */
  private inputs!: RunInputs;
  /** Whether the run under way has updated the last snapshot's graph in place. */
  private graphTouched = false;
  /** How the last analysis ran: for tests and the benchmark. */
  lastRun: { kind: 'full' | 'incremental' | 'cached'; files: number } = { kind: 'cached', files: 0 };

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly rules: readonly Rule[] = allRules,
    /** Today's date; tests set it. */
    private readonly clock: () => Day = today,
  ) {
    this.workspaceRules = rules.filter((r): r is WorkspaceRule => r.scope === 'workspace');
  }

  setConfig(config: AnalysisConfig): void {
    this.config = config;
    this.configGeneration++;
  }

  getConfig(): AnalysisConfig {
    return this.config;
  }

  /**
   * The generation the workspace is at: it moves with every change of a text or of the
   * configuration (both counters only grow, so their sum does too).
   */
  get generation(): number {
    return this.index.generation + this.configGeneration;
  }

  /** The snapshot last completed, whatever generation it is of. */
  get latest(): Snapshot | undefined {
    return this.cached;
  }

  /** Whether a run in slices is under way. */
  get running(): boolean {
    return this.inFlight !== undefined;
  }

  /** The snapshot of the current generation, computed now if it is not yet (a run under way is finished first). */
  analyse(): Snapshot {
    for (;;) {
      const done = this.step(Infinity);
      if (done) return done;
    }
  }

  /**
   * Works towards the snapshot of the current generation for about `budget` milliseconds (a run
   * starts if none is under way and the latest snapshot is not current). Returns the snapshot
   * once it is complete and current, undefined while there is more to do. A run that completes on
   * a generation that has moved meanwhile leaves its snapshot as `latest`, and the next run starts
   * from it.
   */
  step(budget: number): Snapshot | undefined {
    const start = Date.now();
    for (;;) {
      if (!this.inFlight) {
        if (this.cached?.generation === this.generation) {
          this.lastRun = { kind: 'cached', files: 0 };
          return this.cached;
        }
        this.inFlight = this.run();
      }
      let next: IteratorResult<void, Snapshot>;
      do next = this.inFlight.next();
      while (!next.done && Date.now() - start < budget);
      if (!next.done) return undefined;
      this.inFlight = undefined;
      this.cached = next.value;
      if (next.value.generation === this.generation) return next.value;
      if (Date.now() - start >= budget) return undefined;
    }
  }

  /**
   * One analysis, in steps: it yields where it may pause, and reads only what it fixed when it
   * started. An incremental run updates the graph in place and never pauses; a run from scratch
   * builds a new graph, so the last snapshot stays whole while it runs, and it pauses between
   * rules and between files.
   */
  private *run(): Generator<void, Snapshot> {
    const index = this.index.freeze();
    const inputs: RunInputs = { index, config: this.config, configGeneration: this.configGeneration, generation: index.generation + this.configGeneration };
    this.inputs = inputs;
    const day = this.today();
    const previous = this.state;
    this.graphTouched = false;
    let state = previous && previous.configGeneration === inputs.configGeneration && previous.today === day ? this.incremental(previous) : undefined;
    if (!state) {
      this.state = undefined; // Until it completes: the graph is new, nothing to start from.
      if (this.graphTouched) {
        // The incremental attempt updated the last snapshot's graph before giving up: that
        // snapshot is no longer whole, so nothing may read it between steps. No pause.
        const steps = this.full(day);
        let next = steps.next();
        while (!next.done) next = steps.next();
        state = next.value;
      } else state = yield* this.full(day);
    }
    this.state = state;
    for (const key of this.fileCache.keys()) if (!index.has(key)) this.fileCache.delete(key);
    return Object.freeze({
      generation: inputs.generation,
      index,
      config: inputs.config,
      today: day,
      graph: state.graph,
      progress: new ProgressModel(state.graph, day),
      problems: new Map(state.problems),
    });
  }

  /** Every rule over every file, on a new graph. */
  private *full(day: Day): Generator<void, State> {
    const { index, config, configGeneration } = this.inputs;
    const graph = yield* AlignmentGraph.build(index, config);
    const state: State = {
      configGeneration,
      today: day,
      graph,
      documents: new Map(index.all().map((d) => [d.uri, d])),
      byRule: new Map(),
      pointsInto: new Map(),
      problems: new Map(),
    };
    const scope = AnalysisScope.everything(index, graph);
    const uris = index.all().map((d) => d.uri);
    for (const rule of this.workspaceRules) {
      this.runRules(state, scope, uris, [rule]);
      yield;
    }
    for (const uri of uris) {
      this.assemble(state, uri, undefined);
      yield;
    }
    this.lastRun = { kind: 'full', files: uris.length };
    return state;
  }

  /** The rules over the files an edit can have changed; undefined when everything must be redone. */
  private incremental(state: State): State | undefined {
    const { index, config } = this.inputs;
    const changed = new Set<string>();
    for (const document of index.all()) if (state.documents.get(document.uri) !== document) changed.add(document.uri);
    for (const uri of state.documents.keys()) if (!index.has(uri)) changed.add(uri);
    const fileCount = index.size;
    if (changed.size > fileCount * INCREMENTAL_SHARE) return undefined;

    const { graph } = state;
    const impact = impactOf(changed, state.documents, index, graph, config, (uri) => readersOf(state, uri));
    if (!impact) return undefined;
    this.graphTouched = true;
    graph.update(changed, index);
    const affected = impact.after(graph);
    if (!affected || affected.files.size > Math.max(1, fileCount * INCREMENTAL_SHARE)) return undefined;

    for (const uri of changed) {
      const document = index.get(uri);
      if (document) state.documents.set(uri, document);
      else {
        state.documents.delete(uri);
        state.byRule.delete(uri);
        state.pointsInto.delete(uri);
        state.problems.delete(uri);
      }
    }
    const files = [...affected.files];
    const scope = AnalysisScope.files(index, graph, affected.whole, affected.parts);
    const scoped = this.workspaceRules.filter((r) => !r.wholeWorkspace);
    this.runRules(state, scope, files, scoped);

    // Rules over the whole workspace (cycles) run again when what they reported sits in, or
    // points into, an edited file; or when a link changed, unless they reported nothing before and
    // say the changed links cannot make them report.
    const reassemble = new Set(files);
    const wholeRules = this.workspaceRules.filter((r) => r.wholeWorkspace);
    const edited = [...changed].some((uri) => this.wholeRulesTouch(state, uri, wholeRules));
    const whole = wholeRules.filter((rule) =>
      edited ||
      (affected.linksChanged &&
        (!rule.canReportAfterLinking || this.filesWithProblemsOf(state, [rule]).length > 0 || rule.canReportAfterLinking(graph, affected.linked))));
    if (whole.length) {
      const touched = this.filesWithProblemsOf(state, whole);
      this.runRules(state, AnalysisScope.everything(index, graph), index.all().map((d) => d.uri), whole);
      for (const uri of [...touched, ...this.filesWithProblemsOf(state, whole)]) if (index.has(uri)) reassemble.add(uri);
    }
    for (const uri of reassemble) this.assemble(state, uri, changed);
    this.lastRun = { kind: 'incremental', files: reassemble.size };
    return state;
  }

  /** Runs `rules` over `scope`, replacing what they reported on `uris`. */
  private runRules(state: State, scope: AnalysisScope, uris: readonly string[], rules: readonly WorkspaceRule[]): void {
    const slots = rules.map((rule) => this.workspaceRules.indexOf(rule));
    for (const uri of uris) {
      let lists = state.byRule.get(uri);
      if (!lists) state.byRule.set(uri, (lists = this.workspaceRules.map(() => [])));
      // A file in scope in part keeps the problems of its objectives out of scope.
      const whole = scope.hasWhole(uri);
      for (const slot of slots) lists[slot] = whole ? [] : lists[slot]!.filter((p) => !scope.covers(uri, p.span));
    }
    const progress = new ProgressModel(state.graph, state.today);
    rules.forEach((rule, i) => {
      const severity = this.severityOf(rule);
      if (!severity) return;
      const slot = slots[i]!;
      const report = (uri: string, span: Span, message: string, options?: ReportOptions) => {
        if (!scope.covers(uri, span)) return;
        state.byRule.get(uri)?.[slot]!.push(problem(uri, span, rule, this.severityFor(rule, severity, options), message, options));
      };
      guard(rule, () => rule.check({ index: this.inputs.index, graph: state.graph, progress, today: state.today, config: this.inputs.config, scope, report }));
    });
  }

  /**
   * A file's problems: its file rules', then each workspace rule's, without the suppressed ones,
   * in order. The previous list is kept when nothing in it changed, so that whoever publishes
   * them can skip the file; not when it lies in, or points into, a file whose text changed (the
   * same offsets can be other lines there).
   */
  private assemble(state: State, uri: string, changed: ReadonlySet<string> | undefined): void {
    const document = this.inputs.index.get(uri);
    if (!document) return;
    const list = [...this.fileProblems(document)];
    for (const problems of state.byRule.get(uri) ?? []) for (const p of problems) list.push(p);
    const kept = this.withoutSuppressed(document, list);
    kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
    const into = new Set<string>();
    for (const p of kept) for (const related of p.related ?? []) if (related.uri !== uri) into.add(related.uri);
    const previous = state.problems.get(uri);
    const moved = !changed || changed.has(uri) || [...into].some((other) => changed.has(other));
    state.problems.set(uri, previous && !moved && sameProblems(previous, kept) ? previous : kept);
    if (into.size) state.pointsInto.set(uri, into);
    else state.pointsInto.delete(uri);
  }

  private wholeRulesTouch(state: State, uri: string, whole: readonly WorkspaceRule[]): boolean {
    const slots = whole.map((rule) => this.workspaceRules.indexOf(rule));
    for (const [file, lists] of state.byRule) {
      for (const slot of slots) {
        for (const p of lists[slot] ?? []) {
          if (file === uri || p.related?.some((r) => r.uri === uri)) return true;
        }
      }
    }
    return false;
  }

  private filesWithProblemsOf(state: State, rules: readonly WorkspaceRule[]): string[] {
    const slots = rules.map((rule) => this.workspaceRules.indexOf(rule));
    return [...state.byRule].filter(([, lists]) => slots.some((slot) => lists[slot]?.length)).map(([uri]) => uri);
  }

  /** Drops the problems silenced by `# okr-disable-next-line` comments (never `syntax`). */
  private withoutSuppressed(document: OkrDocument, list: Problem[]): Problem[] {
    if (list.length === 0) return list;
    const suppressions = suppressionsOf(document.file);
    if (suppressions.size === 0) return list;
    return list.filter((p) => p.rule === 'syntax' || !isSuppressed(suppressions, positionAt(document.file.lineStarts, p.span.start).line, p.rule));
  }

  private fileProblems(document: OkrDocument): Problem[] {
    const hit = this.fileCache.get(document.uri);
    if (hit && hit.revision === document.revision && hit.configGeneration === this.inputs.configGeneration) return hit.problems;
    const problems: Problem[] = [];
    for (const rule of this.rules) {
      if (rule.scope !== 'file') continue;
      const severity = this.severityOf(rule);
      if (severity) this.runFileRule(rule, severity, document, problems);
    }
    this.fileCache.set(document.uri, { revision: document.revision, configGeneration: this.inputs.configGeneration, problems });
    return problems;
  }

  private runFileRule(rule: FileRule, severity: Severity, document: OkrDocument, out: Problem[]): void {
    const report = (span: Span, message: string, options?: ReportOptions) =>
      out.push(problem(document.uri, span, rule, this.severityFor(rule, severity, options), message, options));
    guard(rule, () => rule.check({ document, config: this.inputs.config, report }));
  }

  /** Today, as the configuration or the clock says. */
  private today(): Day {
    return pinnedToday(this.inputs.config) ?? this.clock();
  }

  /** A problem's severity: the configured one, else the one the rule gives the problem, else the rule's default. */
  private severityFor(rule: Rule, severity: Severity, options: ReportOptions | undefined): Severity {
    return options?.severity && this.inputs.config.rules[rule.meta.id] === undefined ? options.severity : severity;
  }

  private severityOf(rule: Rule): Severity | undefined {
    const setting = this.inputs.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    return setting === 'off' ? undefined : setting;
  }
}

/** The problems of other files that point into `uri`. */
function readersOf(state: State, uri: string): Problem[] {
  const readers: Problem[] = [];
  for (const [file, into] of state.pointsInto) {
    if (file === uri || !into.has(uri)) continue;
    for (const problem of state.problems.get(file) ?? []) if (problem.related?.some((r) => r.uri === uri)) readers.push(problem);
  }
  return readers;
}

function problem(uri: string, span: Span, rule: Rule, severity: Severity, message: string, options?: ReportOptions): Problem {
  // The one place the related locations are bounded, for every rule.
  return { uri, span, rule: rule.meta.id, severity, message, related: boundRelated(options?.related), data: options?.data };
}

/** Whether two lists hold the same problems (the same rule, place, message, related places, data). */
function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.rule !== y.rule || x.severity !== y.severity || x.message !== y.message || x.span.start !== y.span.start || x.span.end !== y.span.end) return false;
    if (JSON.stringify([x.related, x.data]) !== JSON.stringify([y.related, y.data])) return false;
  }
  return true;
}

/** A rule that throws must not take the whole analysis (and the editor's diagnostics) down. */
function guard(rule: Rule, run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error(`okr: rule ${rule.meta.id} failed:`, error);
  }
}
