// The language server, whatever the host: keeps the workspace index in step with open editors and
// the disk, publishes diagnostics, and wires the LSP features. node.ts and browser.ts only create
// the connection and pick the host.
import {
  CodeActionKind,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext, type Feature } from './context';
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
import { TreeChangedNotification } from './protocol';
import type { WorkspaceHost } from './host';
import { CONFIG_FILE_NAME, computeLineStarts, defaultConfig, parseConfig, rules } from './core';

/** Every LSP feature, in the order their handlers are registered. */
export const features: Feature[] = [documentSymbols, foldingRanges, definition, references, documentHighlight, workspaceSymbols, rename, formatting, completion, hover, codeLens, inlayHints, codeActions, semanticTokens, tree];

export function startServer(connection: Connection, host: WorkspaceHost, docsBase?: string): ServerContext {
  const context = new ServerContext(connection, docsBase);
  const documents = new TextDocuments(TextDocument);
  const publisher = new DiagnosticsPublisher(context);
  let folders: string[] = [];

  // Changes arrive one message at a time; the analysis runs once after a burst of them.
  let scheduled = false;
  const schedulePublish = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      publisher.publish();
      void connection.sendNotification(TreeChangedNotification.method);
    }, 0);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
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

  connection.onInitialized(async () => {
    await loadConfig();
    await loadWorkspace();
    schedulePublish();
  });

  const isConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE_NAME}`);
  const isOkr = (uri: string) => uri.endsWith('.okr');
  const configCandidates = () => folders.map((folder) => `${folder.replace(/\/$/, '')}/${CONFIG_FILE_NAME}`);

  /**
   * The okr.config.json of the first workspace folder that has one (an open editor's text first).
   * Without one, the defaults apply.
   */
  async function loadConfig(): Promise<void> {
    for (const uri of configCandidates()) {
      const text = documents.get(uri)?.getText() ?? (await host.readFile(uri));
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

  async function loadWorkspace(): Promise<void> {
    let uris: string[] = [];
    try {
      uris = await host.listOkrFiles(folders);
    } catch (error) {
      connection.console.error(`okr: cannot list the workspace's .okr files: ${String(error)}`);
    }
    for (const uri of uris) {
      if (documents.get(uri)) continue; // An open editor's text wins over the disk.
      const text = await host.readFile(uri);
      if (text !== undefined && !documents.get(uri)) context.index.set(uri, text);
    }
  }

  // The configuration re-validates the workspace as it is typed, before it is even saved.
  const onEditorText = ({ document }: { document: TextDocument }) => {
    if (isConfig(document.uri)) {
      if (configCandidates().includes(document.uri)) {
        void loadConfig().then(schedulePublish);
      }
      return;
    }
    if (isOkr(document.uri) && context.index.set(document.uri, document.getText())) schedulePublish();
  };
  documents.onDidOpen(onEditorText);
  documents.onDidChangeContent(onEditorText);
  documents.onDidClose(async ({ document }) => {
    if (isConfig(document.uri)) {
      await loadConfig();
      return schedulePublish();
    }
    if (!isOkr(document.uri)) return;
    // Closing an editor without saving: the file on disk is the truth again (or it is gone).
    const text = await host.readFile(document.uri);
    if (documents.get(document.uri)) return;
    const changed = text === undefined ? context.index.delete(document.uri) : context.index.set(document.uri, text);
    if (changed) schedulePublish();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let changed = false;
    if (changes.some((change) => isConfig(change.uri) && !documents.get(change.uri))) {
      await loadConfig();
      changed = true;
    }
    for (const change of changes) {
      if (!isOkr(change.uri) || documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        changed = context.index.delete(change.uri) || changed;
      } else {
        const text = await host.readFile(change.uri);
        if (documents.get(change.uri)) continue;
        changed = (text === undefined ? context.index.delete(change.uri) : context.index.set(change.uri, text)) || changed;
      }
    }
    if (changed) schedulePublish();
  });

  connection.onNotification('workspace/didChangeWorkspaceFolders', async (params: { event: { added: { uri: string }[]; removed: { uri: string }[] } }) => {
    const removed = params.event.removed.map((f) => f.uri);
    folders = [...folders.filter((f) => !removed.includes(f)), ...params.event.added.map((f) => f.uri)];
    for (const document of [...context.index.all()]) {
      if (removed.some((folder) => document.uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`)) && !documents.get(document.uri)) {
        context.index.delete(document.uri);
      }
    }
    await loadConfig();
    await loadWorkspace();
    schedulePublish();
  });

  for (const feature of features) feature(context);
  documents.listen(connection);
  connection.listen();
  return context;
}
