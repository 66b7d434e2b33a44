// parseOkr: text → OkrFile. Lexes the whole document once, then parses it line by line.
import type { IToken, TokenType } from 'chevrotain';
import type { Comment, OkrFile, SyntaxProblem } from './ast';
import { FileBuilder } from './build';
import { LineParser, offsetOf, tokenTypesOfNewline } from './parser';
import { createTokenInstance, tokenMatcher } from 'chevrotain';
import type { Statement } from './statements';
import type { Word } from './ast';
import { Colon, Comment as CommentToken, Identifier, Kw, Name, NumberLiteral, okrLexer } from './tokens';
import { describeCharacter, notText } from '../encoding';
import { positionAt } from '../text';

export * from './ast';

let sharedParser: LineParser | undefined;

/** One parser instance for the process: chevrotain parsers are costly to build and cheap to reuse. */
function parser(): LineParser {
  return (sharedParser ??= new LineParser());
}

export function parseOkr(text: string): OkrFile {
  const lineStarts = computeLineStarts(text);
  const problems: SyntaxProblem[] = [];
  const comments: Comment[] = [];
  const builder = new FileBuilder(problems, comments);
  // Binary data read as text would make a syntax error of nearly every line and, by chance, an
  // id or two: it is read as an empty plan, and the encoding rule gives the one reason.
  const binary = notText(text);
  if (binary) return { ...builder.finish(lineStarts, text.length), notText: binary };
  const lexed = okrLexer.tokenize(text);
  const lineParser = parser();
  lineParser.fullText = text;

  // Unknown characters become Unknown tokens; what the lexer still skips are the characters no
  // token may start with: line or page breaks and spaces other than space, tab, LF and CR.
  // A line with one of them counts as broken (its statement may be cut short), and gets one problem.
  const unreadable = new Set<number>();
  for (const error of lexed.errors) {
    const line = positionAt(lineStarts, error.offset).line;
    if (unreadable.has(line)) continue; // One problem per line is enough to fix it.
    unreadable.add(line);
    problems.push({ message: unexpectedCharacter(text[error.offset] ?? ''), span: { start: error.offset | 0, end: (error.offset | 0) + Math.max(1, error.length) } });
  }

  const tokens = lexed.tokens;
  let lineTokens: IToken[] = [];
  let line = 0;
  const flush = (lineEnd: number) => {
    if (lineTokens.length > 0) parseLine(lineParser, lineTokens, lineEnd, builder, problems, comments, unreadable.has(line));
    lineTokens = [];
  };
  for (const token of tokens) {
    if (tokenTypesOfNewline.has(token.tokenType)) {
      flush(token.startOffset);
      line++;
      continue;
    }
    lineTokens.push(token);
  }
  flush(lineEndOf(text, lineStarts, lineStarts.length - 1));
  return builder.finish(lineStarts, text.length);
}

function parseLine(
  lineParser: LineParser,
  tokens: IToken[],
  lineEnd: number,
  builder: FileBuilder,
  problems: SyntaxProblem[],
  comments: Comment[],
  unreadable: boolean,
): void {
  const last = tokens[tokens.length - 1]!;
  if (tokenMatcher(last, CommentToken)) {
    comments.push({ text: last.image, span: { start: offsetOf(last), end: offsetOf(last) + last.image.length } });
    if (tokens.length === 1) return;
  }
  lineParser.input = tokens;
  let statement = lineParser.statement();
  const error = lineParser.errors[0];
  // `aligns with a1` (a wrong word where `to` goes, then the ids): recovery would insert `to`
  // before `with` and read `with` as the first id, so the line would also get an unknown
  // reference at the same place. The line's one problem is the syntax error; its ids are the
  // ones after the wrong word, read as if `to` had been written, so the alignment still counts.
  if (error && wrongWordForTo(tokens)) {
    const wrong = tokens[1]!;
    const to = createTokenInstance(Kw.to, 'to', wrong.startOffset, wrong.startOffset + 1, NaN, NaN, NaN, NaN);
    lineParser.input = [tokens[0]!, to, ...tokens.slice(2)];
    statement = lineParser.statement();
  }
  // One diagnostic per broken line: an unreadable character already speaks for it.
  if (error && !unreadable) {
    // One diagnostic per broken line: the first error names what was expected.
    const token = error.token;
    const offending = Number.isNaN(token.startOffset) ? last : token;
    const start = Number.isNaN(offending.startOffset) ? offsetOf(last) : offsetOf(offending);
    const end = token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset) ? Math.max(start + 1, lineEnd) : start + Math.max(1, offending.image.length);
    const atEnd = token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset);
    problems.push({
      message: unitWordsMessage(tokens, token) ?? error.message,
      span: atEnd ? { start: Math.max(offsetOf(tokens[0]!), lineEnd - 1), end: lineEnd } : { start, end },
    });
  }
  const usable = error ? salvageBlockStatement(tokens, statement, lineParser.fullText) : statement;
  if (usable) builder.add(usable, lineEnd, error !== undefined || unreadable);
}

const QUANTITY_STATEMENTS: ReadonlySet<TokenType> = new Set([Kw.from, Kw.target, Kw.keep, Kw.current, Kw.checkin]);
/** Words people put between a unit and what it is per: `croissants a week`. */
const RATE_WORDS = new Set(['a', 'an', 'each', 'every', 'per']);

/**
 * `target 10 new signups`, `target 500 croissants a week`: more words after a unit. Says what a
 * unit may be and how to write this one (hyphens join words; `X per Y` is a rate), rather than
 * "Unexpected 'signups'". Undefined when the line is broken some other way.
 */
function unitWordsMessage(tokens: readonly IToken[], offending: IToken): string | undefined {
  if (!QUANTITY_STATEMENTS.has(tokens[0]!.tokenType)) return undefined;
  const at = tokens.indexOf(offending);
  const unit = tokens[at - 1];
  if (at < 2 || !unit || unit.tokenType !== Identifier || tokens[at - 2]!.tokenType !== NumberLiteral) return undefined;
  const words = [unit];
  for (const token of tokens.slice(at)) {
    if (token.tokenType !== Identifier && !tokenMatcher(token, Name)) break;
    words.push(token);
  }
  if (words.length < 2) return undefined;
  const texts = words.map((w) => w.image);
  const written = texts.join(' ');
  if (texts[texts.length - 1] === 'per') return `\`${written}\` needs what it is per: write a rate such as \`${texts.slice(0, -1).join('-')} per week\``;
  const suggestion = texts.length === 3 && RATE_WORDS.has(texts[1]!.toLowerCase()) ? `${texts[0]} per ${texts[2]}` : texts.join('-');
  return `\`${written}\` is not a unit: a unit is one word (\`signups\`), a currency (\`$M\`), \`%\`, or a rate (\`croissants per week\`). Write \`${suggestion}\``;
}

/** Words written in place of `to` (`aligns with`), even with no id after them. */
const NOT_TO = new Set(['with', 'towards', 'toward', 'into', 'onto', 'under', 'for', 'on', 'at', 'in', 'by', 'from', 'up']);

/**
 * `aligns with a1`, `contributes towards a1.k`, `aligns with`: a word in place of `to`, followed
 * by an id or known as such a word. `aligns a1, b` and `contributes a1.k` only lack the `to`: the
 * parser's recovery reads them.
 */
function wrongWordForTo(tokens: readonly IToken[]): boolean {
  const [keyword, second, third] = tokens;
  if (!keyword || !second) return false;
  if (keyword.tokenType !== Kw.aligns && keyword.tokenType !== Kw.contributes) return false;
  if (second.tokenType === Kw.to || !tokenMatcher(second, Name)) return false;
  return third ? tokenMatcher(third, Name) : NOT_TO.has(second.image.toLowerCase());
}

/**
 * A broken `objective`, `kr` or `strategy` line still opens its block, so that the attribute
 * lines below it are not wrongly given to the block before. Its id and title are taken from what
 * is there; the line's syntax problem is reported all the same.
 */
function salvageBlockStatement(tokens: IToken[], parsed: Statement | undefined, text: string): Statement | undefined {
  const first = tokens[0]!;
  const kind = first.tokenType === Kw.objective ? 'objective' : first.tokenType === Kw.kr ? 'kr' : first.tokenType === Kw.strategy ? 'strategy' : undefined;
  if (!kind) return parsed;
  if (parsed && parsed.kind === kind && parsed.id && parsed.title?.text) return parsed;
  const second = tokens[1];
  const id = second && tokenMatcher(second, Name) ? { text: second.image, span: { start: offsetOf(second), end: offsetOf(second) + second.image.length } } : undefined;
  const rest = tokens.slice(id ? 2 : 1).filter((t) => !tokenMatcher(t, CommentToken));
  let title: Word | undefined;
  if (rest.length > 0) {
    const startToken = rest[0]!.tokenType === Colon ? rest[1] : rest[0];
    const lastToken = rest[rest.length - 1]!;
    if (startToken) {
      const start = offsetOf(startToken);
      const end = offsetOf(lastToken) + lastToken.image.length;
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed) title = { text: trimmed, span: { start: start + lead, end: start + lead + trimmed.length } };
    }
  }
  const keyword = { start: offsetOf(first), end: offsetOf(first) + first.image.length };
  const end = title?.span.end ?? id?.span.end ?? keyword.end;
  return { kind, keyword, span: { start: keyword.start, end }, id, title } as Statement;
}

function unexpectedCharacter(char: string): string {
  const described = describeCharacter(char);
  return `${described[0]!.toUpperCase()}${described.slice(1)} cannot stand here: words are separated by spaces and tabs, and lines end with LF, CRLF or CR`;
}

/**
 * Where each line starts. A line ends at `\n`, `\r\n` or a lone `\r`, as the Language Server
 * Protocol counts lines: a client that follows the specification numbers them the same way.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offset where a line's text ends (before its `\n`, `\r\n` or `\r`). */
export function lineEndOf(text: string, lineStarts: readonly number[], line: number): number {
  if (line + 1 >= lineStarts.length) return text.length;
  const next = lineStarts[line + 1]!;
  return text[next - 1] === '\n' && text[next - 2] === '\r' ? next - 2 : next - 1;
}
