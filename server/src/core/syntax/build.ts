// Assembles the statements of a file, line by line, into its structure: the header, strategies,
// objectives with their attributes and key results with theirs. Indentation plays no part: an
// attribute belongs to the innermost block that can hold it. A statement in a place where it
// means nothing (a `target` before any `kr`, an `aligns to` in the header) is a syntax problem
// that says where it belongs.
import type { Checkin, Closing, ClosingStatusKind, Comment, Header, KeyResult, Objective, OkrFile, Reference, Span, Strategy, SyntaxProblem, Word } from './ast';
import type { Statement } from './statements';
import { closingStatuses } from './tokens';
import { closest } from '../util/similar';

const keywordOf: Record<Statement['kind'], string> = {
  period: 'period', level: 'level', owner: 'owner', strategy: 'strategy', objective: 'objective', kr: 'kr',
  aligns: 'aligns to', why: 'why:', commitment: 'committed/aspirational', from: 'from … to', target: 'target',
  keep: 'keep above/below', current: 'current', checkin: 'checkin', contributes: 'contributes to', rollup: 'rollup sum',
  weight: 'weight', grade: 'grade', status: 'status', learned: 'learned:', step: 'step',
};

export class FileBuilder {
  private readonly header: Header = {};
  private readonly strategies: Strategy[] = [];
  private readonly objectives: Objective[] = [];
  private objective: Objective | undefined;
  private keyResult: KeyResult | undefined;
  private lineIsBroken = false;

  constructor(
    private readonly problems: SyntaxProblem[],
    private readonly comments: Comment[],
  ) {}

  /** `broken`: the line already has a syntax problem; do not report a second one for it. */
  add(statement: Statement, lineEnd: number, broken = false): void {
    this.lineIsBroken = broken;
    // A missing title is reported unless the line has a graver problem: a `kr` with no objective
    // to belong to, an objective or strategy with no id (reported below).
    if ((statement.kind === 'objective' || statement.kind === 'strategy' || statement.kind === 'kr') && !statement.title && (statement.kind === 'kr' ? this.objective : statement.id)) {
      const what = statement.kind === 'kr' ? 'A key result' : statement.kind === 'objective' ? 'An objective' : 'A strategy';
      this.problem(statement.span, `${what} needs a title after ':'`);
    }
    switch (statement.kind) {
      case 'strategy':
        this.closeBlocks();
        if (!statement.id) return this.problem(statement.keyword, 'A strategy needs an id: `strategy ID: title`');
        this.strategies.push({ kind: 'strategy', id: statement.id, title: statement.title ?? emptyTitle(statement.span), span: statement.span });
        return;
      case 'objective':
        this.closeBlocks();
        if (!statement.id) return this.problem(statement.keyword, 'An objective needs an id: `objective ID: title`');
        this.objective = {
          kind: 'objective', id: statement.id, title: statement.title ?? emptyTitle(statement.span), span: statement.span,
          blockSpan: { start: statement.span.start, end: lineEnd }, alignsTo: [], keyResults: [], learned: [],
        };
        this.objectives.push(this.objective);
        return;
      case 'kr': {
        const objective = this.objective;
        if (!objective) return this.misplaced(statement, 'a key result belongs to an objective: add an `objective ID: title` line above it');
        this.keyResult = {
          kind: 'keyResult', id: statement.id, title: statement.title ?? emptyTitle(statement.span), span: statement.span,
          blockSpan: { start: statement.span.start, end: lineEnd }, metric: {}, checkins: [], steps: [], learned: [],
        };
        objective.keyResults.push(this.keyResult);
        this.extend(lineEnd);
        return;
      }
      case 'period':
      case 'level':
        if (!this.objective) return this.setOnce(this.header, statement.kind, statement.value, statement, 'the file');
        this.setOnce(this.objective, statement.kind, statement.value, statement, `objective ${this.objective.id.text}`);
        return this.extend(lineEnd);
      case 'owner':
        if (this.keyResult) this.setOnce(this.keyResult, 'owner', statement.value, statement, describeKr(this.keyResult));
        else if (this.objective) this.setOnce(this.objective, 'owner', statement.value, statement, `objective ${this.objective.id.text}`);
        else return this.setOnce(this.header, 'owner', statement.value, statement, 'the file');
        return this.extend(lineEnd);
      case 'aligns':
        if (!this.objective) return this.misplaced(statement, 'it belongs to an objective');
        this.objective.alignsTo.push(...statement.refs);
        return this.extend(lineEnd);
      case 'why':
        if (!this.objective) return this.misplaced(statement, 'it belongs to an objective');
        this.setOnce(this.objective, 'why', statement.text, statement, `objective ${this.objective.id.text}`);
        return this.extend(lineEnd);
      case 'commitment':
        if (!this.objective) return this.misplaced(statement, 'it belongs to an objective');
        if (this.objective.commitment) return this.duplicate(statement, `objective ${this.objective.id.text}`, this.objective.commitment.span);
        this.objective.commitment = { kind: statement.commitment, span: statement.span };
        return this.extend(lineEnd);
      case 'grade':
      case 'status':
      case 'learned': {
        // Like `owner`: on the key result above, else on the objective.
        const block = this.keyResult ?? this.objective;
        if (!block) return this.misplaced(statement, 'it belongs to an objective or a key result');
        this.addClosing(block, statement, this.keyResult ? describeKr(this.keyResult) : `objective ${this.objective!.id.text}`);
        return this.extend(lineEnd);
      }
      default:
        return this.addKeyResultAttribute(statement, lineEnd);
    }
  }

  private addClosing(block: Closing, statement: Statement & { kind: 'grade' | 'status' | 'learned' }, where: string): void {
    switch (statement.kind) {
      case 'grade':
        if (block.grade) return this.duplicate(statement, where, block.grade.span);
        if (statement.value) block.grade = { value: statement.value, note: statement.note, span: statement.span };
        return;
      case 'learned':
        if (statement.text) block.learned.push(statement.text);
        return;
      case 'status': {
        if (block.status) return this.duplicate(statement, where, block.status.span);
        const value = statement.value;
        if (!value) return;
        const kind = (closingStatuses as readonly string[]).includes(value.text) ? (value.text as ClosingStatusKind) : undefined;
        const forms = '`status done`, `status missed`, `status dropped` or `status carried over to PERIOD`';
        if (!kind) {
          const suggestion = closest(value.text, closingStatuses, 2)[0];
          return this.problem(value.span, `Unknown status '${value.text}': ${suggestion ? `did you mean \`${suggestion}\`? ` : ''}write ${forms}`);
        }
        if (kind === 'carried') {
          if (statement.over && statement.over.text !== 'over') return this.problem(statement.over.span, `Expected 'over' but found '${statement.over.text}': write \`status carried over to PERIOD\``);
          if (!statement.period) return this.problem(statement.span, 'Carried over to which period? Write `status carried over to PERIOD` (e.g. `2026-Q2`)');
        } else if (statement.over || statement.to) {
          const extra = statement.over ?? statement.period ?? value;
          return this.problem(statement.over?.span ?? statement.to ?? extra.span, `\`status ${kind}\` is complete without what follows: only \`carried over\` names a period`);
        }
        block.status = { kind, word: value, carriedTo: kind === 'carried' ? statement.period : undefined, span: statement.span };
        return;
      }
    }
  }

  private addKeyResultAttribute(statement: Statement, lineEnd: number): void {
    const kr = this.keyResult;
    if (!kr) return this.misplaced(statement, 'it belongs to a key result: add a `kr ID: title` line above it');
    const metric = kr.metric as { -readonly [K in keyof KeyResult['metric']]: KeyResult['metric'][K] };
    const where = describeKr(kr);
    switch (statement.kind) {
      case 'from':
        if (metric.from || metric.target || metric.keep) return this.metricTwice(statement, where);
        metric.from = statement.from;
        metric.target = statement.to;
        break;
      case 'target':
        if (metric.target || metric.keep) return this.metricTwice(statement, where);
        metric.target = statement.value;
        break;
      case 'keep':
        if (metric.from || metric.target || metric.keep) return this.metricTwice(statement, where);
        metric.keep = statement.direction ? { direction: statement.direction, threshold: statement.value, span: statement.span } : undefined;
        break;
      case 'current':
        if (metric.current) return this.duplicate(statement, where, metric.current.span);
        metric.current = statement.value;
        break;
      case 'checkin':
        if (statement.checkin.date) kr.checkins.push(statement.checkin as KeyResult['checkins'][number]);
        break;
      case 'contributes':
        if (kr.contributesTo) return this.duplicate(statement, where, kr.contributesTo.span);
        kr.contributesTo = statement.ref;
        break;
      case 'rollup':
        if (kr.rollupSum) return this.duplicate(statement, where, kr.rollupSum);
        kr.rollupSum = statement.span;
        break;
      case 'weight':
        if (kr.weight) return this.duplicate(statement, where, kr.weight.span);
        kr.weight = statement.value;
        break;
      case 'step':
        if (statement.done && statement.done.text !== 'done') return this.problem(statement.done.span, `Expected \`done\` or ':' but found '${statement.done.text}': write \`step [DUE] [done [ON]]: what is delivered\``);
        if (!statement.text) return this.problem(statement.span, 'A step needs a title after \':\'');
        kr.steps.push({ due: statement.due, done: statement.done, doneOn: statement.doneOn, title: statement.text, span: statement.span });
        break;
      default:
        return;
    }
    this.extend(lineEnd);
  }

  finish(lineStarts: number[], textLength: number): OkrFile {
    // Lists grown by `push` keep room for 16 more: a syntax tree holds tens of thousands of short
    // ones (check-ins, key results, alignments), which take a third of the memory as exact copies.
    for (const objective of this.objectives) {
      const mutable = objective as { alignsTo: Reference[]; keyResults: KeyResult[] };
      mutable.alignsTo = exact(objective.alignsTo);
      mutable.keyResults = exact(objective.keyResults);
      for (const kr of objective.keyResults) (kr as { checkins: Checkin[] }).checkins = exact(kr.checkins);
    }
    return {
      header: this.header,
      strategies: exact(this.strategies),
      objectives: exact(this.objectives),
      comments: exact(this.comments),
      problems: exact(this.problems),
      lineStarts,
      textLength,
    };
  }

  private closeBlocks(): void {
    this.objective = undefined;
    this.keyResult = undefined;
  }

  /** The current blocks now reach to the end of this line. */
  private extend(lineEnd: number): void {
    if (this.objective) this.objective.blockSpan = { start: this.objective.blockSpan.start, end: lineEnd };
    if (this.keyResult) this.keyResult.blockSpan = { start: this.keyResult.blockSpan.start, end: lineEnd };
  }

  private setOnce<K extends 'period' | 'level' | 'owner' | 'why'>(
    target: { [key in K]?: Word },
    key: K,
    value: Word | undefined,
    statement: Statement,
    where: string,
  ): void {
    const existing = target[key];
    if (existing) return this.duplicate(statement, where, existing.span);
    if (value) target[key] = value;
  }

  private duplicate(statement: Statement, where: string, _first: Span): void {
    this.problem(statement.keyword, `\`${keywordOf[statement.kind]}\` is already given for ${where}: keep one`);
  }

  private metricTwice(statement: Statement, where: string): void {
    this.problem(statement.keyword, `${where} already has a metric (\`from … to\`, \`target\` or \`keep above/below\`): keep one`);
  }

  private misplaced(statement: Statement, hint: string): void {
    this.problem(statement.keyword, `\`${keywordOf[statement.kind]}\` cannot stand here: ${hint}`);
  }

  private problem(span: Span, message: string): void {
    if (this.lineIsBroken) return; // One diagnostic per line: the syntax error already speaks for it.
    this.problems.push({ span, message });
    this.lineIsBroken = true;
  }
}

function describeKr(kr: KeyResult): string {
  return kr.id ? `key result ${kr.id.text}` : `key result "${kr.title.text}"`;
}

function emptyTitle(span: Span): Word {
  return { text: '', span: { start: span.end, end: span.end } };
}

/** The same list, with no spare room (an empty one as it is). */
function exact<T>(list: T[]): T[] {
  return list.length ? list.slice() : list;
}
