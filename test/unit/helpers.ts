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
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

export function slice(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}
