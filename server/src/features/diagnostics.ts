// Diagnostics: the analysis' problems as LSP diagnostics, published for every indexed file (open
// or not) whenever the workspace changes. Only files whose diagnostics changed are re-sent.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { rangeOf, type ConfigProblem, type Problem, type Severity } from '../core';
import type { ServerContext } from '../context';

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

export function toDiagnostic(context: ServerContext, problem: Problem): Diagnostic | undefined {
  const range = context.range(problem.uri, problem.span);
  if (!range) return undefined;
  const diagnostic: Diagnostic = {
    range,
    severity: severities[problem.severity],
    code: problem.rule,
    source: 'okr',
    message: problem.message,
  };
  if (context.docsBase) diagnostic.codeDescription = { href: `${context.docsBase}${problem.rule}.md` };
  if (problem.related?.length) {
    diagnostic.relatedInformation = problem.related.flatMap((related) => {
      const relatedRange = context.range(related.uri, related.span);
      return relatedRange ? [{ location: { uri: related.uri, range: relatedRange }, message: related.message }] : [];
    });
  }
  if (problem.data !== undefined) diagnostic.data = problem.data;
  return diagnostic;
}

export class DiagnosticsPublisher {
  /** Per file: the problems last published (the analysis keeps a file's array while it is unchanged) and their JSON. */
  private readonly published = new Map<string, { problems: readonly Problem[] | undefined; json: string }>();

  constructor(private readonly context: ServerContext) {}

  publish(): void {
    const { problems } = this.context.analyzer.analyse();
    const current = new Map<string, { problems: readonly Problem[] | undefined; diagnostics: () => Diagnostic[] }>();
    for (const [uri, list] of problems) current.set(uri, { problems: list, diagnostics: () => list.flatMap((p) => toDiagnostic(this.context, p) ?? []) });
    const config = this.context.config;
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
      void this.context.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of [...this.published.keys()]) {
      if (current.has(uri)) continue;
      this.published.delete(uri);
      void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
