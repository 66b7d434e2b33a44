// Document highlight: the id under the cursor, its definition and its references in this file.
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import { definitionLocation, rangeOf, referencesTo, symbolAt } from '../core';
import type { Feature } from '../context';

export const documentHighlight: Feature = (context) => {
  context.connection.onDocumentHighlight(({ textDocument, position }) => {
    const document = context.document(textDocument.uri);
    if (!document) return [];
    const symbol = symbolAt(context.index, document, context.offset(document, position));
    if (!symbol?.target) return [];
    const { lineStarts } = document.file;
    const highlights: DocumentHighlight[] = [];
    const definition = definitionLocation(symbol.target);
    if (definition.uri === document.uri) highlights.push({ range: rangeOf(lineStarts, definition.span), kind: DocumentHighlightKind.Write });
    for (const reference of referencesTo(context.analyzer.analyse().graph, symbol.target)) {
      if (reference.uri === document.uri) highlights.push({ range: rangeOf(lineStarts, reference.span), kind: DocumentHighlightKind.Read });
    }
    return highlights;
  });
};
