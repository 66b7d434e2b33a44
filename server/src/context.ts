// What every LSP feature works from: the index (open editors' text wins over the disk) and the
// analysis. Features never mutate it; server.ts does.
//
// Editors send a change per keystroke, and a burst of them can arrive before the server has time
// to look. Their text is therefore parsed lazily: a change only records the editor's latest text,
// and the index takes it in the moment anything reads the index or the analysis. A burst of ten
// changes to a big file costs one parse, not ten.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { Range as LspRange } from 'vscode-languageserver';
import { Analyzer, offsetAt, rangeOf, type ConfigProblem, type OkrDocument, type Span, WorkspaceIndex, type Position } from './core';
import type { ForeignEncoding } from './core/encoding';

/** The okr.config.json in force, with its text (for ranges) and its problems. */
export interface LoadedConfig {
  readonly uri: string;
  readonly lineStarts: readonly number[];
  readonly problems: readonly ConfigProblem[];
}

export class ServerContext {
  private readonly workspaceIndex = new WorkspaceIndex();
  private readonly workspaceAnalyzer = new Analyzer(this.workspaceIndex);
  /** Editor texts not yet parsed, by URI, in the order they arrived. */
  private readonly pendingEdits = new Map<string, { text: string; encoding: ForeignEncoding | undefined }>();
  config: LoadedConfig | undefined;
  /** Whether the editor applies snippets in workspace edits (placeholders, the cursor after a fix). */
  snippetEdits = false;

  /**
   * @param docsBase where docs/rules/<id>.md are (a URI ending in `/`): diagnostics link there.
   */
  constructor(
    readonly connection: Connection,
    public docsBase?: string,
  ) {}

  /** The workspace index, with every editor change received so far taken in. */
  get index(): WorkspaceIndex {
    this.applyPendingEdits();
    return this.workspaceIndex;
  }

  /** The analyzer, over the index as of the last editor change received. */
  get analyzer(): Analyzer {
    this.applyPendingEdits();
    return this.workspaceAnalyzer;
  }

  /** Records an editor's text for `uri`; it is parsed when the index is next read. */
  setEditorText(uri: string, text: string, encoding?: ForeignEncoding): void {
    this.pendingEdits.delete(uri); // Re-inserted last: edits are applied in the order they came.
    this.pendingEdits.set(uri, { text, encoding });
  }

  private applyPendingEdits(): void {
    if (this.pendingEdits.size === 0) return;
    const edits = [...this.pendingEdits];
    this.pendingEdits.clear();
    for (const [uri, { text, encoding }] of edits) this.workspaceIndex.set(uri, text, encoding);
  }

  document(uri: string): OkrDocument | undefined {
    return this.index.get(uri);
  }

  range(uri: string, span: Span): LspRange | undefined {
    const document = this.index.get(uri);
    return document ? rangeOf(document.file.lineStarts, span) : undefined;
  }

  offset(document: OkrDocument, position: Position): number {
    return offsetAt(document.file.lineStarts, document.text.length, position);
  }
}

/**
 * Lets a `$/cancelRequest` that arrived while a handler computed be read, then gives up if it
 * did: the long handlers call it between computing (the analysis) and building a big answer.
 */
export async function unlessCancelled(token: CancellationToken): Promise<void> {
  await new Promise<void>((resolve) => nextTurn(resolve));
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

/**
 * After the messages already received are read: in Node, setImmediate runs after the poll for
 * input; a Web Worker has only setTimeout, and its messages are events queued before it anyway.
 */
export const nextTurn: (callback: () => void) => void = typeof setImmediate === 'function' ? setImmediate : (callback) => setTimeout(callback, 0);

/** One LSP feature: registers its handlers on the connection. */
export type Feature = (context: ServerContext) => void;
