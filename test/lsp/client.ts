// A real LSP client for protocol tests: spawns the built server (dist/server/node.js, or the
// `okr-language-server` bin) over stdio and speaks JSON-RPC to it, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
  type InitializeResult,
  type CodeAction,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = resolve(__dirname, '../../..');

export interface Workspace {
  dir: string;
  uri(name: string): string;
  write(name: string, text: string): string;
  remove(name: string): void;
  dispose(): void;
}

/** A temporary folder of .okr files, written to disk. */
export function workspace(files: Record<string, string> = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'okr-lsp-'));
  const ws: Workspace = {
    dir,
    uri: (name) => URI.file(join(dir, name)).toString(),
    write(name, text) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
      return ws.uri(name);
    },
    remove: (name) => rmSync(join(dir, name)),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [name, text] of Object.entries(files)) ws.write(name, text);
  return ws;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many times diagnostics were published, per URI. */
  readonly publishes = new Map<string, number>();
  /** The params of every `client/registerCapability` request the server sent. */
  readonly registrations: { registrations: { method: string; registerOptions?: unknown }[] }[] = [];
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  stderr = '';
  initializeResult: InitializeResult | undefined;

  constructor(command: string[] = [process.execPath, join(repoRoot, 'dist/server/node.js'), '--stdio']) {
    this.process = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishes.set(params.uri, (this.publishes.get(params.uri) ?? 0) + 1);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('client/registerCapability', (params: LspClient['registrations'][number]) => {
      this.registrations.push(params);
      return null;
    });
    this.connection.onRequest('workspace/configuration', () => []);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /**
   * Starts the session on a workspace folder, or on several (a multi-root workspace).
   * `snippetEdits`: the client applies snippets in workspace edits, as VS Code does.
   */
  async initialize(folder?: string | string[], { snippetEdits = false } = {}): Promise<InitializeResult> {
    const folders = (typeof folder === 'string' ? [folder] : (folder ?? [])).map((dir) => URI.file(dir).toString());
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.length ? folders.map((uri, i) => ({ uri, name: `ws${i}` })) : null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          definition: { linkSupport: true },
        },
        workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, ...(snippetEdits && { workspaceEdit: { documentChanges: true, snippetEditSupport: true } }) },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult!;
  }

  open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'okr', version: 1, text } });
  }

  /** Replaces the whole text of an open document. */
  change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Waits until the diagnostics last published for `uri` satisfy `predicate`. */
  async diagnosticsFor(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && predicate(current)) return current;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out waiting for diagnostics of ${uri}; last: ${JSON.stringify(current ?? null)}; server stderr: ${this.stderr}`);
      }
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  published(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri);
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the process is killed below either way.
    }
    this.connection.dispose();
    this.process.kill();
  }
}

/** The errors among diagnostics: the foundation's rules are errors; warnings and hints come from the analysis. */
export const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 1);
/** The codes of the errors. */
export const codes = (diagnostics: Diagnostic[]) => errors(diagnostics).map((d) => d.code);
/** The diagnostics of one rule. */
export const ofRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

/** Text with a `$0` cursor mark → the text without it, and the mark's position. */
export function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const at = marked.indexOf('$0');
  if (at === -1) throw new Error('fixture has no $0 cursor mark');
  const before = marked.slice(0, at).split(/\r\n|\r|\n/);
  return { text: marked.slice(0, at) + marked.slice(at + 2), position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

/**
 * Where each line starts, as the protocol counts lines (a line ends at LF, CRLF or a lone CR):
 * written here as a client that follows the specification does, apart from the server's code.
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

/** The offset of a position, as a client that follows the specification reads it. */
export function offsetOf(text: string, position: { line: number; character: number }): number {
  return (lineStartsOf(text)[position.line] ?? text.length) + position.character;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = lineStartsOf(text);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/**
 * Records a server → client notification (e.g. `okr/didChangeTree`): how many arrived, and a wait
 * for the n-th. Call it before the notifications can arrive (before `initialize` for the first).
 */
export function recordNotifications(client: LspClient, method: string): { readonly received: unknown[]; waitFor(count: number, timeoutMs?: number): Promise<unknown> } {
  const received: unknown[] = [];
  const waiters: (() => void)[] = [];
  client.connection.onNotification(method, (params: unknown) => {
    received.push(params);
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    received,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting for ${method} #${count} (${received.length} arrived); server stderr: ${client.stderr}`);
        await new Promise<void>((wake) => {
          const timer = setTimeout(wake, left);
          waiters.push(() => {
            clearTimeout(timer);
            wake();
          });
        });
      }
      return received[count - 1];
    },
  };
}

/**
 * Semantic tokens as `word:type` (and `.modifier` for each modifier): the server's relative
 * encoding decoded against its legend, so tests read them as words.
 */
export function decodeSemanticTokens(text: string, data: readonly number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }): string[] {
  const lines = text.split('\n');
  const decoded: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    const mods = legend.tokenModifiers.filter((_, bit) => data[i + 4]! & (1 << bit));
    const word = lines[line]!.slice(character, character + data[i + 2]!);
    decoded.push(`${word}:${legend.tokenTypes[data[i + 3]!]}${mods.length ? `.${mods.join('.')}` : ''}`);
  }
  return decoded;
}

/**
 * Opens `text` as `uri`, waits for a diagnostic of `rule`, and asks for the code actions on it:
 * what an editor does when the user clicks the light bulb.
 */
export async function quickFixes(client: LspClient, uri: string, text: string, rule: string): Promise<{ uri: string; diagnostic: Diagnostic; actions: CodeAction[] }> {
  await client.open(uri, text);
  const [diagnostic] = ofRule(await client.diagnosticsFor(uri, (d) => ofRule(d, rule).length > 0), rule);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } });
  return { uri, diagnostic: diagnostic!, actions };
}
