// Offsets ↔ line/character positions. Characters are UTF-16 code units, as in LSP and in
// JavaScript strings, so an offset maps to a position without re-encoding.
import type { Span } from './syntax/ast';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineStarts[low]! };
}

export function offsetAt(lineStarts: readonly number[], textLength: number, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return textLength;
  const lineStart = lineStarts[position.line]!;
  const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1]! : textLength;
  return Math.min(lineStart + Math.max(0, position.character), next);
}

export function rangeOf(lineStarts: readonly number[], span: Span): Range {
  return { start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) };
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
