// Semantic tokens: definitions vs references vs keywords vs values, on top of the TextMate
// grammar. Strategies, objectives and key results are told apart, definitions carry the
// `declaration` modifier, and references that resolve to nothing carry `unresolved` (themed as
// invalid through package.json's semanticTokenScopes).
// The builder is plain data work (delta-encoding the tokens), whatever the connection.
import { SemanticTokensBuilder } from 'vscode-languageserver';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { positionAt, type OkrDocument, type Quantity, type Reference, type Snapshot, type Span, type WorkspaceIndex } from '../core';
import { okrLexer, Kw, NumberLiteral, Percent, Currency, DateLiteral, PeriodLiteral, Handle, QuotedName } from '../core/syntax/tokens';
import { closingWordSpans } from './closing';

const tokenTypes = ['namespace', 'class', 'property', 'keyword', 'number', 'type', 'variable', 'enumMember', 'string'] as const;
const tokenModifiers = ['declaration', 'unresolved'] as const;
type TokenType = (typeof tokenTypes)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

const KEYWORDS = new Set<unknown>(Object.values(Kw));
const BY_TOKEN = new Map<unknown, TokenType>([
  [NumberLiteral, 'number'],
  [Percent, 'type'],
  [Currency, 'type'],
  [DateLiteral, 'string'],
  [PeriodLiteral, 'string'],
  [Handle, 'variable'],
  [QuotedName, 'variable'],
]);

interface Classified {
  readonly type: TokenType;
  readonly modifiers: number;
}

export function semanticTokens(snapshot: Snapshot, document: OkrDocument): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const named = namedSpans(snapshot.index, document);
  for (const token of okrLexer.tokenize(document.text).tokens) {
    const start = token.startOffset;
    const known = named.get(start);
    const type = known?.type ?? (KEYWORDS.has(token.tokenType) ? 'keyword' : BY_TOKEN.get(token.tokenType));
    if (!type) continue;
    const position = positionAt(document.file.lineStarts, start);
    builder.push(position.line, position.character, token.image.length, tokenTypes.indexOf(type), known?.modifiers ?? 0);
  }
  return builder.build();
}

const DECLARATION = 1 << tokenModifiers.indexOf('declaration');
const UNRESOLVED = 1 << tokenModifiers.indexOf('unresolved');

/** Start offset → classification, for the ids, references, levels and unit words of the AST. */
function namedSpans(index: WorkspaceIndex, document: OkrDocument): Map<number, Classified> {
  const map = new Map<number, Classified>();
  const set = (span: Span | undefined, type: TokenType, modifiers = 0) => span && map.set(span.start, { type, modifiers });
  const reference = (ref: Reference | undefined) => {
    if (!ref) return;
    const target = index.resolve(ref.objective.text);
    set(ref.objective.span, target?.kind === 'strategy' ? 'namespace' : 'class', target ? 0 : UNRESOLVED);
    if (ref.keyResult) set(ref.keyResult.span, 'property', index.resolveKeyResult(ref.objective.text, ref.keyResult.text) ? 0 : UNRESOLVED);
  };
  const unit = (quantity: Quantity | undefined) => quantity?.unit && set(quantity.unit.span, 'type');
  const { file } = document;
  set(file.header.level?.span, 'enumMember');
  for (const strategy of file.strategies) set(strategy.id.span, 'namespace', DECLARATION);
  for (const objective of file.objectives) {
    set(objective.id.span, 'class', DECLARATION);
    set(objective.level?.span, 'enumMember');
    objective.alignsTo.forEach(reference);
    for (const span of closingWordSpans(objective)) set(span, 'enumMember');
    for (const kr of objective.keyResults) {
      set(kr.id?.span, 'property', DECLARATION);
      reference(kr.contributesTo);
      for (const quantity of [kr.metric.from, kr.metric.target, kr.metric.keep?.threshold, kr.metric.current, ...kr.checkins.map((c) => c.value)]) unit(quantity);
    }
  }
  return map;
}
