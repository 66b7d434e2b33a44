// Document symbols: the outline. Strategies, then objectives with their key results.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { rangeOf, type OkrDocument, type Snapshot } from '../core';

export function documentSymbols(_snapshot: Snapshot, document: OkrDocument): DocumentSymbol[] {
  const { lineStarts } = document.file;
  const symbol = (name: string, detail: string, kind: SymbolKind, whole: { start: number; end: number }, id: { start: number; end: number }, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || '(untitled)',
    detail,
    kind,
    range: rangeOf(lineStarts, whole),
    selectionRange: rangeOf(lineStarts, id),
    children,
  });
  const strategies = document.file.strategies.map((s) => symbol(s.id.text, s.title.text, SymbolKind.Namespace, s.span, s.id.span));
  const objectives = document.file.objectives.map((o) =>
    symbol(o.id.text, o.title.text, SymbolKind.Class, o.blockSpan, o.id.span,
      o.keyResults.map((kr) => symbol(kr.id?.text ?? kr.title.text, kr.id ? kr.title.text : '', SymbolKind.Field, kr.blockSpan, kr.id?.span ?? kr.title.span))),
  );
  return [...strategies, ...objectives];
}
