// Find references: every `aligns to` / `contributes to` naming the objective, key result or
// strategy under the cursor, across the workspace (and its definition when asked for).
import type { Location, Position } from 'vscode-languageserver-types';
import { definitionLocation, referencesTo, symbolAt, type OkrDocument, type Snapshot } from '../core';
import { offsetIn, rangeIn } from './common';

export function references(snapshot: Snapshot, document: OkrDocument, position: Position, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(snapshot.index, document, offsetIn(document, position));
  if (!symbol?.target) return [];
  const { graph } = snapshot;
  const found = referencesTo(graph, symbol.target);
  if (includeDeclaration) found.unshift(definitionLocation(symbol.target));
  return found.flatMap((location): Location[] => {
    const range = rangeIn(snapshot, location.uri, location.span);
    return range ? [{ uri: location.uri, range }] : [];
  });
}
