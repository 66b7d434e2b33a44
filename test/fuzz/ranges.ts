// What an editor checks in every answer: each range and position lies inside its document, edits
// do not overlap, numbers are numbers. The line model is written here from the language's rules
// (a line ends at LF, CRLF or a lone CR, as the protocol counts lines), independently of the server's own
// conversion code, so that the two can disagree.
import type { Files } from './arbitraries';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A document's lines, as an editor numbers them. */
export class Lines {
  private readonly starts: number[] = [0];
  private readonly lengths: number[] = [];

  constructor(readonly text: string) {
    // A line ends at LF, CRLF or a lone CR: the three line breaks of the protocol.
    const breaks = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      this.lengths.push(match.index - start);
      start = match.index + match[0].length;
      this.starts.push(start);
    }
    this.lengths.push(text.length - start);
  }

  get count(): number {
    return this.lengths.length;
  }

  length(line: number): number {
    return this.lengths[line]!;
  }

  /** Why the position is not in the document, or undefined when it is. */
  check(position: Position): string | undefined {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character)) return `${show(position)} is not made of integers`;
    if (line < 0 || line >= this.count) return `${show(position)}: line outside 0..${this.count - 1}`;
    if (character < 0 || character > this.length(line)) return `${show(position)}: character outside 0..${this.length(line)} (line ${line})`;
    return undefined;
  }

  offset(position: Position): number {
    return this.starts[position.line]! + position.character;
  }

  position(offset: number): Position {
    let line = 0;
    while (line + 1 < this.starts.length && this.starts[line + 1]! <= offset) line++;
    return { line, character: Math.min(offset - this.starts[line]!, this.length(line)) };
  }
}

export function show(value: Position | Range): string {
  return 'start' in value ? `${show(value.start)}-${show(value.end)}` : `${value.line}:${value.character}`;
}

export const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number' && Object.keys(value).length === 2;

export const isRange = (value: unknown): value is Range =>
  typeof value === 'object' && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);

export const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
export const contains = (range: Range, position: Position) => before(range.start, position) && before(position, range.end);
export const within = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** Words that only a bug can put into an answer (the generated documents never contain them). */
const GARBAGE = /\b(?:NaN|undefined|Infinity|null)\b|\[object /;

/**
 * Everything wrong with the ranges, positions, edits and numbers of an answer about `uri`:
 * Locations and workspace edits are checked against their own documents; a range anywhere else
 * against `uri`. Returns a list of complaints, empty when all is well.
 */
export function problemsOf(answer: unknown, uri: string, files: Files, options: { words?: boolean } = {}): string[] {
  const lines = new Map<string, Lines>();
  const linesOf = (u: string) => {
    const text = files[u];
    if (text === undefined) return undefined;
    let found = lines.get(u);
    if (!found) lines.set(u, (found = new Lines(text)));
    return found;
  };
  const complaints: string[] = [];
  const complain = (path: string, message: string): void => {
    complaints.push(`${path}: ${message}`);
  };
  const checkRange = (path: string, range: Range, u: string) => {
    const doc = linesOf(u);
    if (!doc) return complain(path, `a range in ${u}, which is not in the workspace`);
    const bad = doc.check(range.start) ?? doc.check(range.end);
    if (bad) return complain(path, `${bad} in ${u}`);
    if (!before(range.start, range.end)) complain(path, `${show(range)} ends before it starts`);
  };
  const checkEdits = (path: string, edits: readonly TextEdit[], u: string) => {
    // Two insertions at one place are allowed (they apply in array order); anything else must not overlap.
    const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      if (!before(a.range.end, b.range.start)) {
        complain(path, `edits ${show(a.range)} and ${show(b.range)} in ${u} overlap`);
      }
    }
  };

  const walk = (value: unknown, path: string, u: string): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) complain(path, `the number ${value}`);
      return;
    }
    if (typeof value === 'string') {
      if (options.words !== false && GARBAGE.test(value)) complain(path, `the text ${JSON.stringify(value.slice(0, 200))}`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`, u));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (isPosition(value)) {
      const doc = linesOf(u);
      const bad = doc ? doc.check(value) : `a position in ${u}, which is not in the workspace`;
      if (bad) complain(path, bad);
      return;
    }
    if (isRange(value)) return checkRange(path, value, u);
    const object = value as Record<string, unknown>;
    // A Location, a tree node's location: what it holds is in its own document.
    const own = typeof object.uri === 'string' ? object.uri : u;
    // A tree node's problems are on lines of the node's document.
    const node = (object.location as { uri?: unknown } | undefined)?.uri;
    if (typeof object.startLine === 'number' && typeof object.endLine === 'number') {
      const doc = linesOf(own);
      if (!doc) complain(path, `lines of ${own}, which is not in the workspace`);
      else if (object.startLine < 0 || object.endLine >= doc.count || object.startLine > object.endLine) complain(path, `lines ${object.startLine}..${object.endLine} of ${doc.count}`);
    }
    if (typeof object.rule === 'string' && typeof object.line === 'number') {
      const doc = linesOf(u);
      if (doc && (object.line < 0 || object.line >= doc.count)) complain(path, `problem line ${object.line} of ${doc.count}`);
    }
    if (isRange(object.range) && isRange(object.selectionRange) && !within(object.selectionRange, object.range)) {
      complain(path, `selectionRange ${show(object.selectionRange)} is not inside range ${show(object.range)}`);
    }
    if (object.changes && typeof object.changes === 'object') {
      for (const [changed, edits] of Object.entries(object.changes as Record<string, TextEdit[]>)) {
        walk(edits, `${path}.changes[${changed}]`, changed);
        checkEdits(`${path}.changes[${changed}]`, edits, changed);
      }
    }
    if (Array.isArray(object.data) && Object.keys(object).every((k) => k === 'data' || k === 'resultId')) {
      semanticTokenProblems(object.data as number[], linesOf(u)).forEach((m) => complain(`${path}.data`, m));
      return;
    }
    for (const [k, child] of Object.entries(object)) {
      if (k === 'changes') continue;
      const where =
        k === 'targetRange' || k === 'targetSelectionRange' ? String(object.targetUri) :
        k === 'problems' && typeof node === 'string' ? node :
        k === 'originSelectionRange' ? u : own;
      walk(child, `${path}.${k}`, where);
    }
  };
  walk(answer, '', uri);
  if (Array.isArray(answer) && answer.length > 0 && answer.every(isTextEdit)) checkEdits('', answer, uri);
  return complaints;
}

const isTextEdit = (value: unknown): value is TextEdit => typeof value === 'object' && value !== null && isRange((value as TextEdit).range) && typeof (value as TextEdit).newText === 'string';

/** Semantic tokens (relative encoding): each token on one line of the document, in order. */
function semanticTokenProblems(data: number[], doc: Lines | undefined): string[] {
  if (!doc) return ['semantic tokens of a document not in the workspace'];
  if (data.length % 5 !== 0) return [`${data.length} numbers: not a multiple of 5`];
  const problems: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (deltaLine < 0 || deltaStart < 0 || length <= 0) problems.push(`token ${i / 5}: negative delta or empty token`);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    if (line >= doc.count || character + length > doc.length(line)) problems.push(`token ${i / 5} at ${line}:${character} (length ${length}) is outside its line`);
  }
  return problems;
}

/** Applies LSP text edits (ranges in the original text) to the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new Lines(text);
  const sorted = [...edits].sort((a, b) => lines.offset(b.range.start) - lines.offset(a.range.start) || lines.offset(b.range.end) - lines.offset(a.range.end));
  let result = text;
  for (const edit of sorted) result = result.slice(0, lines.offset(edit.range.start)) + edit.newText + result.slice(lines.offset(edit.range.end));
  return result;
}

/** Whether an answer has the words that only a bug can put there; skipped when the input itself has them. */
export function mayCheckWords(files: Files): boolean {
  return !Object.values(files).some((text) => GARBAGE.test(text));
}
