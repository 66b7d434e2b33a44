// The language server, whatever the host: keeps the workspace index in step with open editors and
// the disk, publishes diagnostics, and wires the LSP features. node.ts and browser.ts only create
// the connection and pick the host.
import {
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
import type { WorkspaceHost } from './host';

const features: Feature[] = [documentSymbols, foldingRanges, definition, references];

export function startServer(connection: Connection, host: WorkspaceHost): ServerContext {
  const context = new ServerContext(connection);
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
    }, 0);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'okr-language-server' },
    };
  });

  connection.onInitialized(async () => {
    await loadWorkspace();
    schedulePublish();
  });

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

  documents.onDidOpen(({ document }) => {
    if (context.index.set(document.uri, document.getText())) schedulePublish();
  });
  documents.onDidChangeContent(({ document }) => {
    if (context.index.set(document.uri, document.getText())) schedulePublish();
  });
  documents.onDidClose(async ({ document }) => {
    // Closing an editor without saving: the file on disk is the truth again (or it is gone).
    const text = await host.readFile(document.uri);
    if (documents.get(document.uri)) return;
    const changed = text === undefined ? context.index.delete(document.uri) : context.index.set(document.uri, text);
    if (changed) schedulePublish();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let changed = false;
    for (const change of changes) {
      if (!change.uri.endsWith('.okr') || documents.get(change.uri)) continue;
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
    await loadWorkspace();
    schedulePublish();
  });

  for (const feature of features) feature(context);
  documents.listen(connection);
  connection.listen();
  return context;
}
