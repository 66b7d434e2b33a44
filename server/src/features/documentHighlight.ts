// Document highlight: the id under the cursor, its definition and its references in this file.
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import { definitionLocation, rangeOf, referencesTo, symbolAt, type OkrDocument, type Snapshot } from '../core';
import { offsetIn } from './common';

export function documentHighlight(snapshot: Snapshot, document: OkrDocument, position: Position): DocumentHighlight[] {
  const symbol = symbolAt(snapshot.index, document, offsetIn(document, position));
  if (!symbol?.target) return [];
  const { lineStarts } = document.file;
  const highlights: DocumentHighlight[] = [];
  const definition = definitionLocation(symbol.target);
  if (definition.uri === document.uri) highlights.push({ range: rangeOf(lineStarts, definition.span), kind: DocumentHighlightKind.Write });
  for (const reference of referencesTo(snapshot.graph, symbol.target)) {
    if (reference.uri === document.uri) highlights.push({ range: rangeOf(lineStarts, reference.span), kind: DocumentHighlightKind.Read });
  }
  return highlights;
}
