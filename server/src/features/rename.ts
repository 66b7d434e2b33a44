// Rename an objective, key result or strategy id, at its definition or at any reference, across
// every file of the workspace. Only ids can be renamed; the new id must be a valid, unused id.
import { ResponseError, ErrorCodes, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { definitionLocation, rangeOf, referencesTo, symbolAt, type Location } from '../core';
import type { Feature } from '../context';

const ID = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

export const rename: Feature = (context) => {
  context.connection.onPrepareRename(({ textDocument, position }) => {
    const document = context.document(textDocument.uri);
    if (!document) return null;
    const symbol = symbolAt(context.index, document, context.offset(document, position));
    if (!symbol) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only the id of an objective, key result or strategy can be renamed');
    if (!symbol.target) throw new ResponseError(ErrorCodes.InvalidRequest, `\`${symbol.name}\` is not defined anywhere: nothing to rename`);
    return { range: rangeOf(document.file.lineStarts, symbol.span), placeholder: symbol.name };
  });

  context.connection.onRenameRequest(({ textDocument, position, newName }): WorkspaceEdit | null => {
    const document = context.document(textDocument.uri);
    if (!document) return null;
    const symbol = symbolAt(context.index, document, context.offset(document, position));
    const target = symbol?.target;
    if (!symbol || !target) return null;
    if (!ID.test(newName)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is not an id: use letters, digits, \`_\` and \`-\`, starting with a letter or \`_\``);
    }
    if (newName === symbol.name) return { changes: {} };
    if (target.kind === 'keyResult') {
      if (target.objective.keyResults.some((kr) => kr.id?.text === newName)) {
        throw new ResponseError(ErrorCodes.InvalidParams, `Objective \`${target.objective.id.text}\` already has a key result \`${newName}\``);
      }
    } else if (context.index.lookup(newName).length > 0) {
      throw new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is already the id of an objective or strategy`);
    }
    const locations: Location[] = [definitionLocation(target), ...referencesTo(context.analyzer.analyse().graph, target)];
    const changes: Record<string, TextEdit[]> = {};
    for (const location of locations) {
      const file = context.document(location.uri)?.file;
      if (!file) continue;
      (changes[location.uri] ??= []).push({ range: rangeOf(file.lineStarts, location.span), newText: newName });
    }
    return { changes };
  });
};
