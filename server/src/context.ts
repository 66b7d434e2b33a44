// What the server keeps between requests: the live index (open editors' text wins over the disk),
// the analyzer, and the snapshots it makes. Features never see it: the adapter (answers.ts) takes
// a snapshot from it and hands that to them. workspaceSync.ts keeps the index in step.
//
// Editors send a change per keystroke, and a burst of them can arrive before the server has time
// to look. Their text is therefore parsed lazily: a change only records the editor's latest text,
// and the index takes it in the moment anything reads the index or the analysis. A burst of ten
// changes to a big file costs one parse, not ten.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { Analyzer, type ConfigProblem, type Snapshot, WorkspaceIndex } from './core';
import type { ForeignEncoding } from './core/encoding';

/** The okr.config.json in force, with its text (for ranges) and its problems. */
export interface LoadedConfig {
  readonly uri: string;
  readonly lineStarts: readonly number[];
  readonly problems: readonly ConfigProblem[];
}

/**
 * How long a request may spend moving the analysis on before it answers from the last snapshot:
 * well under the 200 ms an editor waits before a hover feels slow.
 */
export const REQUEST_BUDGET_MS = 30;

export class ServerContext {
  private readonly workspaceIndex = new WorkspaceIndex();
  private readonly workspaceAnalyzer = new Analyzer(this.workspaceIndex);
  /** Editor texts not yet parsed, by URI, in the order they arrived. */
  private readonly pendingEdits = new Map<string, { text: string; encoding: ForeignEncoding | undefined }>();
  private editsReceived = 0;
  config: LoadedConfig | undefined;
  /** How long a request may analyse before it answers from the last snapshot (tests in process, with no scheduler, wait for the whole analysis). */
  requestBudget = REQUEST_BUDGET_MS;

  /**
   * @param docsBase where docs/rules/<id>.md are (a URI ending in `/`): diagnostics link there.
   */
  constructor(
    readonly connection: Connection,
    public docsBase?: string,
  ) {}

  /** The live workspace index, with every editor change received so far taken in. */
  get index(): WorkspaceIndex {
    this.applyPendingEdits();
    return this.workspaceIndex;
  }

  /** The analyzer, over the index as of the last editor change received. */
  get analyzer(): Analyzer {
    this.applyPendingEdits();
    return this.workspaceAnalyzer;
  }

  /**
   * A number that moves with every change received: a text (parsed or not yet), a file read or
   * gone, the configuration. A request that waited compares it with the one before its wait.
   */
  get generation(): number {
    return this.workspaceAnalyzer.generation + this.editsReceived;
  }

  /** Records an editor's text for `uri`; it is parsed when the index is next read. */
  setEditorText(uri: string, text: string, encoding?: ForeignEncoding): void {
    this.editsReceived++;
    this.pendingEdits.delete(uri); // Re-inserted last: edits are applied in the order they came.
    this.pendingEdits.set(uri, { text, encoding });
  }

  private applyPendingEdits(): void {
    if (this.pendingEdits.size === 0) return;
    const edits = [...this.pendingEdits];
    this.pendingEdits.clear();
    for (const [uri, { text, encoding }] of edits) this.workspaceIndex.set(uri, text, encoding);
  }

  /**
   * The snapshot a request answers from. The current generation's when it is ready, or can be
   * made within `requestBudget` (the run goes on in the scheduler's slices otherwise); while a
   * long analysis runs, the last snapshot, when the request's document (if any) is the same
   * there as now. Otherwise the request cannot be
   * answered yet: ContentModified (the editor asks again).
   */
  snapshotFor(uri?: string): Snapshot {
    const analyzer = this.analyzer;
    // A run under way is the scheduler's to drive: a request does not add to the wait of the next.
    if (!analyzer.running) {
      const current = analyzer.step(this.requestBudget);
      if (current) return current;
    }
    const last = analyzer.latest;
    if (last && (uri === undefined || !this.moved(last, uri))) return last;
    throw contentModified();
  }

  /**
   * Whether `snapshot` is still whole and fit to answer about `uri` after a wait: it is the latest
   * snapshot (an analysis since may have updated its graph in place), and the document is as it
   * was in it. (A request also starts again when anything changed during its wait: answers.ts.)
   */
  stillFits(snapshot: Snapshot, uri?: string): boolean {
    return this.workspaceAnalyzer.latest === snapshot && (uri === undefined || !this.moved(snapshot, uri));
  }

  /** Whether the document `uri` changed since `snapshot` (an edit not yet parsed counts). */
  private moved(snapshot: Snapshot, uri: string): boolean {
    return this.pendingEdits.has(uri) || snapshot.index.get(uri) !== this.workspaceIndex.get(uri);
  }
}

export function contentModified(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, 'The workspace changed while the request waited');
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

/**
 * Lets a `$/cancelRequest` that arrived while a handler computed be read, then gives up if it
 * did: the long handlers call it between computing (the analysis) and building a big answer.
 */
export async function unlessCancelled(token: CancellationToken): Promise<void> {
  await new Promise<void>((resolve) => nextTurn(resolve));
  if (token.isCancellationRequested) throw cancelled();
}

/**
 * After the messages already received are read: in Node, setImmediate runs after the poll for
 * input; a Web Worker has only setTimeout, and its messages are events queued before it anyway.
 */
export const nextTurn: (callback: () => void) => void = typeof setImmediate === 'function' ? setImmediate : (callback) => setTimeout(callback, 0);
