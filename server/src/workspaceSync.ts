// Keeps the index in step with open editors and the disk. The index always equals the disk of
// the workspace folders, overlaid by the open editors:
//  - an open editor's text wins over its file, even when the file changes or goes;
//  - closing an editor reads the file again (or drops it, when it is gone or outside the folders);
//  - files created, changed, renamed and deleted outside the editor arrive as watched-file events
//    (server.ts registers the watchers); a deleted folder arrives as one event for the folder,
//    and takes every file under it; a folder created or moved in is walked;
//  - workspace folders added are read, and the files of a removed folder leave the index (their
//    diagnostics are cleared);
//  - the okr.config.json of the first workspace folder that has one is the configuration (an
//    open editor's text first, so that it re-validates the workspace as it is typed).
// Disk work is asynchronous; it runs as one queue, in the order the events came, so that a late
// read can never undo a later deletion. Nothing here knows the connection: tests drive it in
// process, with a WorkspaceHost of their own.
import { FileChangeType, type FileEvent, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver-protocol';
import type { ServerContext } from './context';
import { CONFIG_FILE_NAME, computeLineStarts, defaultConfig, parseConfig, rules } from './core';
import type { DecodedText, ForeignEncoding } from './core/encoding';
import { isSkippedName, type WorkspaceHost } from './host';

/** The documents open in editors, by URI (TextDocuments, or a test's map). */
export interface OpenEditors {
  get(uri: string): { readonly uri: string; getText(): string } | undefined;
}

export class WorkspaceSync {
  private folders: string[] = [];
  /** How each file not in UTF-8 is encoded on disk: an open editor's text keeps saying so. */
  private readonly diskEncodings = new Map<string, ForeignEncoding>();
  private diskWork: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: ServerContext,
    private readonly host: WorkspaceHost,
    private readonly editors: OpenEditors,
    /** Called after each change of the index or the configuration. */
    private readonly changed: () => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Reads the configuration and every folder's files. */
  start(folders: readonly string[]): Promise<void> {
    this.folders = [...folders];
    return this.onDisk(async () => {
      await this.loadConfig();
      await this.loadFolders(this.folders);
    });
  }

  /** Resolves when the disk work queued so far is done. */
  idle(): Promise<void> {
    return this.diskWork;
  }

  /** An editor opened a document, or its text changed. */
  editorText(document: { readonly uri: string; getText(): string }): void {
    if (isConfig(document.uri)) {
      if (this.configCandidates().includes(document.uri)) void this.onDisk(() => this.loadConfig());
      return;
    }
    if (!isOkr(document.uri)) return;
    this.takeEditorText(document);
    this.changed();
  }

  /** An editor closed `uri` without saving: the file on disk is the truth again (or it is gone). */
  editorClosed(uri: string): void {
    if (isConfig(uri)) {
      void this.onDisk(() => this.loadConfig());
      return;
    }
    if (!isOkr(uri)) return;
    void this.onDisk(async () => {
      if (this.isOpen(uri)) return; // Opened again meanwhile.
      this.takeDiskText(uri, this.inWorkspace(uri) ? await this.host.readFile(uri) : undefined);
    });
  }

  /** Files created, changed or deleted on disk. */
  filesChanged(events: readonly FileEvent[]): void {
    void this.onDisk(async () => {
      // A path can be reported more than once (by several watchers): its last event says where it stands.
      const latest = new Map<string, FileChangeType>();
      for (const event of events) {
        latest.delete(event.uri);
        latest.set(event.uri, event.type);
      }
      let config = false;
      for (const [uri, type] of latest) {
        if (isConfig(uri)) config = true;
        else if (isOkr(uri)) this.takeDiskText(uri, type === FileChangeType.Deleted || !this.inWorkspace(uri) ? undefined : await this.host.readFile(uri));
        else if (type === FileChangeType.Deleted) this.dropFolder(uri);
        else if (type === FileChangeType.Created && this.inWorkspace(uri)) await this.loadFolders([uri]);
      }
      if (config) await this.loadConfig();
    });
  }

  /** Workspace folders added or removed. */
  foldersChanged(event: WorkspaceFoldersChangeEvent): void {
    void this.onDisk(async () => {
      const removed = new Set(event.removed.map((f) => f.uri));
      const added = event.added.map((f) => f.uri).filter((uri) => !this.folders.includes(uri));
      this.folders = [...this.folders.filter((f) => !removed.has(f)), ...added];
      for (const document of [...this.context.index.all()]) {
        if (!this.isOpen(document.uri) && !this.inWorkspace(document.uri)) this.takeDiskText(document.uri, undefined);
      }
      await this.loadConfig();
      await this.loadFolders(added);
    });
  }

  /** Queues disk work after the work before it; `changed` follows it. */
  private onDisk(job: () => Promise<void>): Promise<void> {
    this.diskWork = this.diskWork
      .then(job)
      .catch((error: unknown) => this.log(`okr: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      .then(() => this.changed());
    return this.diskWork;
  }

  private isOpen(uri: string): boolean {
    return this.editors.get(uri) !== undefined;
  }

  private configCandidates(): string[] {
    return this.folders.map((folder) => `${folder.replace(/\/$/, '')}/${CONFIG_FILE_NAME}`);
  }

  /** Whether the workspace holds `uri`: under a folder, and not in a folder the server never walks. */
  private inWorkspace(uri: string): boolean {
    return this.folders.some((folder) => {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      return uri.startsWith(prefix) && !uri.slice(prefix.length).split('/').some(isSkippedName);
    });
  }

  /**
   * The okr.config.json of the first workspace folder that has one (an open editor's text first).
   * Without one, the defaults apply.
   */
  private async loadConfig(): Promise<void> {
    for (const uri of this.configCandidates()) {
      const text = this.editors.get(uri)?.getText() ?? (await this.host.readFile(uri))?.text;
      if (text === undefined) continue;
      const { config, problems } = parseConfig(text, rules.map((rule) => rule.meta.id));
      this.context.analyzer.setConfig(config);
      this.context.config = { uri, lineStarts: computeLineStarts(text), problems };
      return;
    }
    this.context.config = undefined;
    this.context.analyzer.setConfig(defaultConfig);
  }

  /** Indexes the .okr files under `roots` (workspace folders, or a folder that appeared). */
  private async loadFolders(roots: readonly string[]): Promise<void> {
    if (!roots.length) return;
    let uris: string[] = [];
    try {
      uris = await this.host.listOkrFiles(roots);
    } catch (error) {
      this.log(`okr: cannot list the workspace's .okr files: ${String(error)}`);
    }
    const under = (uri: string) => roots.some((root) => uri === root || uri.startsWith(root.endsWith('/') ? root : `${root}/`));
    for (const uri of uris) {
      if (this.isOpen(uri) || !under(uri) || !this.inWorkspace(uri)) continue; // An open editor's text wins over the disk.
      this.takeDiskText(uri, await this.host.readFile(uri));
    }
  }

  /** The file as read from disk (undefined: gone or unreadable) becomes the index's, unless an editor has it open. */
  private takeDiskText(uri: string, read: DecodedText | undefined): void {
    const wasForeign = this.diskEncodings.get(uri)?.name;
    if (read?.encoding) this.diskEncodings.set(uri, read.encoding);
    else this.diskEncodings.delete(uri);
    const editor = this.editors.get(uri);
    if (editor) {
      // The editor's text stays; only what it says about the file's encoding on disk may change.
      if (wasForeign !== read?.encoding?.name) this.takeEditorText(editor);
      return;
    }
    if (read === undefined || !this.inWorkspace(uri)) this.context.index.delete(uri);
    else this.context.index.set(uri, read.text, read.encoding);
  }

  private takeEditorText(document: { readonly uri: string; getText(): string }): void {
    const encoding = this.diskEncodings.get(document.uri);
    // The editor decoded the bytes itself: its text carries no position of a bad byte.
    this.context.setEditorText(document.uri, document.getText(), encoding && { name: encoding.name });
  }

  /** Every file under a deleted folder leaves the index, except those open in an editor. */
  private dropFolder(folder: string): void {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    for (const document of [...this.context.index.all()]) {
      if (document.uri.startsWith(prefix) && !this.isOpen(document.uri)) this.takeDiskText(document.uri, undefined);
    }
  }
}

function isConfig(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

function isOkr(uri: string): boolean {
  return uri.endsWith('.okr');
}
