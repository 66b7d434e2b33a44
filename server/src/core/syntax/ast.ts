// The syntax tree of one .okr file. Every node carries the span (UTF-16 offsets into the
// document text, end exclusive) of what it was parsed from, so that diagnostics, navigation and
// edits can point at exactly the id, reference, value or title concerned.
import type { NotText } from '../encoding';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A piece of source text: an id, a title, a keyword argument. */
export interface Word {
  readonly text: string;
  readonly span: Span;
}

/** `objective` or `objective.kr`: what `aligns to` and `contributes to` point at. */
export interface Reference {
  readonly objective: Word;
  readonly keyResult?: Word;
  /** The whole reference, `revenue.arr`. */
  readonly span: Span;
}

export interface NumberLiteral {
  /** As written: `10K`, `1.5M`, `-2`. */
  readonly raw: string;
  /** Its value with the scale applied (10K → 10000); NaN when the literal cannot be read. */
  readonly value: number;
  readonly span: Span;
}

/** A number with an optional unit: `200 $M`, `35%`, `$80M`, `40 engineers`. */
export interface Quantity {
  readonly number: NumberLiteral;
  /** A currency written before the number, as in `$80M`. */
  readonly prefix?: Word;
  /** The unit written after the number: `%`, `$M`, `signups`. */
  readonly unit?: Word;
  readonly span: Span;
}

export type Owner = Word; // `@handle` or `"Full Name"`, quotes included in the text

export interface Checkin {
  readonly date: Word;
  readonly value?: Quantity;
  readonly confidence?: NumberLiteral;
  readonly note?: Word;
  readonly span: Span;
}

export type Commitment = 'committed' | 'aspirational';

export interface Metric {
  readonly from?: Quantity;
  readonly target?: Quantity;
  readonly keep?: { readonly direction: 'above' | 'below'; readonly threshold?: Quantity; readonly span: Span };
  readonly current?: Quantity;
}

/** `grade 0.7: note`: how the key result or objective scored when its period closed, 0.0–1.0. */
export interface Grade {
  readonly value: NumberLiteral;
  readonly note?: Word;
  readonly span: Span;
}

export type ClosingStatusKind = 'done' | 'missed' | 'dropped' | 'carried';

/** `status done | missed | dropped | carried over to PERIOD`. */
export interface ClosingStatus {
  readonly kind: ClosingStatusKind;
  /** The status word as written. */
  readonly word: Word;
  /** For `carried over to PERIOD`: the period it is carried to. */
  readonly carriedTo?: Word;
  readonly span: Span;
}

/** `step [DUE] [done [ON]]: title`: one step of a milestone key result. */
export interface Step {
  /** The date it is due. */
  readonly due?: Word;
  /** The `done` word, when the step is done. */
  readonly done?: Word;
  /** The day it was done; without it a done step counts from any day. */
  readonly doneOn?: Word;
  readonly title: Word;
  readonly span: Span;
}

/** What is said when a period closes: on an objective and on a key result alike. */
export interface Closing {
  grade?: Grade;
  status?: ClosingStatus;
  /** `learned: …` lines, in order. */
  readonly learned: Word[];
}

export interface KeyResult extends Closing {
  readonly kind: 'keyResult';
  /** Absent for `kr: title`. */
  readonly id?: Word;
  readonly title: Word;
  /** The `kr …` line. */
  readonly span: Span;
  /** From the `kr` line to the end of its last attribute line. */
  blockSpan: Span;
  readonly metric: Metric;
  readonly checkins: Checkin[];
  contributesTo?: Reference;
  rollupSum?: Span;
  weight?: NumberLiteral;
  owner?: Owner;
  /** `step` lines: a key result with steps and no metric is a milestone key result. */
  readonly steps: Step[];
}

export interface Objective extends Closing {
  readonly kind: 'objective';
  readonly id: Word;
  readonly title: Word;
  /** The `objective …` line. */
  readonly span: Span;
  /** From the `objective` line to the end of its last attribute or key result line. */
  blockSpan: Span;
  level?: Word;
  owner?: Owner;
  period?: Word;
  readonly alignsTo: Reference[];
  why?: Word;
  commitment?: { readonly kind: Commitment; readonly span: Span };
  readonly keyResults: KeyResult[];
}

export interface Strategy {
  readonly kind: 'strategy';
  readonly id: Word;
  readonly title: Word;
  readonly span: Span;
}

/** File-wide defaults, written before the first objective. */
export interface Header {
  period?: Word;
  level?: Word;
  owner?: Owner;
}

export interface Comment {
  readonly text: string;
  readonly span: Span;
}

export interface SyntaxProblem {
  readonly message: string;
  readonly span: Span;
}

export interface OkrFile {
  readonly header: Header;
  readonly strategies: Strategy[];
  readonly objectives: Objective[];
  readonly comments: Comment[];
  readonly problems: SyntaxProblem[];
  /** Start offset of every line, for offset ↔ position conversion. */
  readonly lineStarts: readonly number[];
  readonly textLength: number;
  /**
   * Set when the text is not text at all (binary data, see `notText`): nothing is parsed from it,
   * and the `encoding` rule says so in one diagnostic.
   */
  readonly notText?: NotText;
}
