// The language server, whatever the host: keeps the workspace index in step with open editors and
// the disk, publishes diagnostics, and wires the LSP features. node.ts and browser.ts only create
// the connection and pick the host.
//
// The index always equals the disk of the workspace folders, overlaid by the open editors:
//  - an open editor's text wins over its file, even when the file changes or goes;
//  - closing an editor reads the file again (or drops it, when it is gone or outside the folders);
//  - files created, changed, renamed and deleted outside the editor arrive as watched-file events
//    (the server registers the watchers itself); a deleted folder arrives as one event for the
//    folder, and takes every file under it; a folder created or moved in is walked;
//  - workspace folders added are read, and the files of a removed folder leave the index (their
//    diagnostics are cleared).
// Disk work is asynchronous; it runs as one queue, in the order the events came, so that a late
// read can never undo a later deletion.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
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
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext, nextTurn, type Feature } from './context';
import { definition } from './features/definition';
import { DiagnosticsPublisher } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { references } from './features/references';
import { documentHighlight } from './features/documentHighlight';
import { workspaceSymbols } from './features/workspaceSymbols';
import { rename } from './features/rename';
import { formatting } from './features/formatting';
import { completion } from './features/completion';
import { hover } from './features/hover';
import { codeLens } from './features/codeLens';
import { inlayHints } from './features/inlayHints';
import { codeActions } from './features/codeActions';
import { semanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { tree } from './features/tree';
import { parents } from './features/parents';
import { TreeChangedNotification } from './protocol';
import { isSkippedName, type WorkspaceHost } from './host';
import { CONFIG_FILE_NAME, computeLineStarts, defaultConfig, parseConfig, rules } from './core';
import type { DecodedText, ForeignEncoding } from './core/encoding';

/** Every LSP feature, in the order their handlers are registered. */
export const features: Feature[] = [documentSymbols, foldingRanges, definition, references, documentHighlight, workspaceSymbols, rename, formatting, completion, hover, codeLens, inlayHints, codeActions, semanticTokens, tree, parents];

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
  const publisher = new DiagnosticsPublisher(context);
  let folders: string[] = [];
  let clientCapabilities: InitializeParams['capabilities'] = {};
  /** How each file not in UTF-8 is encoded on disk: an open editor's text keeps saying so. */
  const diskEncodings = new Map<string, ForeignEncoding>();

  let diskWork: Promise<void> = Promise.resolve();
  const onDisk = (job: () => Promise<void>): Promise<void> =>
    (diskWork = diskWork.then(job).catch((error: unknown) => connection.console.error(`okr: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)));

  // The analysis runs once a burst of changes is over: each change pushes it back by one turn of
  // the event loop, so the messages already received are all taken in first, and only the
  // latest text of each file is analysed.
  let changes = 0;
  let scheduled = false;
  let publishedGeneration = -1;
  let configChanged = false;
  const schedulePublish = () => {
    changes++;
    if (scheduled) return;
    scheduled = true;
    let seen = -1;
    const publishWhenQuiet = () => {
      if (seen !== changes) {
        seen = changes;
        return nextTurn(publishWhenQuiet);
      }
      scheduled = false;
      const { generation } = context.index;
      if (generation === publishedGeneration && !configChanged) return;
      publishedGeneration = generation;
      configChanged = false;
      publisher.publish();
      void connection.sendNotification(TreeChangedNotification.method);
    };
    nextTurn(publishWhenQuiet);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities;
    context.snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true && params.capabilities.workspace.workspaceEdit.documentChanges === true;
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
    if (clientCapabilities.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders(onFoldersChanged);
    void onDisk(async () => {
      await loadConfig();
      await loadFolders(folders);
    }).then(schedulePublish);
  });

  const isConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE_NAME}`);
  const isOkr = (uri: string) => uri.endsWith('.okr');
  const configCandidates = () => folders.map((folder) => `${folder.replace(/\/$/, '')}/${CONFIG_FILE_NAME}`);
  const isOpen = (uri: string) => documents.get(uri) !== undefined;

  /** Whether the workspace holds `uri`: under a folder, and not in a folder the server never walks. */
  function inWorkspace(uri: string): boolean {
    return folders.some((folder) => {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      return uri.startsWith(prefix) && !uri.slice(prefix.length).split('/').some(isSkippedName);
    });
  }

  /**
   * The okr.config.json of the first workspace folder that has one (an open editor's text first).
   * Without one, the defaults apply.
   */
  async function loadConfig(): Promise<void> {
    configChanged = true;
    for (const uri of configCandidates()) {
      const text = documents.get(uri)?.getText() ?? (await host.readFile(uri))?.text;
      if (text === undefined) continue;
      applyConfig(uri, text);
      return;
    }
    context.config = undefined;
    context.analyzer.setConfig(defaultConfig);
  }

  function applyConfig(uri: string, text: string): void {
    const { config, problems } = parseConfig(text, rules.map((rule) => rule.meta.id));
    context.analyzer.setConfig(config);
    context.config = { uri, lineStarts: computeLineStarts(text), problems };
  }

  /** Indexes the .okr files under `roots` (workspace folders, or a folder that appeared). */
  async function loadFolders(roots: readonly string[]): Promise<void> {
    if (!roots.length) return;
    let uris: string[] = [];
    try {
      uris = await host.listOkrFiles(roots);
    } catch (error) {
      connection.console.error(`okr: cannot list the workspace's .okr files: ${String(error)}`);
    }
    const under = (uri: string) => roots.some((root) => uri === root || uri.startsWith(root.endsWith('/') ? root : `${root}/`));
    for (const uri of uris) {
      if (isOpen(uri) || !under(uri) || !inWorkspace(uri)) continue; // An open editor's text wins over the disk.
      takeDiskText(uri, await host.readFile(uri));
    }
  }

  /** The file as read from disk (undefined: gone or unreadable) becomes the index's, unless an editor has it open. */
  function takeDiskText(uri: string, read: DecodedText | undefined): void {
    const wasForeign = diskEncodings.get(uri)?.name;
    if (read?.encoding) diskEncodings.set(uri, read.encoding);
    else diskEncodings.delete(uri);
    const editor = documents.get(uri);
    if (editor) {
      // The editor's text stays; only what it says about the file's encoding on disk may change.
      if (wasForeign !== read?.encoding?.name) takeEditorText(editor);
      return;
    }
    if (read === undefined || !inWorkspace(uri)) context.index.delete(uri);
    else context.index.set(uri, read.text, read.encoding);
  }

  function takeEditorText(document: TextDocument): void {
    const encoding = diskEncodings.get(document.uri);
    // The editor decoded the bytes itself: its text carries no position of a bad byte.
    context.setEditorText(document.uri, document.getText(), encoding && { name: encoding.name });
  }

  // The configuration re-validates the workspace as it is typed, before it is even saved.
  const onEditorText = ({ document }: { document: TextDocument }) => {
    if (isConfig(document.uri)) {
      if (configCandidates().includes(document.uri)) void onDisk(loadConfig).then(schedulePublish);
      return;
    }
    if (!isOkr(document.uri)) return;
    takeEditorText(document);
    schedulePublish();
  };
  documents.onDidOpen(onEditorText);
  documents.onDidChangeContent(onEditorText);
  documents.onDidClose(({ document }) => {
    const { uri } = document;
    if (isConfig(uri)) {
      void onDisk(loadConfig).then(schedulePublish);
      return;
    }
    if (!isOkr(uri)) return;
    // Closing an editor without saving: the file on disk is the truth again (or it is gone).
    void onDisk(async () => {
      if (isOpen(uri)) return; // Opened again meanwhile.
      takeDiskText(uri, inWorkspace(uri) ? await host.readFile(uri) : undefined);
    }).then(schedulePublish);
  });

  connection.onDidChangeWatchedFiles(({ changes: events }) => {
    void onDisk(async () => {
      // A path can be reported more than once (by several watchers): its last event says where it stands.
      const latest = new Map<string, FileChangeType>();
      for (const event of events) {
        latest.delete(event.uri);
        latest.set(event.uri, event.type);
      }
      let config = false;
      for (const [uri, type] of latest) {
        if (isConfig(uri)) config = true;
        else if (isOkr(uri)) takeDiskText(uri, type === FileChangeType.Deleted || !inWorkspace(uri) ? undefined : await host.readFile(uri));
        else if (type === FileChangeType.Deleted) dropFolder(uri);
        else if (type === FileChangeType.Created && inWorkspace(uri)) await loadFolders([uri]);
      }
      if (config) await loadConfig();
    }).then(schedulePublish);
  });

  /** Every file under a deleted folder leaves the index, except those open in an editor. */
  function dropFolder(folder: string): void {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    for (const document of [...context.index.all()]) {
      if (document.uri.startsWith(prefix) && !isOpen(document.uri)) takeDiskText(document.uri, undefined);
    }
  }

  function onFoldersChanged(event: WorkspaceFoldersChangeEvent): void {
    void onDisk(async () => {
      const removed = new Set(event.removed.map((f) => f.uri));
      const added = event.added.map((f) => f.uri).filter((uri) => !folders.includes(uri));
      folders = [...folders.filter((f) => !removed.has(f)), ...added];
      for (const document of [...context.index.all()]) {
        if (!isOpen(document.uri) && !inWorkspace(document.uri)) takeDiskText(document.uri, undefined);
      }
      await loadConfig();
      await loadFolders(added);
    }).then(schedulePublish);
  }

  for (const feature of features) feature(context);
  documents.listen(connection);
  connection.listen();
  return context;
}
