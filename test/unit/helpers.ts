// Helpers for unit tests of the core: documents written inline, positions as line:column.
import { parseOkr, type OkrFile, type Span } from '../../server/src/core/syntax';

/** Strips the common indentation of a template literal, so fixtures can be indented in code. */
export function okr(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values);
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)![0].length);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n');
}

export function parse(text: string): OkrFile {
  return parseOkr(text);
}

/** `line:col` (both 1-based, as editors show them) of an offset. */
export function at(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

export function slice(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}

import { Analyzer, WorkspaceIndex, positionAt, type Problem } from '../../server/src/core';
import type { AnalysisConfig } from '../../server/src/core/config';

export interface AnalysedWorkspace {
  index: WorkspaceIndex;
  analyzer: Analyzer;
  problems: Problem[];
  /** `file:line:col rule` for each problem, sorted: easy to compare in assertions. */
  summary: string[];
  /** Problems of one rule. */
  of(rule: string): Problem[];
  /** `summary` lines of the given rules only. */
  lines(...rules: string[]): string[];
}

/** Indexes the given files (name → text) and runs the analysis. */
export function analyse(files: Record<string, string>, config?: AnalysisConfig): AnalysedWorkspace {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) index.set(uriOf(name), text);
  const analyzer = new Analyzer(index);
  if (config) analyzer.setConfig(config);
  const result = analyzer.analyse();
  const problems = [...result.problems.values()].flat();
  const summary = problems
    .map((p) => {
      const document = index.get(p.uri)!;
      const position = positionAt(document.file.lineStarts, p.span.start);
      return `${p.uri.replace('file:///ws/', '')}:${position.line + 1}:${position.character + 1} ${p.rule}`;
    })
    .sort();
  return {
    index,
    analyzer,
    problems,
    summary,
    of: (rule) => problems.filter((p) => p.rule === rule),
    lines: (...rules) => summary.filter((line) => rules.includes(line.slice(line.lastIndexOf(' ') + 1))),
  };
}

export function uriOf(name: string): string {
  return `file:///ws/${name}`;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A path in the repository (tests run from its root). */
export function repoPath(...parts: string[]): string {
  return resolve(process.cwd(), ...parts);
}

/** Reads every .okr file under a folder (e.g. a sample workspace) as name → text. */
export function readFolder(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, readFolder(full, `${prefix}${entry.name}/`));
    else if (entry.name.endsWith('.okr')) files[`${prefix}${entry.name}`] = readFileSync(full, 'utf8');
  }
  return files;
}
