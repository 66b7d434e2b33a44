// The one adapter between the protocol and the features: each request is answered from one
// snapshot (context.snapshotFor), by a feature that is a plain function of it. A request that
// waits before it computes (a turn of the event loop, to read a cancellation) checks afterwards
// that nothing changed meanwhile and that its snapshot still fits: otherwise it starts again
// from the newer snapshot, and after a few tries answers ContentModified. An answer is therefore
// always the answer of one generation, and of the latest one there was when it started waiting
// last.
import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { OkrDocument, Snapshot } from './core';
import { cancelled, contentModified, nextTurn, type ServerContext } from './context';
import { codeActions } from './features/codeActions';
import { codeLens } from './features/codeLens';
import { Refusal } from './features/common';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { documentHighlight } from './features/documentHighlight';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { formatting } from './features/formatting';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { semanticTokens } from './features/semanticTokens';
import { tree } from './features/tree';
import { workspaceSymbols } from './features/workspaceSymbols';
import { TreeRequest } from './protocol';

/** How many times a request that waited starts again on a newer snapshot before it gives up. */
const RETRIES = 2;

/** Answers `compute` from one snapshot, now (no wait: the snapshot cannot change meanwhile). */
function now<R>(context: ServerContext, uri: string | undefined, token: CancellationToken | undefined, compute: (snapshot: Snapshot) => R): R {
  if (token?.isCancellationRequested) throw cancelled();
  return refused(() => compute(context.snapshotFor(uri)));
}

/**
 * Answers `compute` from one snapshot after a turn of the event loop, for the long requests:
 * editors cancel them as the user types on, and the cancellation is read in that turn.
 */
async function afterATurn<R>(context: ServerContext, uri: string | undefined, token: CancellationToken, compute: (snapshot: Snapshot) => R): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    if (token.isCancellationRequested) throw cancelled();
    const snapshot = context.snapshotFor(uri);
    const generation = context.generation;
    await new Promise<void>((resolve) => nextTurn(resolve));
    if (token.isCancellationRequested) throw cancelled();
    if (context.generation === generation && context.stillFits(snapshot, uri)) return refused(() => compute(snapshot));
    if (attempt === RETRIES) throw contentModified();
  }
}

/** A feature's refusal becomes the protocol's error. */
function refused<R>(compute: () => R): R {
  try {
    return compute();
  } catch (error) {
    if (error instanceof Refusal) throw new ResponseError(error.kind === 'invalidParams' ? ErrorCodes.InvalidParams : ErrorCodes.InvalidRequest, error.message);
    throw error;
  }
}

/** The document `uri` of the snapshot, or `empty` when the snapshot has none. */
function inDocument<R>(uri: string, empty: R, compute: (snapshot: Snapshot, document: OkrDocument) => R): (snapshot: Snapshot) => R {
  return (snapshot) => {
    const document = snapshot.index.get(uri);
    return document ? compute(snapshot, document) : empty;
  };
}

/** Registers every feature's handlers on the connection. */
export function registerFeatures(context: ServerContext): void {
  const connection: Connection = context.connection;
  connection.onDocumentSymbol(({ textDocument: { uri } }, token) => now(context, uri, token, inDocument(uri, [], documentSymbols)));
  connection.onFoldingRanges(({ textDocument: { uri } }, token) => now(context, uri, token, inDocument(uri, [], foldingRanges)));
  connection.onDefinition(({ textDocument: { uri }, position }, token) => now(context, uri, token, inDocument(uri, null, (s, d) => definition(s, d, position))));
  connection.onReferences(({ textDocument: { uri }, position, context: { includeDeclaration } }, token) =>
    afterATurn(context, uri, token, inDocument(uri, [], (s, d) => references(s, d, position, includeDeclaration))));
  connection.onDocumentHighlight(({ textDocument: { uri }, position }, token) => now(context, uri, token, inDocument(uri, [], (s, d) => documentHighlight(s, d, position))));
  connection.onWorkspaceSymbol(({ query }, token) => afterATurn(context, undefined, token, (s) => workspaceSymbols(s, query)));
  connection.onPrepareRename(({ textDocument: { uri }, position }, token) => now(context, uri, token, inDocument(uri, null, (s, d) => prepareRename(s, d, position))));
  connection.onRenameRequest(({ textDocument: { uri }, position, newName }, token) => now(context, uri, token, inDocument(uri, null, (s, d) => rename(s, d, position, newName))));
  connection.onDocumentFormatting(({ textDocument: { uri }, options }, token) => now(context, uri, token, inDocument(uri, [], (s, d) => formatting(s, d, options))));
  connection.onDocumentRangeFormatting(({ textDocument: { uri }, options, range }, token) => now(context, uri, token, inDocument(uri, [], (s, d) => formatting(s, d, options, range))));
  connection.onCompletion(({ textDocument: { uri }, position }, token) => {
    // The lists after `aligns to` and `contributes to` span the workspace: editors cancel them as
    // the user types on, so they are built after a turn, if still wanted.
    const document = context.index.get(uri);
    const lineStart = document?.file.lineStarts[position.line];
    const before = document && lineStart !== undefined ? document.text.slice(lineStart, lineStart + position.character) : '';
    const compute = inDocument(uri, [], (s, d) => completion(s, d, position));
    return /^\s*(?:aligns|contributes)\s+to\s/u.test(before) ? afterATurn(context, uri, token, compute) : now(context, uri, token, compute);
  });
  connection.onHover(({ textDocument: { uri }, position }, token) => now(context, uri, token, inDocument(uri, null, (s, d) => hover(s, d, position))));
  connection.onCodeLens(({ textDocument: { uri } }, token) => now(context, uri, token, inDocument(uri, [], codeLens)));
  connection.languages.inlayHint.on(({ textDocument: { uri }, range }, token) => now(context, uri, token, inDocument(uri, [], (s, d) => inlayHints(s, d, range))));
  connection.onCodeAction(({ textDocument: { uri }, range, context: { diagnostics, only } }, token) =>
    now(context, uri, token, inDocument(uri, [], (s, d) => codeActions(s, d, range, diagnostics, only))));
  // Editors ask again after every edit and cancel the request before: lexing a big file for
  // nothing would delay the answer they still wait for.
  connection.languages.semanticTokens.on(({ textDocument: { uri } }, token) => afterATurn(context, uri, token, inDocument(uri, { data: [] }, semanticTokens)));
  connection.onRequest(TreeRequest.method, (_params: TreeRequest.Params, token: CancellationToken): Promise<TreeRequest.Result> => afterATurn(context, undefined, token, tree));
}
