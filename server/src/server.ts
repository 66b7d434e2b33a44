// The language server, whatever the host: wires the parts together. workspaceSync.ts keeps the
// index in step with the editors and the disk; scheduler.ts runs the analysis when a burst of
// changes is over, in slices, and publishes each new snapshot's diagnostics; answers.ts answers
// every request from one snapshot. node.ts and browser.ts only create the connection and pick
// the host.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type ConnectionStrategy,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Message,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerFeatures } from './answers';
import { ServerContext } from './context';
import { DiagnosticsPublisher } from './features/diagnostics';
import { semanticTokensLegend } from './features/semanticTokens';
import { TreeChangedNotification } from './protocol';
import type { WorkspaceHost } from './host';
import { CONFIG_FILE_NAME } from './core';
import { AnalysisScheduler } from './scheduler';
import { WorkspaceSync } from './workspaceSync';

/**
 * What the connection does with a request cancelled before its handler started: answer it at once
 * with RequestCancelled instead of computing an answer nobody waits for. Both entries pass it to
 * createConnection.
 */
export const connectionStrategy: ConnectionStrategy = {
  cancelUndispatched(message: Message): ResponseMessage {
    return { jsonrpc: '2.0', id: (message as RequestMessage).id, error: new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled').toJson() };
  },
};

/** The files the server watches, registered with clients that let it (VS Code and most others). */
const WATCHERS = [
  { globPattern: '**/*.okr' },
  { globPattern: `**/${CONFIG_FILE_NAME}` },
  // A folder deleted or moved arrives as one event for the folder only, whatever it held.
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];

export function startServer(connection: Connection, host: WorkspaceHost, docsBase?: string): ServerContext {
  const context = new ServerContext(connection, docsBase);
  const documents = new TextDocuments(TextDocument);
  const publisher = new DiagnosticsPublisher((params) => void connection.sendDiagnostics(params));
  const scheduler = new AnalysisScheduler(
    () => context.analyzer,
    (snapshot) => {
      publisher.publish(snapshot, context.config, context.docsBase);
      void connection.sendNotification(TreeChangedNotification.method);
    },
  );
  const sync = new WorkspaceSync(context, host, documents, () => scheduler.schedule(), (message) => connection.console.error(message));
  let folders: string[] = [];
  let clientCapabilities: InitializeParams['capabilities'] = {};

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options = params.initializationOptions as { docsBase?: unknown } | undefined;
    if (typeof options?.docsBase === 'string') context.docsBase = options.docsBase;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        workspaceSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        documentFormattingProvider: true,
        completionProvider: { triggerCharacters: [' ', '.', '@'] },
        documentRangeFormattingProvider: true,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'okr-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
    }
    // The connection's workspace-folders feature owns the notification when the client supports it.
    if (clientCapabilities.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((event) => sync.foldersChanged(event));
    void sync.start(folders);
  });

  documents.onDidOpen(({ document }) => sync.editorText(document));
  documents.onDidChangeContent(({ document }) => sync.editorText(document));
  documents.onDidClose(({ document }) => sync.editorClosed(document.uri));
  connection.onDidChangeWatchedFiles(({ changes }) => sync.filesChanged(changes));

  registerFeatures(context);
  documents.listen(connection);
  connection.listen();
  return context;
}
