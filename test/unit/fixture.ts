// Features in process, on a snapshot: a workspace of named files, one of them marked with a `$0`
// cursor. No server, no connection: the feature is called as the adapter calls it.
//   const { snapshot, document, position } = fixture({ 'company.okr': company }, 'objective x: X\n  level $0\n');
//   completion(snapshot, document, position);
import { Analyzer, WorkspaceIndex, defaultConfig, type AnalysisConfig, type OkrDocument, type Snapshot } from '../../server/src/core';

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A marked text (`$0` where the cursor is) → the text and the cursor's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('$0');
  if (at === -1) throw new Error('fixture has no $0 cursor mark');
  const before = marked.slice(0, at).split('\n');
  return { text: marked.slice(0, at) + marked.slice(at + 2), position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

/** The URI of a fixture file. */
export function uriOf(name: string): string {
  return `file:///ws/${name}`;
}

export interface Fixture {
  readonly snapshot: Snapshot;
  /** The marked document, without its mark. */
  readonly document: OkrDocument;
  /** Where `$0` was. */
  readonly position: Position;
}

/**
 * The snapshot of `files` with `marked` as the text of `name` (a new file `edit.okr` when not
 * given: it replaces the file of that name otherwise, as an open editor's text does).
 */
export function fixture(files: Record<string, string>, marked: string, name = 'edit.okr', config: Partial<AnalysisConfig> = {}): Fixture {
  const { text, position } = cursor(marked);
  const index = new WorkspaceIndex();
  for (const [file, content] of Object.entries(files)) index.set(uriOf(file), content);
  index.set(uriOf(name), text);
  const analyzer = new Analyzer(index);
  analyzer.setConfig({ ...defaultConfig, today: '2026-02-15', ...config });
  const snapshot = analyzer.analyse();
  return { snapshot, document: snapshot.index.get(uriOf(name))!, position };
}
