// The alignment-tree preview: one webview panel (viewType `okr.preview`), reused, showing the
// whole workspace's tree (the server's `okr/tree`, a TreeModel) and following the active .okr
// editor by highlighting the node under its cursor.
//
// Messages (the page is preview-ui/, bundled to dist/preview/preview.js):
//   host → page   { type: 'model', model }          the tree, again after every workspace change
//                 { type: 'highlight', uri, line }  the followed editor's cursor (0-based line)
//   page → host   { type: 'ready' }                 the page listens (again after being hidden:
//                                                   the webview is not retained, the page keeps
//                                                   its UI state with getState/setState)
//                 { type: 'reveal', uri, line }     open that line in the source editor's column
//                 { type: 'alignTo', uri, line }    "Align to…" the objective there: the ranked
//                                                   parents (`okr/parents`) in a quick pick
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { TreeModel } from '../../../server/src/core/tree';
import { ParentsRequest, TreeChangedNotification, TreeRequest } from '../../../server/src/protocol';
import { previewHtml } from './html';

export const previewViewType = 'okr.preview';

const highlightDelay = 100;
const refreshDelay = 150;

/** What the extension's API exposes of the preview, for tests. */
export interface PreviewApi {
  /** The preview panel, while one is open. */
  readonly panel?: vscode.WebviewPanel;
  /** Every message the page sent (`ready`, `reveal`). */
  readonly onDidReceiveMessage: vscode.Event<unknown>;
  /** Every message delivered to the page (`model`, `highlight`). */
  readonly onDidPostMessage: vscode.Event<unknown>;
  /** The last model delivered to the page. */
  readonly lastModel?: TreeModel;
}

type PageMessage = { type: 'ready' } | { type: 'reveal' | 'alignTo'; uri: string; line: number };
type HostMessage = { type: 'model'; model: TreeModel } | { type: 'highlight'; uri: string; line: number };

function asPageMessage(message: unknown): PageMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, uri, line } = message as Record<string, unknown>;
  if (type === 'ready') return { type };
  if ((type === 'reveal' || type === 'alignTo') && typeof uri === 'string' && typeof line === 'number' && Number.isFinite(line)) return { type, uri, line };
  return undefined;
}

function isOkr(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor?.document.languageId === 'okr';
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').filter(Boolean).pop() ?? uri.toString();
}

/** Whether a file of the extension exists: over HTTP (VS Code for the web) or on disk (desktop). */
async function exists(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    // workspace.fs is no guide here: the web workbench answers stat() for any such URI.
    try {
      const response = await fetch(uri.toString(true), { method: 'HEAD', cache: 'no-store' });
      return response.ok;
    } catch {
      return false;
    }
  }
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export class PreviewManager implements PreviewApi, vscode.Disposable {
  private readonly root: vscode.Uri;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<unknown>();
  private readonly posted = new vscode.EventEmitter<unknown>();
  readonly onDidReceiveMessage = this.received.event;
  readonly onDidPostMessage = this.posted.event;

  private current?: { panel: vscode.WebviewPanel; disposables: vscode.Disposable[] };
  /** The page has said `ready` since it was (re)loaded. */
  private pageReady = false;
  /** The followed .okr editor: its document, column and cursor line. */
  private source?: { uri: vscode.Uri; column?: vscode.ViewColumn; line: number };
  /** The newest tree received from the server (for this panel). */
  private model?: TreeModel;
  private delivered?: TreeModel;
  /** The `uri:line` last delivered to this page, to skip repeats. */
  private lastHighlight?: string;
  private requested = 0;
  private applied = 0;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private highlightTimer?: ReturnType<typeof setTimeout>;

  constructor(
    context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
    private readonly clientReady: Promise<void>,
  ) {
    this.root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'preview');
    this.disposables.push(
      this.received,
      this.posted,
      vscode.commands.registerCommand('okr.openPreview', (uri?: unknown) => this.open(false, uri)),
      vscode.commands.registerCommand('okr.openPreviewToSide', (uri?: unknown) => this.open(true, uri)),
      vscode.window.registerWebviewPanelSerializer(previewViewType, {
        deserializeWebviewPanel: async (panel) => {
          if (this.current) {
            panel.dispose(); // one preview only
            return;
          }
          if (!this.follow(vscode.window.activeTextEditor)) this.follow(vscode.window.visibleTextEditors.find(isOkr));
          await this.adopt(panel);
        },
      }),
      this.client.onNotification(TreeChangedNotification.method, () => this.scheduleRefresh()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.follow(editor)) this.scheduleHighlight(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (this.follow(event.textEditor)) this.scheduleHighlight(highlightDelay);
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  get panel(): vscode.WebviewPanel | undefined {
    return this.current?.panel;
  }

  get lastModel(): TreeModel | undefined {
    return this.delivered;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.highlightTimer);
    this.current?.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  // ---- the panel -----------------------------------------------------------------------------

  /** Resolves once the panel's HTML is set. */
  private async open(toSide: boolean, resource: unknown): Promise<void> {
    // From the editor title menu the command gets the editor's resource.
    const editor =
      resource instanceof vscode.Uri
        ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === resource.toString())
        : vscode.window.activeTextEditor;
    this.follow(editor ?? vscode.window.activeTextEditor);
    const viewColumn = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.current) {
      this.current.panel.reveal(viewColumn, toSide);
      this.scheduleHighlight(0);
      return;
    }
    const panel = vscode.window.createWebviewPanel(previewViewType, this.title(), { viewColumn, preserveFocus: toSide }, this.options());
    await this.adopt(panel);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [this.root],
      // Not retained: the page reloads when shown again and restores its state (getState).
      retainContextWhenHidden: false,
      enableFindWidget: true,
    };
  }

  /** Makes `panel` (new, or restored after a reload) the preview; resolves once its HTML is set. */
  private async adopt(panel: vscode.WebviewPanel): Promise<void> {
    const disposables: vscode.Disposable[] = [];
    this.current = { panel, disposables };
    this.pageReady = false;
    this.lastHighlight = undefined;
    panel.title = this.title();
    const { enableScripts, localResourceRoots } = this.options();
    panel.webview.options = { enableScripts, localResourceRoots };
    disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(panel, message)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is destroyed; the page says `ready` again when shown.
        if (!panel.visible) this.pageReady = false;
      }),
      panel.onDidDispose(() => {
        if (this.current?.panel !== panel) return;
        for (const disposable of disposables) disposable.dispose();
        this.current = undefined;
        this.pageReady = false;
        this.model = undefined;
        this.delivered = undefined;
        clearTimeout(this.refreshTimer);
        clearTimeout(this.highlightTimer);
      }),
    );
    void this.refresh();
    await this.render(panel);
  }

  private async render(panel: vscode.WebviewPanel): Promise<void> {
    const codicons = await exists(vscode.Uri.joinPath(this.root, 'codicon.css'));
    if (this.current?.panel !== panel) return;
    panel.webview.html = previewHtml({ webview: panel.webview, root: this.root, codicons });
  }

  private title(): string {
    return this.source ? `OKR Preview: ${basename(this.source.uri)}` : 'OKR Preview';
  }

  // ---- messages ----------------------------------------------------------------------------

  private onMessage(panel: vscode.WebviewPanel, raw: unknown): void {
    if (this.current?.panel !== panel) return;
    this.received.fire(raw);
    const message = asPageMessage(raw);
    if (message?.type === 'ready') {
      this.pageReady = true;
      this.lastHighlight = undefined;
      if (this.model !== undefined) this.postModel();
      else void this.refresh();
      this.postHighlight();
    } else if (message?.type === 'reveal') {
      this.reveal(message.uri, message.line).catch((error) =>
        this.client.warn(`OKR preview: cannot open ${message.uri}:${message.line + 1}`, error, false),
      );
    } else if (message?.type === 'alignTo') {
      this.alignTo(message.uri, message.line).catch((error) => this.client.warn(`OKR preview: cannot align ${message.uri}:${message.line + 1}`, error, false));
    }
  }

  /** "Align to…": the ranked parents in a quick pick (core/ranking.ts, via `okr/parents`); the one picked is written. */
  private async alignTo(uri: string, line: number): Promise<void> {
    const params: ParentsRequest.Params = { uri, line };
    const result: ParentsRequest.Result = await this.client.sendRequest(ParentsRequest.method, params);
    if (!result || !result.parents.length) return;
    const picked = await vscode.window.showQuickPick(
      result.parents.map((parent) => ({ label: parent.id, description: parent.title, detail: parent.detail, parent })),
      { title: `Align ${result.objective} to…`, placeHolder: 'Best first: one level up, the same period and folder, shared words; catch-alls last', matchOnDescription: true },
    );
    if (!picked) return;
    const edit = new vscode.WorkspaceEdit();
    const target = vscode.Uri.parse(uri);
    for (const change of picked.parent.edits) {
      edit.replace(target, new vscode.Range(change.range.start.line, change.range.start.character, change.range.end.line, change.range.end.character), change.newText);
    }
    await vscode.workspace.applyEdit(edit);
  }

  private post(message: HostMessage): void {
    const panel = this.current?.panel;
    if (!panel || !this.pageReady) return;
    // The model goes as JSON text: a string crosses into the webview far faster than the object
    // graph (10,000 objectives: ≈ 60 ms to parse on the page instead of ≈ 450 ms of cloning).
    const wire = message.type === 'model' ? { type: 'model', model: JSON.stringify(message.model) } : message;
    panel.webview.postMessage(wire).then(
      (delivered) => {
        if (!delivered || this.current?.panel !== panel) return;
        if (message.type === 'model') this.delivered = message.model;
        this.posted.fire(message);
      },
      () => undefined, // the panel went away meanwhile
    );
  }

  private postModel(): void {
    if (this.model !== undefined) this.post({ type: 'model', model: this.model });
  }

  // ---- the tree ----------------------------------------------------------------------------

  private scheduleRefresh(): void {
    if (!this.current) return; // a new panel asks for the tree anyway
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), refreshDelay);
  }

  /** Asks the server for the tree; a response older than one already shown is dropped. */
  private async refresh(): Promise<void> {
    const panel = this.current?.panel;
    if (!panel) return;
    const request = ++this.requested;
    try {
      await this.clientReady;
      const params: TreeRequest.Params = {};
      const model: TreeRequest.Result = await this.client.sendRequest(TreeRequest.method, params);
      if (request <= this.applied || this.current?.panel !== panel) return; // stale
      this.applied = request;
      this.model = model;
      this.postModel();
    } catch (error) {
      if (request === this.requested && this.client.isRunning()) {
        this.client.warn(`OKR preview: the ${TreeRequest.method} request failed`, error, false);
      }
    }
  }

  // ---- following the editor ----------------------------------------------------------------

  /** Follows `editor` when it is an .okr editor; says whether it did. */
  private follow(editor: vscode.TextEditor | undefined): boolean {
    if (!isOkr(editor)) return false;
    const changedFile = this.source?.uri.toString() !== editor.document.uri.toString();
    this.source = { uri: editor.document.uri, column: editor.viewColumn, line: editor.selection.active.line };
    if (changedFile && this.current) this.current.panel.title = this.title();
    return true;
  }

  private scheduleHighlight(delay: number): void {
    if (!this.current) return;
    clearTimeout(this.highlightTimer);
    if (delay <= 0) this.postHighlight();
    else this.highlightTimer = setTimeout(() => this.postHighlight(), delay);
  }

  private postHighlight(): void {
    if (!this.source || !this.pageReady) return;
    const uri = this.source.uri.toString();
    const { line } = this.source;
    const key = `${uri}:${line}`;
    if (key === this.lastHighlight) return;
    this.lastHighlight = key;
    this.post({ type: 'highlight', uri, line });
  }

  /** Opens `uri` at `line` in the column of the source editor (never the preview's). */
  private async reveal(uri: string, line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const target = Math.min(Math.max(0, Math.floor(line)), document.lineCount - 1);
    const position = new vscode.Position(target, document.lineAt(target).firstNonWhitespaceCharacterIndex);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: this.sourceColumn(), preserveFocus: false });
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  }

  private sourceColumn(): vscode.ViewColumn {
    const previewColumn = this.current?.panel.viewColumn;
    const candidates = [
      this.source?.column,
      ...vscode.window.visibleTextEditors.filter(isOkr).map((editor) => editor.viewColumn),
      ...vscode.window.visibleTextEditors.map((editor) => editor.viewColumn),
    ];
    return candidates.find((column) => column !== undefined && column !== previewColumn) ?? vscode.ViewColumn.Beside;
  }
}

/** Registers the preview's commands and serializer; returns what the extension's API exposes. */
export function registerPreview(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  ready: Promise<void>,
): PreviewApi {
  const manager = new PreviewManager(context, client, ready);
  context.subscriptions.push(manager);
  return manager;
}
