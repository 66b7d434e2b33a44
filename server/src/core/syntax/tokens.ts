// The tokens of the .okr language and the lexer. Two lexer modes: `structure` for the keyword-led
// part of a line and `text` for the free text after a `:` (titles, `why:`, check-in notes), which
// runs to the end of the line. Inside free text a comment starts only at `# ` so that `#42` stays
// part of a title.
import { createToken, Lexer, type TokenType } from 'chevrotain';

/** Anything usable as an id: identifiers, and keywords too (an objective may be called `target`). */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, label: 'an id' });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF-]*/,
  categories: [Name],
  label: 'an id',
});

function keyword(word: string): TokenType {
  return createToken({
    name: `Kw_${word}`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [Name],
    label: `'${word}'`,
  });
}

export const Kw = {
  period: keyword('period'),
  level: keyword('level'),
  owner: keyword('owner'),
  strategy: keyword('strategy'),
  objective: keyword('objective'),
  aligns: keyword('aligns'),
  to: keyword('to'),
  why: keyword('why'),
  committed: keyword('committed'),
  aspirational: keyword('aspirational'),
  kr: keyword('kr'),
  from: keyword('from'),
  target: keyword('target'),
  keep: keyword('keep'),
  above: keyword('above'),
  below: keyword('below'),
  current: keyword('current'),
  checkin: keyword('checkin'),
  confidence: keyword('confidence'),
  contributes: keyword('contributes'),
  rollup: keyword('rollup'),
  sum: keyword('sum'),
  weight: keyword('weight'),
  grade: keyword('grade'),
  status: keyword('status'),
  learned: keyword('learned'),
  step: keyword('step'),
} as const;

/** The keywords that begin a statement, in the order the docs list them. */
export const statementKeywords = [
  'period', 'level', 'owner', 'strategy', 'objective', 'aligns to', 'why:', 'committed', 'aspirational',
  'kr', 'from', 'target', 'keep above', 'keep below', 'current', 'checkin', 'contributes to', 'rollup sum', 'weight',
  'step', 'grade', 'status', 'learned:',
] as const;

/** The closing statuses (`status done`, …, `status carried over to 2026-Q2`): words, not keywords. */
export const closingStatuses = ['done', 'missed', 'dropped', 'carried'] as const;

/** A line break as the Language Server Protocol counts them: LF, CRLF or a lone CR. */
export const Newline = createToken({ name: 'Newline', pattern: /\r\n?|\n/, line_breaks: true, label: 'end of line' });
export const TextNewline = createToken({
  name: 'TextNewline',
  pattern: /\r\n?|\n/,
  line_breaks: true,
  pop_mode: true,
  label: 'end of line',
});
export const Whitespace = createToken({ name: 'Whitespace', pattern: /[ \t\uFEFF\u00A0]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, label: 'a comment' });
export const TextComment = createToken({
  name: 'TextComment',
  pattern: /#(?![^ \t\r\n])[^\r\n]*/,
  categories: [Comment],
  label: 'a comment',
});
/**
 * Every UTF-16 code unit but the listed ones: the first characters a catch-all token can start
 * with, spelled out so that chevrotain keeps its "first char" optimisation (complement sets
 * defeat its analysis).
 */
function allCharsBut(excluded: string): number[] {
  const codes: number[] = [];
  for (let code = 0; code <= 0xffff; code++) if (!excluded.includes(String.fromCharCode(code))) codes.push(code);
  return codes;
}

// A `#` glued to the word before it is text ("C# driver", "F# support"): the chunk takes it, so a
// comment in free text starts only at a `#` after whitespace (or at the start of the text).
export const TextChunk = createToken({ name: 'TextChunk', pattern: /[^\r\n#]*[^\r\n#\s]#(?:[^\r\n#]*[^\r\n#\s]#)*[^\r\n#]*|[^\r\n#]+|#/, start_chars_hint: allCharsBut('\r\n'), label: 'text' });

export const Colon = createToken({ name: 'Colon', pattern: /:/, push_mode: 'text', label: "':'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Dot = createToken({ name: 'Dot', pattern: /\.(?!\.)/, label: "'.'" });
export const Range = createToken({ name: 'Range', pattern: /\.\./, label: "'..'" });

export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{1,2}-\d{1,2}(?![\w])/, label: 'a date (2026-01-31)' });
export const PeriodLiteral = createToken({ name: 'PeriodLiteral', pattern: /\d{4}-[A-Za-z]\w*/, label: 'a period (2026-Q1)' });
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /[-+]?\d+(?:\.\d+)?(?:[kKMB](?![\w]))?/,
  label: 'a number',
});
export const Percent = createToken({ name: 'Percent', pattern: /%/, label: "'%'" });
export const Currency = createToken({ name: 'Currency', pattern: /[$€£¥](?:[kKMB](?![\w]))?/, label: 'a currency' });
export const Handle = createToken({ name: 'Handle', pattern: /@[^\s,#:"]+/, label: 'an @owner' });
export const QuotedName = createToken({ name: 'QuotedName', pattern: /"[^"\r\n]*"?/, label: 'a "quoted name"' });
/** Any other character: the parser turns it into a clear syntax error instead of the lexer dropping it. */
export const Unknown = createToken({ name: 'Unknown', pattern: /[^\s]/, start_chars_hint: allCharsBut(' \t\r\n\v\f\u00a0\ufeff'), label: 'an unexpected character' });

const structureMode: TokenType[] = [
  Newline,
  Whitespace,
  Comment,
  Colon,
  Comma,
  Range,
  Dot,
  DateLiteral,
  PeriodLiteral,
  NumberLiteral,
  Percent,
  Currency,
  Handle,
  QuotedName,
  ...Object.values(Kw),
  Identifier,
  Unknown,
];

const textMode: TokenType[] = [TextNewline, TextComment, TextChunk];

export const allTokens: TokenType[] = [Name, ...structureMode, TextNewline, TextComment, TextChunk];

export const okrLexer = new Lexer(
  { modes: { structure: structureMode, text: textMode }, defaultMode: 'structure' },
  // ensureOptimizations: a token that defeats the first-char optimisation is a build error, not a silent slowdown.
  { positionTracking: 'onlyOffset', ensureOptimizations: true },
);
