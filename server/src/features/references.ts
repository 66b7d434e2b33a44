// Find references: every `aligns to` / `contributes to` naming the objective, key result or
// strategy under the cursor, across the workspace (and its definition when asked for).
import type { Location } from 'vscode-languageserver';
import { definitionLocation, referencesTo, symbolAt } from '../core';
import { unlessCancelled, type Feature } from '../context';

export const references: Feature = (context) => {
  context.connection.onReferences(async ({ textDocument, position, context: { includeDeclaration } }, token) => {
    const document = context.document(textDocument.uri);
    if (!document) return [];
    const symbol = symbolAt(context.index, document, context.offset(document, position));
    if (!symbol?.target) return [];
    const { graph } = context.analyzer.analyse();
    await unlessCancelled(token);
    const found = referencesTo(graph, symbol.target);
    if (includeDeclaration) found.unshift(definitionLocation(symbol.target));
    return found.flatMap((location): Location[] => {
      const range = context.range(location.uri, location.span);
      return range ? [{ uri: location.uri, range }] : [];
    });
  });
};
