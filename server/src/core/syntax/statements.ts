// One statement per line: what the line parser produces before the structure of objectives and
// key results is assembled (see build.ts).
import type { Checkin, Commitment, NumberLiteral, Quantity, Reference, Span, Word } from './ast';

interface Base {
  /** The statement without its trailing comment. */
  readonly span: Span;
  /** The keyword that starts it. */
  readonly keyword: Span;
}

export type Statement =
  | (Base & { kind: 'period'; value?: Word })
  | (Base & { kind: 'level'; value?: Word })
  | (Base & { kind: 'owner'; value?: Word })
  | (Base & { kind: 'strategy'; id?: Word; title?: Word })
  | (Base & { kind: 'objective'; id?: Word; title?: Word })
  | (Base & { kind: 'kr'; id?: Word; title?: Word })
  | (Base & { kind: 'aligns'; refs: Reference[] })
  | (Base & { kind: 'why'; text?: Word })
  | (Base & { kind: 'commitment'; commitment: Commitment })
  | (Base & { kind: 'from'; from?: Quantity; to?: Quantity })
  | (Base & { kind: 'target'; value?: Quantity })
  | (Base & { kind: 'keep'; direction?: 'above' | 'below'; value?: Quantity })
  | (Base & { kind: 'current'; value?: Quantity })
  | (Base & { kind: 'checkin'; checkin: Partial<Checkin> & { span: Span } })
  | (Base & { kind: 'contributes'; ref?: Reference })
  | (Base & { kind: 'rollup' })
  | (Base & { kind: 'weight'; value?: NumberLiteral })
  | (Base & { kind: 'grade'; value?: NumberLiteral; note?: Word })
  | (Base & { kind: 'status'; value?: Word; over?: Word; to?: Span; period?: Word })
  | (Base & { kind: 'learned'; text?: Word })
  | (Base & { kind: 'step'; due?: Word; done?: Word; doneOn?: Word; text?: Word });

export type StatementKind = Statement['kind'];
