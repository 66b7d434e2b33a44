// What every LSP feature works from: the index (open editors' text wins over the disk) and the
// analysis. Features never mutate it; server.ts does.
import type { Connection } from 'vscode-languageserver';
import type { Range as LspRange } from 'vscode-languageserver';
import { Analyzer, offsetAt, rangeOf, type ConfigProblem, type OkrDocument, type Span, WorkspaceIndex, type Position } from './core';

/** The okr.config.json in force, with its text (for ranges) and its problems. */
export interface LoadedConfig {
  readonly uri: string;
  readonly lineStarts: readonly number[];
  readonly problems: readonly ConfigProblem[];
}

export class ServerContext {
  readonly index = new WorkspaceIndex();
  readonly analyzer = new Analyzer(this.index);
  config: LoadedConfig | undefined;

  /**
   * @param docsBase where docs/rules/<id>.md are (a URI ending in `/`): diagnostics link there.
   */
  constructor(
    readonly connection: Connection,
    public docsBase?: string,
  ) {}

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

/** One LSP feature: registers its handlers on the connection. */
export type Feature = (context: ServerContext) => void;
