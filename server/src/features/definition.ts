// Go to definition: from a reference (`aligns to revenue`, `contributes to revenue.arr`) to the
// objective, key result or strategy it names, in whichever file defines it.
import { definitionLocation, symbolAt, type OkrDocument, type Snapshot } from '../core';
import type { LocationLink, Position } from 'vscode-languageserver-types';
import { offsetIn, rangeIn } from './common';

export function definition(snapshot: Snapshot, document: OkrDocument, position: Position): LocationLink[] | null {
  const symbol = symbolAt(snapshot.index, document, offsetIn(document, position));
  if (!symbol?.target) return null;
  const location = definitionLocation(symbol.target);
  const range = rangeIn(snapshot, location.uri, location.span);
  const originSelectionRange = rangeIn(snapshot, document.uri, symbol.span);
  return range && originSelectionRange ? [{ targetUri: location.uri, targetRange: range, targetSelectionRange: range, originSelectionRange }] : null;
}
