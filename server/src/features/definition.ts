// Go to definition: from a reference (`aligns to revenue`, `contributes to revenue.arr`) to the
// objective, key result or strategy it names, in whichever file defines it.
import { definitionLocation, symbolAt } from '../core';
import type { Feature } from '../context';

export const definition: Feature = (context) => {
  context.connection.onDefinition(({ textDocument, position }) => {
    const document = context.document(textDocument.uri);
    if (!document) return null;
    const symbol = symbolAt(context.index, document, context.offset(document, position));
    if (!symbol?.target) return null;
    const location = definitionLocation(symbol.target);
    const range = context.range(location.uri, location.span);
    const originSelectionRange = context.range(document.uri, symbol.span);
    return range && originSelectionRange ? [{ targetUri: location.uri, targetRange: range, targetSelectionRange: range, originSelectionRange }] : null;
  });
};
