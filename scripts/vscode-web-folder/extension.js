// The workspace folder of the VS Code for the web that `npm start` and the extension-host tests
// serve (scripts/vscode-web.mjs): a web extension used only there, never part of the OKR
// extension's package. It reads the folder from the local server (/static/folder/…?stat,
// ?readdir, the bytes otherwise), keeps changes in memory (the folder on disk is never written),
// and gives the workbench what a folder on disk has: Quick Open (a file search provider) and the
// Search view (a text search provider).
//
// Why not @vscode/test-web's own folder mount: its file search matches what is typed in Quick Open
// as a glob against whole URIs, so "sales.okr" finds nothing, and a second file search provider
// cannot be registered for a scheme that already has one.
const vscode = require('vscode');

const SCHEME = 'vscode-web-folder';

/** @param {vscode.ExtensionContext} context */
exports.activate = function activate(context) {
  const folder = new ServerFolder(context.extensionUri.with({ path: '/static/folder', query: '', fragment: '' }));
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(SCHEME, folder, { isCaseSensitive: true }),
    vscode.workspace.registerFileSearchProvider(SCHEME, folder),
    vscode.workspace.registerTextSearchProvider(SCHEME, folder),
  );
};

/**
 * An entry of the folder: `{ type, name, ctime, mtime, size }`, plus for a file `content` (a
 * promise of its bytes, fetched the first time it is read) and for a directory `children` (a
 * promise of a Map name → entry, fetched the first time it is listed).
 */
class ServerFolder {
  /** @param {vscode.Uri} serverUri where the server answers for the folder's root */
  constructor(serverUri) {
    this.serverUri = serverUri;
    this.root = undefined; // a promise of the root entry
    this.changes = new vscode.EventEmitter();
    this.onDidChangeFile = this.changes.event;
  }

  // ---- reading from the server ---------------------------------------------------------------

  /** The server's URL for `path` (a path inside the folder, `/` for its root). */
  url(path, query) {
    const uri = this.serverUri.with({ path: this.serverUri.path + path, query: query ?? '' });
    return uri.toString(true);
  }

  async fetchJson(path, query) {
    const response = await fetch(this.url(path, query));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${path}?${query}`);
    return response.json();
  }

  entryFromServer(path, { name, type, ctime, mtime, size }) {
    const entry = { type, name, ctime, mtime, size };
    if (type === vscode.FileType.Directory) {
      let children;
      Object.defineProperty(entry, 'children', {
        configurable: true,
        enumerable: true,
        get: () => (children ??= this.fetchJson(path, 'readdir').then((list) => this.childrenFromServer(path, list))),
        set: (value) => (children = value),
      });
    } else {
      let content;
      Object.defineProperty(entry, 'content', {
        configurable: true,
        enumerable: true,
        get: () =>
          (content ??= fetch(this.url(path)).then(async (response) => {
            if (!response.ok) throw vscode.FileSystemError.FileNotFound(path);
            return new Uint8Array(await response.arrayBuffer());
          })),
        set: (value) => (content = value),
      });
    }
    return entry;
  }

  childrenFromServer(path, list) {
    if (!Array.isArray(list)) throw vscode.FileSystemError.FileNotFound(path);
    const children = new Map();
    for (const item of list) children.set(item.name, this.entryFromServer(`${path === '/' ? '' : path}/${item.name}`, item));
    return children;
  }

  rootEntry() {
    this.root ??= this.fetchJson('/', 'stat').then((stat) => {
      if (stat.error) throw new Error(`the folder cannot be read: ${stat.error}`);
      return this.entryFromServer('/', { ...stat, name: '' });
    });
    return this.root;
  }

  /** The entry at `uri` (vscode-web-folder:/<folder name>/<path inside>), or undefined. */
  async lookup(uri) {
    let entry = await this.rootEntry();
    for (const part of uri.path.split('/').filter(Boolean).slice(1)) {
      if (entry.type !== vscode.FileType.Directory) return undefined;
      entry = (await entry.children).get(part);
      if (!entry) return undefined;
    }
    return entry;
  }

  async existing(uri) {
    const entry = await this.lookup(uri);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  async directory(uri) {
    const entry = await this.existing(uri);
    if (entry.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    return entry;
  }

  // ---- FileSystemProvider ---------------------------------------------------------------------

  watch() {
    // The folder changes only through this provider, which reports its own changes.
    return new vscode.Disposable(() => {});
  }

  async stat(uri) {
    const { type, ctime, mtime, size } = await this.existing(uri);
    return { type, ctime, mtime, size };
  }

  async readDirectory(uri) {
    const children = await (await this.directory(uri)).children;
    return [...children.values()].map((child) => [child.name, child.type]);
  }

  async readFile(uri) {
    const entry = await this.existing(uri);
    if (entry.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.content;
  }

  async writeFile(uri, content, options) {
    const children = await (await this.directory(parentOf(uri))).children;
    const name = baseName(uri);
    const entry = children.get(name);
    if (entry?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!entry && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (entry && options.create && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    const now = Date.now();
    children.set(name, { type: vscode.FileType.File, name, ctime: entry?.ctime ?? now, mtime: now, size: content.byteLength, content: Promise.resolve(content) });
    this.changes.fire([{ type: entry ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  async createDirectory(uri) {
    const children = await (await this.directory(parentOf(uri))).children;
    const name = baseName(uri);
    if (children.has(name)) throw vscode.FileSystemError.FileExists(uri);
    const now = Date.now();
    children.set(name, { type: vscode.FileType.Directory, name, ctime: now, mtime: now, size: 0, children: Promise.resolve(new Map()) });
    this.changes.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  async delete(uri) {
    const children = await (await this.directory(parentOf(uri))).children;
    if (!children.delete(baseName(uri))) throw vscode.FileSystemError.FileNotFound(uri);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  async rename(from, to, options) {
    const entry = await this.existing(from);
    const target = await (await this.directory(parentOf(to))).children;
    if (target.has(baseName(to)) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    (await (await this.directory(parentOf(from))).children).delete(baseName(from));
    entry.name = baseName(to);
    target.set(entry.name, entry);
    this.changes.fire([
      { type: vscode.FileChangeType.Deleted, uri: from },
      { type: vscode.FileChangeType.Created, uri: to },
    ]);
  }

  // ---- search ---------------------------------------------------------------------------------

  /** Every file under `folder` (a URI), depth first, as `{ uri, relative, entry }`, until `stop()`. */
  async *files(folder, stop) {
    const start = await this.lookup(folder);
    if (!start || start.type !== vscode.FileType.Directory) return;
    const pending = [{ uri: folder, relative: '', entry: start }];
    while (pending.length > 0 && !stop()) {
      const { uri, relative, entry } = pending.pop();
      const children = [...(await entry.children).values()].sort((a, b) => (a.name < b.name ? 1 : -1));
      for (const child of children) {
        const item = { uri: vscode.Uri.joinPath(uri, child.name), relative: relative ? `${relative}/${child.name}` : child.name, entry: child };
        if (child.type === vscode.FileType.Directory) pending.push(item);
        else yield item;
      }
    }
  }

  /**
   * Quick Open: the files whose path holds the typed characters in order, ignoring case and
   * spaces, as VS Code's own file search does; the workbench then ranks them. Include and exclude
   * patterns are applied by the workbench to what is returned.
   */
  async provideFileSearchResults(query, options, token) {
    const wanted = (query.pattern ?? '').replace(/\s+/g, '').toLowerCase();
    const max = options.maxResults ?? Infinity;
    const found = [];
    for await (const { uri, relative } of this.files(options.folder, () => token.isCancellationRequested || found.length >= max)) {
      if (isSubsequence(wanted, relative.toLowerCase()) && found.length < max) found.push(uri);
    }
    return found;
  }

  /** The Search view: every match of the query in the folder's text files, with its line. */
  async provideTextSearchResults(query, options, progress, token) {
    const matcher = regExpOf(query);
    const max = options.maxResults ?? Infinity;
    let count = 0;
    for await (const { uri, entry } of this.files(options.folder, () => token.isCancellationRequested || count >= max)) {
      if (options.maxFileSize !== undefined && entry.size > options.maxFileSize) continue;
      const bytes = await entry.content;
      if (bytes.includes(0)) continue; // a binary file
      const text = new TextDecoder().decode(bytes);
      for (const match of matchesIn(text, matcher, query.isMultiline)) {
        if (count >= max) return { limitHit: true };
        count++;
        progress.report({ uri, ranges: match.range, preview: { text: match.previewText, matches: match.previewRange } });
      }
    }
    return { limitHit: false };
  }
}

function parentOf(uri) {
  return vscode.Uri.joinPath(uri, '..');
}

function baseName(uri) {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Whether every character of `wanted` occurs in `text`, in order. */
function isSubsequence(wanted, text) {
  let at = 0;
  for (const char of wanted) {
    at = text.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

function regExpOf(query) {
  let source = query.isRegExp ? query.pattern : query.pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  if (query.isWordMatch) source = `\\b(?:${source})\\b`;
  return new RegExp(source, `gmu${query.isCaseSensitive ? '' : 'i'}`);
}

/**
 * The matches of `matcher` in `text`: line by line, or across lines when `multiline`; each with
 * its range in the document and the lines it spans as its preview.
 */
function* matchesIn(text, matcher, multiline) {
  const lines = text.split(/\r\n|\r|\n/);
  const chunks = multiline ? [{ line: 0, text: lines.join('\n') }] : lines.map((line, index) => ({ line: index, text: line }));
  for (const chunk of chunks) {
    matcher.lastIndex = 0;
    for (let match = matcher.exec(chunk.text); match; match = matcher.exec(chunk.text)) {
      if (match[0].length === 0) {
        matcher.lastIndex++;
        continue;
      }
      const start = positionIn(chunk.text, match.index, chunk.line);
      const end = positionIn(chunk.text, match.index + match[0].length, chunk.line);
      yield {
        range: new vscode.Range(start.line, start.character, end.line, end.character),
        previewText: lines.slice(start.line, end.line + 1).join('\n'),
        previewRange: new vscode.Range(0, start.character, end.line - start.line, end.character),
      };
    }
  }
}

/** The line and character of `offset` in `text`, whose first line is line `firstLine`. */
function positionIn(text, offset, firstLine) {
  const before = text.slice(0, offset);
  const lineBreaks = before.split('\n').length - 1;
  return { line: firstLine + lineBreaks, character: offset - (before.lastIndexOf('\n') + 1) };
}
