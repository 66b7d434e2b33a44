// Diagnostics: the analysis' problems as LSP diagnostics, published for every indexed file (open
// or not) whenever the workspace changes. Only files whose diagnostics changed are re-sent.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Problem, Severity } from '../core';
import type { ServerContext } from '../context';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

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
  private readonly published = new Map<string, string>();

  constructor(private readonly context: ServerContext) {}

  publish(): void {
    const { problems } = this.context.analyzer.analyse();
    for (const [uri, list] of problems) {
      const diagnostics = list.flatMap((p) => toDiagnostic(this.context, p) ?? []);
      const key = JSON.stringify(diagnostics);
      if (this.published.get(uri) === key) continue;
      this.published.set(uri, key);
      void this.context.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of [...this.published.keys()]) {
      if (problems.has(uri)) continue;
      this.published.delete(uri);
      void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
