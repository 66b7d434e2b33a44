// `okr check`: the editor's diagnostics for CI. Compiler-style lines (`file:line:col severity
// message (rule)`), JSON, or SARIF 2.1.0 for code-scanning annotations.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { positionAt, rules, type Problem, type Severity } from '../core';
import { plural } from '../core/util/plural';
import type { LoadedWorkspace } from './workspace';
import { paint, type Paint } from './paint';
import { terminalJson, terminalText } from './terminal';

export interface Located {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
  readonly related: readonly { file: string; line: number; column: number; message: string }[];
}

export interface CheckResult {
  readonly problems: readonly Located[];
  readonly files: number;
  readonly counts: Readonly<Record<Severity, number>>;
}

/** The problems of every workspace, as one report sorted by file and place. */
export function check(workspaces: readonly LoadedWorkspace[]): CheckResult {
  const problems: Located[] = [];
  let files = 0;
  for (const { index, analyzer, paths } of workspaces) {
    const where = (uri: string, offset: number) => {
      const document = index.get(uri);
      const position = document ? positionAt(document.file.lineStarts, offset) : { line: 0, character: 0 };
      return { file: paths.get(uri) ?? URI.parse(uri).fsPath, line: position.line + 1, column: position.character + 1 };
    };
    for (const [uri, list] of analyzer.analyse().problems) {
      for (const problem of list) problems.push(locate(problem, where(uri, problem.span.start), where(uri, problem.span.end), where));
    }
    files += index.size;
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const p of problems) counts[p.severity]++;
  return { problems, files, counts };
}

function locate(problem: Problem, start: { file: string; line: number; column: number }, end: { line: number; column: number }, where: (uri: string, offset: number) => { file: string; line: number; column: number }): Located {
  return {
    ...start,
    endLine: end.line,
    endColumn: end.column,
    severity: problem.severity,
    rule: problem.rule,
    message: problem.message,
    related: (problem.related ?? []).map((r) => ({ ...where(r.uri, r.span.start), message: r.message })),
  };
}

export function formatText(result: CheckResult, color: boolean): string {
  const c = paint(color);
  const tone: Record<Severity, Paint> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  // File names and messages (which quote titles and ids) are user text: written as text only.
  const lines = result.problems.map((p) => `${c.bold(`${terminalText(p.file)}:${p.line}:${p.column}`)} ${tone[p.severity](p.severity)} ${terminalText(p.message)} ${c.dim(`(${p.rule})`)}`);
  lines.push('', summary(result, c));
  return `${lines.join('\n')}\n`;
}

export function summary(result: CheckResult, c = paint(false)): string {
  const { counts, files } = result;
  const total = result.problems.length;
  const inFiles = plural(files, 'file');
  if (!total) return c.green(`✔ no problems in ${inFiles}`);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info', 'info'), plural(counts.hint, 'hint')];
  const text = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${inFiles}`;
  return counts.error ? c.red(text) : c.yellow(text);
}

export function formatJson(result: CheckResult): string {
  return `${terminalJson(JSON.stringify({ files: result.files, counts: result.counts, problems: result.problems }, null, 2))}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, the rules with their metadata, a result per problem, paths relative to %SRCROOT%. */
export function formatSarif(result: CheckResult, cwd: string, version: string): string {
  const ruleIndex = new Map<string, number>(rules.map((rule, i) => [rule.meta.id, i]));
  const location = (file: string, line: number, column: number, endLine?: number, endColumn?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: file.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column, ...(endLine ? { endLine, endColumn } : {}) },
    },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'okr',
            version,
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              helpUri: `docs/rules/${rule.meta.id}.md`,
              defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
              properties: { category: rule.meta.category },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: URI.file(cwd).toString().replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: result.problems.map((p) => ({
          ruleId: p.rule,
          ...(ruleIndex.has(p.rule) ? { ruleIndex: ruleIndex.get(p.rule) } : {}),
          level: SARIF_LEVEL[p.severity],
          message: { text: p.message },
          locations: [location(p.file, p.line, p.column, p.endLine, p.endColumn)],
          ...(p.related.length ? { relatedLocations: p.related.map((r, id) => ({ id, ...location(r.file, r.line, r.column), message: { text: r.message } })) } : {}),
        })),
      },
    ],
  };
  return `${terminalJson(JSON.stringify(log, null, 2))}\n`;
}
