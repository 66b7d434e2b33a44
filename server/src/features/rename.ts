// Rename an objective, key result or strategy id, at its definition or at any reference, across
// every file of the workspace. Only ids can be renamed; the new id must be a valid, unused id.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { definitionLocation, rangeOf, referencesTo, symbolAt, type Location, type OkrDocument, type Snapshot } from '../core';
import { offsetIn, Refusal } from './common';

const ID = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

/** The id to rename at the cursor, and its name; refused where nothing can be renamed. */
export function prepareRename(snapshot: Snapshot, document: OkrDocument, position: Position): { range: Range; placeholder: string } {
  const symbol = symbolAt(snapshot.index, document, offsetIn(document, position));
  if (!symbol) throw new Refusal('invalidRequest', 'Only the id of an objective, key result or strategy can be renamed');
  if (!symbol.target) throw new Refusal('invalidRequest', `\`${symbol.name}\` is not defined anywhere: nothing to rename`);
  return { range: rangeOf(document.file.lineStarts, symbol.span), placeholder: symbol.name };
}

/** The edits that rename the id at the cursor to `newName` everywhere; refused when `newName` cannot be that id. */
export function rename(snapshot: Snapshot, document: OkrDocument, position: Position, newName: string): WorkspaceEdit | null {
  const symbol = symbolAt(snapshot.index, document, offsetIn(document, position));
  const target = symbol?.target;
  if (!symbol || !target) return null;
  if (!ID.test(newName)) {
    throw new Refusal('invalidParams', `\`${newName}\` is not an id: use letters, digits, \`_\` and \`-\`, starting with a letter or \`_\``);
  }
  if (newName === symbol.name) return { changes: {} };
  if (target.kind === 'keyResult') {
    if (target.objective.keyResults.some((kr) => kr.id?.text === newName)) {
      throw new Refusal('invalidParams', `Objective \`${target.objective.id.text}\` already has a key result \`${newName}\``);
    }
  } else if (snapshot.index.lookup(newName).length > 0) {
    throw new Refusal('invalidParams', `\`${newName}\` is already the id of an objective or strategy`);
  }
  const locations: Location[] = [definitionLocation(target), ...referencesTo(snapshot.graph, target)];
  const changes: Record<string, TextEdit[]> = {};
  for (const location of locations) {
    const file = snapshot.index.get(location.uri)?.file;
    if (!file) continue;
    (changes[location.uri] ??= []).push({ range: rangeOf(file.lineStarts, location.span), newText: newName });
  }
  return { changes };
}
