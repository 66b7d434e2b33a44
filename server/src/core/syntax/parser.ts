// The line parser (chevrotain, embedded actions, recovery on). The lexer runs once over the whole
// document; the parser then runs once per line, so a broken line yields one diagnostic and can
// never disturb the lines after it. Visitors of the result must be defensive: with recovery, a
// statement may lack any of its parts.
import { EmbeddedActionsParser, type IToken, type TokenType, type IParserErrorMessageProvider, tokenLabel, tokenMatcher } from 'chevrotain';
import type { NumberLiteral, Quantity, Reference, Span, Word } from './ast';
import type { Statement } from './statements';
import * as T from './tokens';
import { closest } from '../util/similar';
import { describeCharacter } from '../encoding';

const statementWords = T.statementKeywords.map((k) => k.split(' ')[0]!.replace(':', ''));

const SCALE: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9 };

export function readNumber(raw: string): number {
  const last = raw[raw.length - 1] ?? '';
  const scale = SCALE[last];
  const digits = scale ? raw.slice(0, -1) : raw;
  const value = Number(digits);
  return scale ? value * scale : value;
}

/**
 * Where a token starts, as a small integer. Chevrotain's tokens keep their offsets in fields that
 * also hold NaN (tokens inserted by recovery, the EOF token), so V8 reads them as boxed doubles;
 * one boxed number stored in a span makes every span of the process store both its offsets as
 * boxed doubles (about 20 MB more for 10,000 objectives). NaN stays NaN.
 */
export const offsetOf = (token: IToken): number => {
  const offset = token.startOffset;
  return offset === offset ? offset | 0 : offset;
};

const span = (token: IToken): Span => {
  const start = offsetOf(token);
  return { start, end: start + token.image.length };
};
const word = (token: IToken): Word => ({ text: token.image, span: span(token) });
const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

function isReal(token: IToken | undefined): token is IToken {
  // Tokens inserted by recovery have no position.
  return token !== undefined && !Number.isNaN(token.startOffset) && token.image !== undefined;
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    // `aligns with a1`, `contributes a1.k`: the second word of a two-word keyword is missing or
    // wrong. Name the whole keyword, and show the line as it should be written.
    if (expected === T.Kw.to && (previous.tokenType === T.Kw.aligns || previous.tokenType === T.Kw.contributes)) {
      const keyword = previous.image;
      const example = keyword === 'aligns' ? '`aligns to ID`, or `aligns to ID, ID` for more than one' : '`contributes to OBJECTIVE.KR`';
      if (!actual || actual.tokenType.name === 'EOF') return `Expected \`${keyword} to\` but found \`${keyword}\` alone: write ${example}`;
      if (tokenMatcher(actual, T.Name)) return `Expected \`${keyword} to\` but found \`${keyword} ${actual.image}\`: write ${example}`;
      return `Expected \`${keyword} to\` but found ${describe(actual)}: write ${example}`;
    }
    return `Expected ${tokenLabel(expected)} but found ${describe(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${describe(firstRedundant)}: the statement is complete without it`;
  },
  buildNoViableAltMessage({ actual, ruleName, expectedPathsPerAlt }) {
    const first = actual[0];
    const found = describe(first);
    if (ruleName === 'statement') {
      const suggestion = first && first.tokenType !== T.Unknown ? closest(first.image, statementWords, 1)[0] : undefined;
      const hint = suggestion ? `did you mean \`${suggestion}\`?` : `a line starts with a keyword such as ${T.statementKeywords.slice(0, 6).join(', ')}, …`;
      return `Unknown statement ${found}: ${hint}`;
    }
    const expected = expectedPathsPerAlt.flat().map((path) => tokenLabel(path[0]!));
    return `Expected ${[...new Set(expected)].join(' or ')} but found ${found}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const expected = expectedIterationPaths.map((path) => path.map((t) => tokenLabel(t)).join(' ')).join(' or ');
    return `Expected ${expected} but found ${describe(actual[0])}`;
  },
};

function describe(token: IToken | undefined): string {
  if (!token || token.tokenType.name === 'EOF') return 'the end of the line';
  if (token.tokenType === T.Unknown) return describeCharacter(token.image);
  return `'${token.image}'`;
}

export class LineParser extends EmbeddedActionsParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, errorMessageProvider: messages, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  /** A whole line: one statement and an optional trailing comment. */
  public statement = this.RULE('statement', (): Statement | undefined => {
    const result = this.OR<Statement | undefined>([
      { ALT: () => this.SUBRULE(this.periodStatement) },
      { ALT: () => this.SUBRULE(this.levelStatement) },
      { ALT: () => this.SUBRULE(this.ownerStatement) },
      { ALT: () => this.SUBRULE(this.titledStatement) },
      { ALT: () => this.SUBRULE(this.alignsStatement) },
      { ALT: () => this.SUBRULE(this.whyStatement) },
      { ALT: () => this.SUBRULE(this.commitmentStatement) },
      { ALT: () => this.SUBRULE(this.fromStatement) },
      { ALT: () => this.SUBRULE(this.targetStatement) },
      { ALT: () => this.SUBRULE(this.keepStatement) },
      { ALT: () => this.SUBRULE(this.currentStatement) },
      { ALT: () => this.SUBRULE(this.checkinStatement) },
      { ALT: () => this.SUBRULE(this.contributesStatement) },
      { ALT: () => this.SUBRULE(this.rollupStatement) },
      { ALT: () => this.SUBRULE(this.weightStatement) },
      { ALT: () => this.SUBRULE(this.gradeStatement) },
      { ALT: () => this.SUBRULE(this.statusStatement) },
      { ALT: () => this.SUBRULE(this.learnedStatement) },
      { ALT: () => this.SUBRULE(this.stepStatement) },
    ]);
    this.OPTION(() => this.CONSUME(T.Comment));
    return result;
  });

  private periodStatement = this.RULE('periodStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.period);
    const value = this.SUBRULE(this.periodValue);
    return this.ACTION(() => ({ kind: 'period', keyword: span(kw), span: join(span(kw), value?.span ?? span(kw)), value }));
  });

  /** `2026-Q1`, `2026-H1`, `2026`, `2026-01-01..2026-03-31`; validated later (invalid-value). */
  private periodValue = this.RULE('periodValue', (): Word | undefined => {
    return this.OR<Word | undefined>([
      { ALT: () => word(this.CONSUME(T.PeriodLiteral)) },
      { ALT: () => word(this.CONSUME(T.NumberLiteral)) },
      {
        ALT: () => {
          const from = this.CONSUME1(T.DateLiteral);
          const to = this.OPTION(() => {
            this.CONSUME(T.Range);
            return this.CONSUME2(T.DateLiteral);
          });
          return this.ACTION(() => {
            if (!isReal(to)) return word(from);
            const s = join(span(from), span(to));
            return { text: `${from.image}..${to.image}`, span: s };
          });
        },
      },
    ]);
  });

  private levelStatement = this.RULE('levelStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.level);
    const value = this.CONSUME(T.Name);
    return this.ACTION(() => ({ kind: 'level', keyword: span(kw), span: join(span(kw), isReal(value) ? span(value) : span(kw)), value: isReal(value) ? word(value) : undefined }));
  });

  private ownerStatement = this.RULE('ownerStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.owner);
    const value = this.SUBRULE(this.ownerValue);
    return this.ACTION(() => ({ kind: 'owner', keyword: span(kw), span: join(span(kw), value?.span ?? span(kw)), value }));
  });

  private ownerValue = this.RULE('ownerValue', (): Word | undefined => {
    const token = this.OR([{ ALT: () => this.CONSUME(T.Handle) }, { ALT: () => this.CONSUME(T.QuotedName) }]);
    return this.ACTION(() => (isReal(token) ? word(token) : undefined));
  });

  /** `objective ID: title`, `strategy ID: title`, `kr ID: title`, `kr: title`. */
  private titledStatement = this.RULE('titledStatement', (): Statement => {
    const kw = this.OR([
      { ALT: () => this.CONSUME(T.Kw.objective) },
      { ALT: () => this.CONSUME(T.Kw.strategy) },
      { ALT: () => this.CONSUME(T.Kw.kr) },
    ]);
    // The id is optional in the grammar for `kr: title`; build.ts requires it elsewhere.
    const id = this.OPTION(() => this.CONSUME(T.Name));
    const colon = this.CONSUME(T.Colon);
    const title = this.SUBRULE(this.freeText);
    return this.ACTION(() => {
      const kind = kw.tokenType === T.Kw.objective ? 'objective' : kw.tokenType === T.Kw.strategy ? 'strategy' : 'kr';
      const idWord = isReal(id) ? word(id) : undefined;
      const end = title?.span ?? (isReal(colon) ? span(colon) : idWord?.span ?? span(kw));
      return { kind, keyword: span(kw), span: join(span(kw), end), id: idWord, title } as Statement;
    });
  });

  /** Free text to the end of the line (or to a `# ` comment), trimmed. */
  private freeText = this.RULE('freeText', (): Word | undefined => {
    let first: IToken | undefined;
    let last: IToken | undefined;
    this.MANY(() => {
      const chunk = this.CONSUME(T.TextChunk);
      first ??= chunk;
      last = chunk;
    });
    return this.ACTION(() => {
      if (!first || !last) return undefined;
      let start = offsetOf(first);
      let end = offsetOf(last) + last.image.length;
      const text = this.fullText.slice(start, end);
      const trimmedStart = text.length - text.trimStart().length;
      const trimmed = text.trim();
      if (!trimmed) return undefined;
      start += trimmedStart;
      end = start + trimmed.length;
      return { text: trimmed, span: { start, end } };
    });
  });

  private alignsStatement = this.RULE('alignsStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.aligns);
    const to = this.CONSUME(T.Kw.to);
    const refs: Reference[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const ref = this.SUBRULE(this.reference);
        if (ref) refs.push(ref);
      },
    });
    return this.ACTION(() => {
      const lastRef = refs[refs.length - 1];
      const end = lastRef?.span ?? (isReal(to) ? span(to) : span(kw));
      return { kind: 'aligns', keyword: span(kw), span: join(span(kw), end), refs };
    });
  });

  private reference = this.RULE('reference', (): Reference | undefined => {
    const objective = this.CONSUME(T.Name);
    const keyResult = this.OPTION(() => {
      this.CONSUME(T.Dot);
      return this.CONSUME1(T.Name);
    });
    return this.ACTION(() => {
      if (!isReal(objective)) return undefined;
      const kr = isReal(keyResult) ? word(keyResult) : undefined;
      return { objective: word(objective), keyResult: kr, span: join(span(objective), kr?.span ?? span(objective)) };
    });
  });

  private whyStatement = this.RULE('whyStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.why);
    const colon = this.CONSUME(T.Colon);
    const text = this.SUBRULE(this.freeText);
    return this.ACTION(() => ({ kind: 'why', keyword: span(kw), span: join(span(kw), text?.span ?? (isReal(colon) ? span(colon) : span(kw))), text }));
  });

  private commitmentStatement = this.RULE('commitmentStatement', (): Statement => {
    const kw = this.OR([{ ALT: () => this.CONSUME(T.Kw.committed) }, { ALT: () => this.CONSUME(T.Kw.aspirational) }]);
    return this.ACTION(() => ({
      kind: 'commitment',
      keyword: span(kw),
      span: span(kw),
      commitment: kw.tokenType === T.Kw.committed ? 'committed' : 'aspirational',
    }));
  });

  /**
   * `200`, `200 $M`, `35%`, `$80M`, `40 engineers`, and rates: `500 croissants per week`,
   * `$12 per user`, `2% per month`. A rate's unit is written with one space
   * (`croissants per week`) whatever the spacing, so that it compares and prints as one unit.
   */
  private quantity = this.RULE('quantity', (): Quantity | undefined => {
    const prefix = this.OPTION(() => this.CONSUME(T.Currency));
    const num = this.CONSUME(T.NumberLiteral);
    const unit = this.OPTION1({
      // `5 per week`: `per` starts the rate, it is not the unit word.
      GATE: () => !this.startsRate(),
      DEF: () =>
        this.OR([
          { ALT: () => this.CONSUME(T.Percent) },
          { ALT: () => this.CONSUME1(T.Currency) },
          { ALT: () => this.CONSUME(T.Identifier) },
        ]),
    });
    const rate = this.OPTION2({
      GATE: () => this.startsRate(),
      DEF: () => {
        const per = this.CONSUME2(T.Identifier);
        const what = this.CONSUME3(T.Identifier);
        return { per, what };
      },
    });
    return this.ACTION(() => {
      if (!isReal(num)) return undefined;
      const number: NumberLiteral = { raw: num.image, value: readNumber(num.image), span: span(num) };
      const p = isReal(prefix) ? word(prefix) : undefined;
      let u = isReal(unit) ? word(unit) : undefined;
      if (rate && isReal(rate.per) && isReal(rate.what)) {
        const ratePart = `per ${rate.what.image}`;
        u = { text: u ? `${u.text} ${ratePart}` : ratePart, span: join(u?.span ?? span(rate.per), span(rate.what)) };
      }
      return { number, prefix: p, unit: u, span: join(p?.span ?? number.span, u?.span ?? number.span) };
    });
  });

  /** `per WORD` next: a rate (`per` followed by anything else is a unit word or an error). */
  private startsRate(): boolean {
    const next = this.LA(1);
    return next.tokenType === T.Identifier && next.image === 'per' && this.LA(2).tokenType === T.Identifier;
  }

  private fromStatement = this.RULE('fromStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.from);
    const from = this.SUBRULE(this.quantity);
    this.CONSUME(T.Kw.to);
    const to = this.SUBRULE1(this.quantity);
    return this.ACTION(() => ({ kind: 'from', keyword: span(kw), span: join(span(kw), to?.span ?? from?.span ?? span(kw)), from, to }));
  });

  private targetStatement = this.RULE('targetStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.target);
    const value = this.SUBRULE(this.quantity);
    return this.ACTION(() => ({ kind: 'target', keyword: span(kw), span: join(span(kw), value?.span ?? span(kw)), value }));
  });

  private keepStatement = this.RULE('keepStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.keep);
    const dir = this.OR([{ ALT: () => this.CONSUME(T.Kw.above) }, { ALT: () => this.CONSUME(T.Kw.below) }]);
    const value = this.SUBRULE(this.quantity);
    return this.ACTION(() => ({
      kind: 'keep',
      keyword: span(kw),
      span: join(span(kw), value?.span ?? (isReal(dir) ? span(dir) : span(kw))),
      direction: isReal(dir) ? (dir.tokenType === T.Kw.above ? 'above' : 'below') : undefined,
      value,
    }));
  });

  private currentStatement = this.RULE('currentStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.current);
    const value = this.SUBRULE(this.quantity);
    return this.ACTION(() => ({ kind: 'current', keyword: span(kw), span: join(span(kw), value?.span ?? span(kw)), value }));
  });

  /** `checkin 2026-01-31 40 [confidence 0.6][: note]` */
  private checkinStatement = this.RULE('checkinStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.checkin);
    const date = this.CONSUME(T.DateLiteral);
    const value = this.SUBRULE(this.quantity);
    const confidence = this.OPTION(() => {
      this.CONSUME(T.Kw.confidence);
      return this.CONSUME(T.NumberLiteral);
    });
    const note = this.OPTION1(() => {
      this.CONSUME(T.Colon);
      return this.SUBRULE(this.freeText);
    });
    return this.ACTION(() => {
      const conf = isReal(confidence) ? { raw: confidence.image, value: readNumber(confidence.image), span: span(confidence) } : undefined;
      const end = note?.span ?? conf?.span ?? value?.span ?? (isReal(date) ? span(date) : span(kw));
      const whole = join(span(kw), end);
      return {
        kind: 'checkin',
        keyword: span(kw),
        span: whole,
        checkin: { date: isReal(date) ? word(date) : undefined, value, confidence: conf, note, span: whole },
      };
    });
  });

  private contributesStatement = this.RULE('contributesStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.contributes);
    const to = this.CONSUME(T.Kw.to);
    const ref = this.SUBRULE(this.reference);
    return this.ACTION(() => ({ kind: 'contributes', keyword: span(kw), span: join(span(kw), ref?.span ?? (isReal(to) ? span(to) : span(kw))), ref }));
  });

  private rollupStatement = this.RULE('rollupStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.rollup);
    const sum = this.CONSUME(T.Kw.sum);
    return this.ACTION(() => ({ kind: 'rollup', keyword: span(kw), span: join(span(kw), isReal(sum) ? span(sum) : span(kw)) }));
  });

  private weightStatement = this.RULE('weightStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.weight);
    const num = this.CONSUME(T.NumberLiteral);
    return this.ACTION(() => ({
      kind: 'weight',
      keyword: span(kw),
      span: join(span(kw), isReal(num) ? span(num) : span(kw)),
      value: isReal(num) ? { raw: num.image, value: readNumber(num.image), span: span(num) } : undefined,
    }));
  });

  /** `grade 0.7 [: note]`: the range is checked by grade-out-of-range. */
  private gradeStatement = this.RULE('gradeStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.grade);
    const num = this.CONSUME(T.NumberLiteral);
    const note = this.OPTION(() => {
      this.CONSUME(T.Colon);
      return this.SUBRULE(this.freeText);
    });
    return this.ACTION(() => {
      const value = isReal(num) ? { raw: num.image, value: readNumber(num.image), span: span(num) } : undefined;
      return { kind: 'grade', keyword: span(kw), span: join(span(kw), note?.span ?? value?.span ?? span(kw)), value, note };
    });
  });

  /**
   * `status done | missed | dropped | carried over to PERIOD`. The status words are not keywords
   * (they stay usable as units and ids): build.ts checks them.
   */
  private statusStatement = this.RULE('statusStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.status);
    const value = this.CONSUME(T.Name);
    const over = this.OPTION(() => this.CONSUME(T.Identifier));
    const carried = this.OPTION1(() => {
      const to = this.CONSUME(T.Kw.to);
      const period = this.SUBRULE(this.periodValue);
      return { to, period };
    });
    return this.ACTION(() => {
      const to = carried && isReal(carried.to) ? span(carried.to) : undefined;
      const period = carried?.period;
      const overWord = isReal(over) ? word(over) : undefined;
      const valueWord = isReal(value) ? word(value) : undefined;
      const end = period?.span ?? to ?? overWord?.span ?? valueWord?.span ?? span(kw);
      return { kind: 'status', keyword: span(kw), span: join(span(kw), end), value: valueWord, over: overWord, to, period };
    });
  });

  private learnedStatement = this.RULE('learnedStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.learned);
    const colon = this.CONSUME(T.Colon);
    const text = this.SUBRULE(this.freeText);
    return this.ACTION(() => ({ kind: 'learned', keyword: span(kw), span: join(span(kw), text?.span ?? (isReal(colon) ? span(colon) : span(kw))), text }));
  });

  /** `step [DUE] [done [ON]]: title`; `done` is a word, checked by build.ts. */
  private stepStatement = this.RULE('stepStatement', (): Statement => {
    const kw = this.CONSUME(T.Kw.step);
    const due = this.OPTION(() => this.CONSUME(T.DateLiteral));
    const done = this.OPTION1(() => {
      const doneWord = this.CONSUME(T.Identifier);
      const on = this.OPTION2(() => this.CONSUME1(T.DateLiteral));
      return { doneWord, on };
    });
    const colon = this.CONSUME(T.Colon);
    const text = this.SUBRULE(this.freeText);
    return this.ACTION(() => {
      const dueWord = isReal(due) ? word(due) : undefined;
      const doneWord = done && isReal(done.doneWord) ? word(done.doneWord) : undefined;
      const doneOn = done && isReal(done.on) ? word(done.on) : undefined;
      const end = text?.span ?? (isReal(colon) ? span(colon) : undefined) ?? doneOn?.span ?? doneWord?.span ?? dueWord?.span ?? span(kw);
      return { kind: 'step', keyword: span(kw), span: join(span(kw), end), due: dueWord, done: doneWord, doneOn, text };
    });
  });

  /** The document text, for slicing free text exactly as written. */
  fullText = '';
}

export const tokenTypesOfNewline: ReadonlySet<TokenType> = new Set([T.Newline, T.TextNewline]);
