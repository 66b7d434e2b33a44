// The formatter: canonical indentation and spacing, nothing else. Objective and strategy lines
// start at column 0, objective attributes and `kr` lines at 2, key result attributes at 4;
// whitespace between tokens becomes one space (none before `,` `.` `:` and none where the author
// wrote none, as in `35%` or `$80M`). Titles, notes, why-lines and comments are copied as they are.
// A line that does not parse is left exactly as it is, and a file that is not text (`notText`)
// is not touched at all. Formatting twice changes nothing more.
//
// Trailing comments are aligned as gofmt aligns them: on consecutive lines that each end in a
// comment, the comments start in one column, one space after the longest line's text; a lone
// trailing comment is one space after its line. Any line without one (blank, an own-line comment,
// a line left as it is) ends the run. One canonical answer, whatever spacing the author typed, so
// that `okr fmt --check` agrees with every editor; and a column, so that comments annotating a list
// of values still read as a column.
import type { IToken } from 'chevrotain';
import { computeLineStarts, lineEndOf } from './syntax';
import { positionAt } from './text';
import { notText } from './encoding';
import { LineParser, tokenTypesOfNewline } from './syntax/parser';
import * as T from './syntax/tokens';

export interface TextEdit {
  /** Offsets into the original text. */
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface FormatOptions {
  /** Spaces per level (default 2); `insertSpaces: false` indents with tabs. */
  readonly tabSize?: number;
  readonly insertSpaces?: boolean;
}

const OBJECTIVE_ATTRIBUTES = new Set([T.Kw.level, T.Kw.owner, T.Kw.period, T.Kw.aligns, T.Kw.why, T.Kw.committed, T.Kw.aspirational, T.Kw.kr, T.Kw.grade, T.Kw.status, T.Kw.learned]);
const KEY_RESULT_ATTRIBUTES = new Set([T.Kw.from, T.Kw.target, T.Kw.keep, T.Kw.current, T.Kw.checkin, T.Kw.contributes, T.Kw.rollup, T.Kw.weight, T.Kw.step]);
/** Statements that belong to the open key result, else the open objective (as `owner`). */
const KEY_RESULT_OR_OBJECTIVE = new Set([T.Kw.owner, T.Kw.grade, T.Kw.status, T.Kw.learned]);
const NO_SPACE_BEFORE = new Set([T.Comma, T.Dot, T.Colon, T.Range]);
const NO_SPACE_AFTER = new Set([T.Dot, T.Range]);

let parser: LineParser | undefined;

/** Edits that format the lines from `fromLine` to `toLine` (inclusive; all by default). */
export function formatEdits(text: string, options: FormatOptions = {}, fromLine = 0, toLine = Number.MAX_SAFE_INTEGER): TextEdit[] {
  if (notText(text)) return [];
  const unit = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize ?? 2);
  const lineStarts = computeLineStarts(text);
  const lexed = T.okrLexer.tokenize(text);
  const tokens = lexed.tokens;
  // A character the lexer cannot read (a lone CR, a vertical tab) makes its line unreadable too.
  const unreadable = new Set(lexed.errors.map((error) => lineOf(lineStarts, error.offset)));
  const lines = new Map<number, IToken[]>();
  let line = 0;
  for (const token of tokens) {
    if (tokenTypesOfNewline.has(token.tokenType)) {
      line = lineOf(lineStarts, token.startOffset) + 1;
      continue;
    }
    line = lineOf(lineStarts, token.startOffset);
    const list = lines.get(line) ?? [];
    list.push(token);
    lines.set(line, list);
  }

  // Every line is formatted first (the runs of trailing comments to align can reach past the
  // lines asked for), then the edits are kept for the lines asked for.
  const formatted: (Formatted | undefined)[] = [];
  let depth = 0; // 0: file level, 1: inside an objective, 2: inside a key result
  parser ??= new LineParser();
  parser.fullText = text;
  for (let index = 0; index < lineStarts.length; index++) {
    const lineTokens = lines.get(index) ?? [];
    const first = lineTokens[0];
    let level = depth;
    if (first) {
      const type = first.tokenType;
      if (type === T.Kw.objective) (level = 0), (depth = 1);
      else if (type === T.Kw.strategy) (level = 0), (depth = 0);
      else if (type === T.Kw.kr) (level = depth > 0 ? 1 : 0), (depth = depth > 0 ? 2 : depth);
      else if (KEY_RESULT_ATTRIBUTES.has(type)) level = depth === 2 ? 2 : depth;
      else if (OBJECTIVE_ATTRIBUTES.has(type)) level = depth > 0 ? (KEY_RESULT_OR_OBJECTIVE.has(type) && depth === 2 ? 2 : 1) : 0;
      else if (tokenMatchesComment(first)) level = commentLevel(lines, index, depth);
    }
    if (unreadable.has(index)) continue;
    const indent = unit.repeat(level);
    const width = level * (options.tabSize ?? 2);
    if (!first) formatted[index] = { text: '' };
    else if (tokenMatchesComment(first)) formatted[index] = { text: indent + first.image.trimEnd() };
    else {
      parser.input = lineTokens;
      parser.statement();
      if (parser.errors.length > 0) continue; // Never rewrite a line we cannot read.
      const last = lineTokens[lineTokens.length - 1]!;
      if (tokenMatchesComment(last)) {
        const code = joinTokens(text, lineTokens.slice(0, -1));
        formatted[index] = { text: indent + code, width: width + [...code].length, comment: last.image.trimEnd() };
      } else formatted[index] = { text: indent + joinTokens(text, lineTokens) };
    }
  }
  alignTrailingComments(formatted);

  const edits: TextEdit[] = [];
  const last = Math.min(toLine, lineStarts.length - 1);
  for (let index = Math.max(fromLine, 0); index <= last; index++) {
    const line = formatted[index];
    if (!line) continue;
    // A byte order mark is not indentation: it stays where it is.
    const start = index === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStarts[index]!;
    const end = lineEndOf(text, lineStarts, index);
    // A line emptied between a lone CR and an LF would join them into one CRLF line break, and
    // lose a line: such a line keeps its spaces.
    if (line.text === '' && text[start - 1] === '\r' && text[end] === '\n') continue;
    if (line.text !== text.slice(start, end)) edits.push({ start, end, newText: line.text });
  }
  return edits;
}

/** A formatted line: its text, and for a statement ending in a comment, the comment apart. */
interface Formatted {
  /** The whole line, or the statement before its trailing comment. */
  text: string;
  /** The trailing comment, to be placed after `text` by `alignTrailingComments`. */
  comment?: string;
  /** The columns `text` takes, a tab counting as `tabSize`. */
  width?: number;
}

/** Puts the trailing comments of each run of consecutive lines that have one into one column. */
function alignTrailingComments(formatted: (Formatted | undefined)[]): void {
  for (let start = 0; start < formatted.length; ) {
    if (formatted[start]?.comment === undefined) {
      start++;
      continue;
    }
    let end = start;
    while (formatted[end + 1]?.comment !== undefined) end++;
    const run = formatted.slice(start, end + 1) as Required<Formatted>[];
    const column = Math.max(...run.map((line) => line.width)) + 1;
    for (const line of run) line.text += ' '.repeat(column - line.width) + line.comment;
    start = end + 1;
  }
}

/** The formatted text (for the command line and tests). */
export function formatText(text: string, options?: FormatOptions): string {
  let result = '';
  let at = 0;
  for (const edit of formatEdits(text, options)) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

function joinTokens(text: string, tokens: IToken[]): string {
  let out = '';
  let previous: IToken | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.tokenType === T.TextChunk) {
      // Free text is copied exactly, from its first chunk to its last.
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.tokenType === T.TextChunk) j++;
      const last = tokens[j]!;
      const raw = text.slice(token.startOffset, last.startOffset + last.image.length).trim();
      // Blank free text (spaces before a comment or the end of the line) adds nothing: one space
      // now would be read back as free text and doubled by the next formatting.
      if (raw) out += (previous ? ' ' : '') + raw;
      previous = last;
      i = j;
      continue;
    }
    if (previous) {
      const gap = token.startOffset - (previous.startOffset + previous.image.length);
      const tight = NO_SPACE_BEFORE.has(token.tokenType) || NO_SPACE_AFTER.has(previous.tokenType);
      const forced = previous.tokenType === T.Comma || previous.tokenType === T.Colon || tokenMatchesComment(token);
      if (!tight && (gap > 0 || forced)) out += ' ';
    }
    out += tokenMatchesComment(token) ? token.image.trimEnd() : token.image;
    previous = token;
  }
  return out;
}

/** An own-line comment is indented like the statement after it (a blank line ends the lookahead). */
function commentLevel(lines: Map<number, IToken[]>, index: number, depth: number): number {
  for (let next = index + 1; ; next++) {
    const tokens = lines.get(next);
    if (!tokens) return depth === 0 ? 0 : Math.min(depth, 1);
    const first = tokens[0]!;
    if (tokenMatchesComment(first)) continue;
    if (first.tokenType === T.Kw.objective || first.tokenType === T.Kw.strategy) return 0;
    if (first.tokenType === T.Kw.kr) return depth > 0 ? 1 : 0;
    if (KEY_RESULT_ATTRIBUTES.has(first.tokenType)) return depth === 2 ? 2 : depth;
    return depth > 0 ? 1 : 0;
  }
}

function tokenMatchesComment(token: IToken): boolean {
  return token.tokenType === T.Comment || token.tokenType === T.TextComment;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  return positionAt(lineStarts, offset).line;
}
