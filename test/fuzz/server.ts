// The language server's features, in process: the handlers answers.ts registers, registered on a
// connection that only records them, over a real ServerContext (index and analysis). A request
// calls the handler as the connection would, without JSON-RPC or stdio, so that thousands of
// documents can be put to every feature in seconds.
import { CancellationToken, ResponseError, type Connection, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { ServerContext } from '../../server/src/context';
import { registerFeatures } from '../../server/src/answers';
import { DiagnosticsPublisher } from '../../server/src/features/diagnostics';
import { computeLineStarts, parseConfig, rules } from '../../server/src/core';
import type { Files } from './arbitraries';

type Handler = (params: unknown, token: CancellationToken) => unknown;

/** The requests the features answer, by the name they register under. */
export type Request =
  | 'Completion' | 'Hover' | 'Definition' | 'References' | 'DocumentHighlight' | 'DocumentSymbol' | 'WorkspaceSymbol'
  | 'FoldingRanges' | 'CodeAction' | 'CodeLens' | 'PrepareRename' | 'RenameRequest' | 'DocumentFormatting'
  | 'DocumentRangeFormatting' | 'InlayHint' | 'SemanticTokens' | 'okr/tree';

/** A request's answer, or the protocol error it was refused with (a refusal is an answer, not a crash). */
export type Answer = { readonly result: unknown } | { readonly error: { readonly code: number; readonly message: string } };

/** Today as in samples/okr.config.json: progress, staleness and pace do not depend on the clock. */
const SAMPLES_CONFIG = '{ "today": "2026-03-02" }';
export const CONFIG_URI = 'file:///ws/okr.config.json';

export class InProcessServer {
  readonly context: ServerContext;
  private readonly handlers = new Map<string, Handler>();
  private readonly publisher: DiagnosticsPublisher;
  /** The diagnostics last published for each document, as the client holds them. */
  readonly published = new Map<string, Diagnostic[]>();

  /** @param config the text of okr.config.json (it should set `today`: answers must not depend on the clock) */
  constructor(files: Files = {}, config = SAMPLES_CONFIG) {
    const register = (name: string) => (handler: Handler) => {
      this.handlers.set(name, handler);
      return { dispose() {} };
    };
    const connection = {
      languages: { inlayHint: { on: register('InlayHint') }, semanticTokens: { on: register('SemanticTokens') } },
      onRequest: (method: string, handler: Handler) => register(method)(handler),
      sendDiagnostics: (params: PublishDiagnosticsParams) => {
        this.published.set(params.uri, params.diagnostics);
        return Promise.resolve();
      },
    };
    // Every other `connection.onX(handler)` the features call registers the handler under `X`.
    const recording = new Proxy(connection, {
      get(target, property) {
        if (property in target) return target[property as keyof typeof target];
        if (typeof property === 'string' && /^on[A-Z]/.test(property)) return register(property.slice(2));
        throw new Error(`a feature uses connection.${String(property)}, which the in-process server does not record`);
      },
    }) as unknown as Connection;
    this.context = new ServerContext(recording);
    // No scheduler runs the analysis here: a request finishes it, however long it takes.
    this.context.requestBudget = Infinity;
    // As server.ts applies the okr.config.json it finds: settings, and problems to publish.
    const parsed = parseConfig(config, rules.map((rule) => rule.meta.id));
    this.context.analyzer.setConfig(parsed.config);
    this.context.config = { uri: CONFIG_URI, lineStarts: computeLineStarts(config), problems: parsed.problems };
    registerFeatures(this.context);
    this.publisher = new DiagnosticsPublisher((params) => this.published.set(params.uri, params.diagnostics));
    for (const [uri, text] of Object.entries(files)) this.context.index.set(uri, text);
  }

  /** Sets a document's text, as an editor's change or the disk would. */
  set(uri: string, text: string): void {
    this.context.index.set(uri, text);
  }

  /** The text the server holds for each document. */
  get files(): Files {
    return Object.fromEntries(this.context.index.all().map((document) => [document.uri, document.text]));
  }

  /** The names of every handler the features registered. */
  get requests(): string[] {
    return [...this.handlers.keys()].sort();
  }

  /** Calls the handler (never cancelled); anything thrown but a protocol error propagates. */
  async answer(request: Request, params: unknown): Promise<Answer> {
    const handler = this.handlers.get(request);
    if (!handler) throw new Error(`no feature answers ${request}`);
    try {
      return { result: await handler(params, CancellationToken.None) };
    } catch (error) {
      if (error instanceof ResponseError) return { error: { code: error.code, message: error.message } };
      throw error;
    }
  }

  /** The result of a request that must not be refused. */
  async request<T>(request: Request, params: unknown): Promise<T> {
    const answer = await this.answer(request, params);
    if ('error' in answer) throw new Error(`${request} was refused: ${answer.error.message}`);
    return answer.result as T;
  }

  /** Publishes diagnostics as server.ts does after a change; returns what the client holds. */
  publishDiagnostics(): Map<string, Diagnostic[]> {
    this.publisher.publish(this.context.analyzer.analyse(), this.context.config, this.context.docsBase);
    return this.published;
  }
}
