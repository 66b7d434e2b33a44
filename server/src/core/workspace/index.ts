// The workspace index: every .okr file of the workspace, parsed, and the symbols they define.
// Ids of objectives and strategies are global across files; key result ids are scoped to their
// objective (`objective.kr`). Each file is parsed once per text; an edit re-parses only its
// file and updates only that file's symbols, so the cost of a keystroke does not grow with the
// workspace.
import { SimilarWords } from '../util/similar';
import { parseOkr, type KeyResult, type Objective, type OkrFile, type Strategy } from '../syntax';
import type { ForeignEncoding } from '../encoding';

export interface OkrDocument {
  readonly uri: string;
  readonly text: string;
  readonly file: OkrFile;
  /** Bumped on every change of this document's text. */
  readonly revision: number;
  /** How the file was read when it is not UTF-8 (the `encoding` rule reports it). */
  readonly encoding?: ForeignEncoding;
}

export type Definition =
  | { readonly kind: 'objective'; readonly uri: string; readonly node: Objective }
  | { readonly kind: 'strategy'; readonly uri: string; readonly node: Strategy };

export interface KeyResultDefinition {
  readonly kind: 'keyResult';
  readonly uri: string;
  readonly node: KeyResult;
  readonly objective: Objective;
}

export class WorkspaceIndex {
  private documents = new Map<string, OkrDocument>();
  private symbols = new Map<string, Definition[]>();
  /**
   * Whether `documents` and `symbols` are shared with a frozen copy (`freeze`): the next change
   * copies them first. `owned` holds the symbol lists this index has copied since: the others are
   * shared, and are copied before they change.
   */
  private shared = false;
  private owned = new Set<Definition[]>();
  /** A frozen copy refuses changes. */
  private frozen = false;
  private nextRevision = 1;
  private ordered: OkrDocument[] | undefined;
  /**
   * "Did you mean" over the ids, made when first asked; a new, empty box whenever an id appears or
   * disappears. Shared with the frozen copies made meanwhile (they have the same ids), so that
   * what one analysis of a frozen copy builds serves the next ones too.
   */
  private similar: SimilarBox = {};
  /** Ids that appeared during the change under way. */
  private readonly appeared: string[] = [];
  /** Ids gone while a file is re-read: most come back with its new text and keep `similar` valid. */
  private readonly vanished = new Set<string>();
  /** Bumped on every change anywhere: analyses are cached against it. */
  generation = 0;

  /**
   * The index as it is now, never to change: what one analysis, and every answer made from it,
   * reads. Costs nothing now; the next change of this index copies its tables (once per frozen
   * copy, however many changes follow).
   */
  freeze(): WorkspaceIndex {
    if (this.frozen) return this;
    const copy = new WorkspaceIndex();
    copy.documents = this.documents;
    copy.symbols = this.symbols;
    copy.ordered = this.ordered;
    copy.similar = this.similar;
    copy.generation = this.generation;
    copy.nextRevision = this.nextRevision;
    copy.frozen = true;
    this.shared = true;
    return copy;
  }

  /** Whether this is a frozen copy. */
  get isFrozen(): boolean {
    return this.frozen;
  }

  private beforeChange(): void {
    if (this.frozen) throw new Error('a frozen workspace index does not change');
    if (!this.shared) return;
    this.documents = new Map(this.documents);
    this.symbols = new Map(this.symbols);
    this.owned = new Set();
    this.shared = false;
  }

  /** Sets a document's text; returns false when the text is unchanged (nothing to redo). */
  set(uri: string, text: string, encoding?: ForeignEncoding): boolean {
    const previous = this.documents.get(uri);
    if (previous && previous.text === text && sameEncoding(previous.encoding, encoding)) return false;
    this.beforeChange();
    if (previous) this.removeSymbols(previous);
    const document: OkrDocument = { uri, text, file: previous?.text === text ? previous.file : parseOkr(text), revision: this.nextRevision++, ...(encoding && { encoding }) };
    this.documents.set(uri, document);
    this.addSymbols(document);
    this.forgetVanished();
    this.ordered = undefined;
    this.generation++;
    return true;
  }

  delete(uri: string): boolean {
    const previous = this.documents.get(uri);
    if (!previous) return false;
    this.beforeChange();
    this.removeSymbols(previous);
    this.forgetVanished();
    this.documents.delete(uri);
    this.ordered = undefined;
    this.generation++;
    return true;
  }

  get(uri: string): OkrDocument | undefined {
    return this.documents.get(uri);
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  /** Every document, in URI order: whatever iterates them (rules, the tree) is deterministic. */
  all(): readonly OkrDocument[] {
    return (this.ordered ??= [...this.documents.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)));
  }

  get size(): number {
    return this.documents.size;
  }

  /** Objectives and strategies called `id`, in every file (more than one is a duplicate-id). */
  lookup(id: string): readonly Definition[] {
    return this.symbols.get(id) ?? [];
  }

  /** The first definition of `id`, which references resolve to when there are duplicates. */
  resolve(id: string): Definition | undefined {
    return this.symbols.get(id)?.[0];
  }

  resolveKeyResult(objectiveId: string, keyResultId: string): KeyResultDefinition | undefined {
    const definition = this.resolve(objectiveId);
    if (definition?.kind !== 'objective') return undefined;
    const node = definition.node.keyResults.find((kr) => kr.id?.text === keyResultId);
    return node && { kind: 'keyResult', uri: definition.uri, node, objective: definition.node };
  }

  ids(): IterableIterator<string> {
    return this.symbols.keys();
  }

  /** The ids closest to a misspelt one, closest first (see `closest`). */
  similarIds(word: string, limit = 3): string[] {
    const box = this.similar;
    if (!box.words) {
      box.words = box.from ? box.from.changed(box.added!, box.removed!) : new SimilarWords(this.symbols.keys());
      box.from = box.added = box.removed = undefined;
    }
    return box.words.closest(word, limit);
  }

  private forgetVanished(): void {
    if (this.vanished.size || this.appeared.length) this.idsChanged(this.appeared, this.vanished);
    this.vanished.clear();
    this.appeared.length = 0;
  }

  /**
   * Ids appeared or disappeared: a new box for "did you mean" (the frozen copies keep theirs),
   * made from the last one built when there is one.
   */
  private idsChanged(added: readonly string[], removed: ReadonlySet<string>): void {
    const box = this.similar;
    if (box.words) {
      this.similar = { from: box.words, added: new Set(added), removed: new Set(removed) };
    } else if (box.from) {
      const plus = new Set(box.added);
      const minus = new Set(box.removed);
      for (const id of added) if (!minus.delete(id)) plus.add(id);
      for (const id of removed) if (!plus.delete(id)) minus.add(id);
      this.similar = { from: box.from, added: plus, removed: minus };
    } else {
      this.similar = {};
    }
  }

  private addSymbols(document: OkrDocument): void {
    const { uri, file } = document;
    for (const node of file.strategies) this.addSymbol(node.id.text, { kind: 'strategy', uri, node });
    for (const node of file.objectives) this.addSymbol(node.id.text, { kind: 'objective', uri, node });
  }

  private addSymbol(id: string, definition: Definition): void {
    let list = this.symbols.get(id);
    if (list) {
      if (!this.owned.has(list)) {
        // Shared with a frozen copy (or not yet known to be this index's own): copied once.
        list = [...list];
        this.symbols.set(id, list);
        this.owned.add(list);
      }
      // Keep a stable order (by file, then position) so "the first definition" does not depend on
      // the order files were loaded in. A binary search, not a sort per insertion: one id defined
      // thousands of times must not cost a sort of thousands each time.
      let low = 0;
      let high = list.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (definitionOrder(list[mid]!, definition) <= 0) low = mid + 1;
        else high = mid;
      }
      list.splice(low, 0, definition);
    } else {
      const created = [definition];
      this.owned.add(created);
      this.symbols.set(id, created);
      if (!this.vanished.delete(id)) this.appeared.push(id);
    }
  }

  private removeSymbols(document: OkrDocument): void {
    const { uri, file } = document;
    // Each id once, however many times this file defines it.
    const ids = new Set([...file.strategies, ...file.objectives].map((node) => node.id.text));
    for (const id of ids) {
      const list = this.symbols.get(id);
      if (!list) continue;
      const rest = list.filter((d) => d.uri !== uri);
      this.owned.delete(list);
      if (rest.length) {
        this.symbols.set(id, rest);
        this.owned.add(rest);
      } else {
        this.symbols.delete(id);
        this.vanished.add(id);
      }
    }
  }
}

/** "Did you mean" over the ids, or what makes it from the last one built. */
interface SimilarBox {
  words?: SimilarWords;
  from?: SimilarWords;
  added?: Set<string>;
  removed?: Set<string>;
}

function definitionOrder(a: Definition, b: Definition): number {
  return a.uri === b.uri ? a.node.span.start - b.node.span.start : a.uri < b.uri ? -1 : 1;
}

function sameEncoding(a: ForeignEncoding | undefined, b: ForeignEncoding | undefined): boolean {
  return a?.name === b?.name && a?.invalidAt === b?.invalidAt && a?.invalidByte === b?.invalidByte;
}
