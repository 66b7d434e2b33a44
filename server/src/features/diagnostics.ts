// Diagnostics: a snapshot's problems as LSP diagnostics, published for every indexed file (open
// or not) whenever the workspace changes. Only files whose diagnostics changed are re-sent.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { rangeOf, type ConfigProblem, type Problem, type Severity, type Snapshot } from '../core';
import { rangeIn } from './common';

/** okr.config.json's problems, with the file's line starts (for ranges). */
export interface ConfigFileProblems {
  readonly uri: string;
  readonly lineStarts: readonly number[];
  readonly problems: readonly ConfigProblem[];
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A problem in okr.config.json: reported on the file itself, with the code `config`. */
function configDiagnostic(lineStarts: readonly number[], problem: ConfigProblem): Diagnostic {
  return { range: rangeOf(lineStarts, problem.span), severity: severities[problem.severity], code: 'config', source: 'okr', message: problem.message };
}

/** A problem as a diagnostic; `docsBase` is where docs/rules/<id>.md are (a URI ending in `/`). */
export function toDiagnostic(snapshot: Snapshot, problem: Problem, docsBase: string | undefined): Diagnostic | undefined {
  const range = rangeIn(snapshot, problem.uri, problem.span);
  if (!range) return undefined;
  const diagnostic: Diagnostic = {
    range,
    severity: severities[problem.severity],
    code: problem.rule,
    source: 'okr',
    message: problem.message,
  };
  if (docsBase) diagnostic.codeDescription = { href: `${docsBase}${problem.rule}.md` };
  if (problem.related?.length) {
    diagnostic.relatedInformation = problem.related.flatMap((related) => {
      const relatedRange = rangeIn(snapshot, related.uri, related.span);
      return relatedRange ? [{ location: { uri: related.uri, range: relatedRange }, message: related.message }] : [];
    });
  }
  if (problem.data !== undefined) diagnostic.data = problem.data;
  return diagnostic;
}

export class DiagnosticsPublisher {
  /** Per file: the problems last published (the analysis keeps a file's array while it is unchanged) and their JSON. */
  private readonly published = new Map<string, { problems: readonly Problem[] | undefined; json: string }>();

  constructor(private readonly send: (params: PublishDiagnosticsParams) => void) {}

  /** Publishes the problems of `snapshot` and of okr.config.json (when there is one). */
  publish(snapshot: Snapshot, config: ConfigFileProblems | undefined, docsBase: string | undefined): void {
    const current = new Map<string, { problems: readonly Problem[] | undefined; diagnostics: () => Diagnostic[] }>();
    for (const [uri, list] of snapshot.problems) current.set(uri, { problems: list, diagnostics: () => list.flatMap((p) => toDiagnostic(snapshot, p, docsBase) ?? []) });
    if (config) current.set(config.uri, { problems: undefined, diagnostics: () => config.problems.map((p) => configDiagnostic(config.lineStarts, p)) });
    for (const [uri, { problems: list, diagnostics: make }] of current) {
      const last = this.published.get(uri);
      if (list && last?.problems === list) continue;
      const diagnostics = make();
      const json = JSON.stringify(diagnostics);
      if (last?.json === json) {
        last.problems = list;
        continue;
      }
      this.published.set(uri, { problems: list, json });
      this.send({ uri, diagnostics });
    }
    for (const uri of [...this.published.keys()]) {
      if (current.has(uri)) continue;
      this.published.delete(uri);
      this.send({ uri, diagnostics: [] });
    }
  }
}
