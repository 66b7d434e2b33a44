// The alignment-tree renderer: a toolbar (toolbar.ts: filters, search, problems only,
// collapse/expand all, totals) over a tree of strategies, objectives and key results (rows.ts
// makes the rows, keyboard.ts moves among them). Pure DOM and no globals beyond `document`, so the
// webview page (main.ts) and the command line's standalone HTML export share it. All OKR text goes
// through textContent, `title` or setAttribute (dom.ts).
//
// The tree is one flat list of rows (role=tree, treeitems with aria-level): a row's children
// are created only when it opens and removed when it closes, so 10,000 objectives cost only the
// rows on screen's worth of open branches. Rows skip layout off screen (content-visibility).
//
// A new model (after an edit) keeps the rows whose node shows the same as before: rows are keyed
// by node id, and a row is made again only when its node's data (compared field by field, its
// children aside), its links' targets, its place among its siblings, its expansion, selection or
// the search differ. The rows kept stay in the page untouched, so an edit to one objective costs
// about one row, not the whole tree's layout.
import type { TreeModel } from '../../server/src/core/tree';
import { el } from './dom';
import { onTreeKey, type KeyboardTree } from './keyboard';
import {
  ancestors,
  applyFilters,
  indexModel,
  isFiltering,
  isTreeModel,
  nodeAt,
  shownChildren,
  shownKeyResults,
  type Criteria,
  type ModelIndex,
  type ViewNode,
} from './model';
import { RowMaker } from './rows';
import { ALL_DEPTH, type ViewState } from './state';
import { Toolbar } from './toolbar';

export interface RenderCallbacks {
  /** A node was activated (click, Enter): open its source. Left out by the standalone export. */
  onReveal?(uri: string, line: number): void;
  /** The UI state changed (expansion, filters, search, selection): persist it. */
  onStateChange?(state: ViewState): void;
  /** Put first in the toolbar: the table/map switch (main.ts). */
  toolbarStart?: HTMLElement;
}

export interface TreeView {
  /** Shows a new model in place: expansion, filters, selection and scroll stay. */
  setModel(model: TreeModel): void;
  /** Selects the node whose location holds `line` of `uri`, opening its ancestors and scrolling to it. */
  highlight(uri: string, line: number): boolean;
  /** Jumps to the node with this key (as link chips do). */
  jumpTo(key: string): boolean;
  /** The current UI state (a copy). */
  getState(): ViewState;
  readonly element: HTMLElement;
}

/** A row still to make: the node and its place among its siblings. */
interface RowItem {
  readonly node: ViewNode;
  readonly position: number;
  readonly size: number;
}

/** Rows made at once when a tree or a branch opens; the rest follow in slices of SLICE. */
const FIRST_SLICE = 1500;
const SLICE = 2500;

/** Renders the preview into `root` (its content is replaced) and returns a handle to update it. */
export function renderTree(root: HTMLElement, model: TreeModel | undefined, state: ViewState, callbacks: RenderCallbacks = {}): TreeView {
  return new Preview(root, model, state, callbacks);
}

class Preview implements TreeView {
  readonly element: HTMLElement;
  private readonly toolbar: Toolbar;
  private readonly tree: HTMLElement;
  private readonly message: HTMLElement;
  private readonly rowMaker: RowMaker;

  private index?: ModelIndex;
  private criteria: Criteria;
  private filtering = false;
  /** While filtering: nodes the user opened or closed (forgotten when the filters change). */
  private filterOpen = new Map<string, boolean>();
  /** While filtering: collapse all (false) / expand all (true) since the filters last changed. */
  private filterAll: boolean | undefined;
  private rows = new Map<string, HTMLElement>();
  private nodeOfRow = new WeakMap<Element, ViewNode>();
  /** What a row shows beyond its node's data: its place among its siblings, context look, search. */
  private placeOfRow = new WeakMap<Element, string>();
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Rows of a big expansion still to be made (see continueLater). */
  private pending: { stack: RowItem[]; marker: Comment } | undefined;
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    root: HTMLElement,
    model: TreeModel | undefined,
    private state: ViewState,
    private readonly callbacks: RenderCallbacks,
  ) {
    this.state = { ...state, open: Object.assign(Object.create(null), state.open) as Record<string, boolean> };
    this.criteria = this.criteriaOf(this.state);
    this.filtering = isFiltering(this.criteria);

    this.element = el('div', 'okr-app');
    this.toolbar = new Toolbar(this.state.search, callbacks.toolbarStart);

    this.tree = el('div', 'okr-tree');
    this.tree.id = 'okr-tree';
    this.tree.setAttribute('role', 'tree');
    this.tree.setAttribute('aria-label', 'Alignment tree');
    this.message = el('div', 'okr-message');
    this.message.id = 'okr-message';
    this.message.setAttribute('role', 'status');

    // What the rows (rows.ts) and the keyboard (keyboard.ts) read of the tree, and do to it.
    const self = this;
    this.rowMaker = new RowMaker({
      get filtering() {
        return self.filtering;
      },
      get search() {
        return self.criteria.search;
      },
      get selected() {
        return self.state.selected;
      },
      get index() {
        return self.index;
      },
      hasContent: (node) => this.hasContent(node),
      made: (node, row) => {
        this.rows.set(node.id, row);
        this.nodeOfRow.set(row, node);
      },
    });
    const keyboard: KeyboardTree = {
      element: this.tree,
      flush: () => this.flush(),
      nodeOf: (row) => this.nodeOfRow.get(row),
      rowOf: (id) => this.rows.get(id),
      focusRow: (row) => this.focusRow(row),
      hasContent: (node) => this.hasContent(node),
      toggle: (node, open) => this.toggle(node, open),
      activate: (node, row) => this.activate(node, row),
    };

    this.element.append(this.toolbar.element, this.tree, this.message);
    root.replaceChildren(this.element);

    // ── events ──
    this.toolbar.searchInput.addEventListener('input', () => this.scheduleSearch());
    this.toolbar.searchInput.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.toolbar.searchInput.value) {
        this.toolbar.searchInput.value = '';
        this.scheduleSearch(0);
        event.preventDefault();
      } else if (event.key === 'Enter') this.scheduleSearch(0);
      else if (event.key === 'ArrowDown') {
        this.focusRow(this.tree.querySelector<HTMLElement>('.okr-row'));
        event.preventDefault();
      }
    });
    for (const name of ['period', 'level', 'owner', 'status'] as const) {
      this.toolbar.selects[name].addEventListener('change', () => {
        this.state[name] = this.toolbar.selects[name].value;
        this.filtersChanged();
      });
    }
    this.toolbar.problemsButton.addEventListener('click', () => {
      this.state.problemsOnly = !this.state.problemsOnly;
      this.filtersChanged();
    });
    this.toolbar.collapse.addEventListener('click', () => this.setAll(false));
    this.toolbar.expand.addEventListener('click', () => this.setAll(true));
    this.tree.addEventListener('click', (event) => this.onTreeClick(event));
    this.tree.addEventListener('keydown', (event) => onTreeKey(event, keyboard));
    this.message.addEventListener('click', (event) => {
      if ((event.target as Element).closest('#okr-clear-filters')) this.clearFilters();
    });
    this.tree.addEventListener('animationend', (event) => (event.target as Element).classList.remove('okr-flash'));

    // Rows scroll into view below the sticky toolbar.
    const keepClearOfToolbar = () => {
      document.documentElement.style.scrollPaddingTop = `${this.toolbar.element.offsetHeight + 4}px`;
    };
    if (typeof ResizeObserver === 'function') new ResizeObserver(keepClearOfToolbar).observe(this.toolbar.element);
    keepClearOfToolbar();

    this.toolbar.update(this.index, this.state, this.filtering);
    if (model) this.setModel(model);
    else this.showMessage('Waiting for the OKR tree…');
  }

  // ── public ──────────────────────────────────────────────────────────────────────────────────

  setModel(model: TreeModel): void {
    if (!isTreeModel(model)) return;
    // Text typed but not yet searched for counts now (the toolbar is about to be refreshed).
    const typed = this.toolbar.searchInput.value !== this.state.search;
    if (typed) {
      clearTimeout(this.searchTimer);
      this.state.search = this.toolbar.searchInput.value;
      this.filterOpen.clear();
      this.filterAll = undefined;
    }
    const previous = this.index;
    this.index = indexModel(model);
    this.refilter();
    this.toolbar.update(this.index, this.state, this.filtering);
    this.renderAll(previous);
    if (typed) this.emit();
  }

  highlight(uri: string, line: number): boolean {
    this.flush();
    const node = this.index && nodeAt(this.index, uri, line);
    if (!node || !this.isShown(node)) return false; // following the cursor never changes the filters
    this.reveal(node, { block: 'nearest', flash: false, focus: false });
    return true;
  }

  jumpTo(key: string): boolean {
    this.flush();
    const node = this.index?.byKey.get(key);
    if (!node) return false;
    if (!this.isShown(node)) this.clearFilters(); // the user asked for it: show it
    this.reveal(node, { block: 'center', flash: true, focus: true });
    return true;
  }

  getState(): ViewState {
    return { ...this.state, open: { ...this.state.open } };
  }

  // ── state ───────────────────────────────────────────────────────────────────────────────────

  private criteriaOf(state: ViewState): Criteria {
    return {
      period: state.period,
      level: state.level,
      owner: state.owner,
      status: state.status,
      search: state.search.trim().toLowerCase(),
      problemsOnly: state.problemsOnly,
    };
  }

  private emit(): void {
    this.callbacks.onStateChange?.(this.getState());
  }

  private refilter(): void {
    this.criteria = this.criteriaOf(this.state);
    this.filtering = isFiltering(this.criteria);
    if (this.index) applyFilters(this.index, this.criteria);
  }

  private filtersChanged(): void {
    // A search still waiting for a pause in typing counts now.
    clearTimeout(this.searchTimer);
    this.state.search = this.toolbar.searchInput.value;
    this.filterOpen.clear();
    this.filterAll = undefined;
    this.refilter();
    this.toolbar.update(this.index, this.state, this.filtering);
    this.renderAll();
    this.emit();
  }

  private clearFilters(): void {
    Object.assign(this.state, { period: '', level: '', owner: '', status: '', search: '', problemsOnly: false });
    this.toolbar.searchInput.value = '';
    this.filtersChanged();
  }

  private scheduleSearch(delay?: number): void {
    clearTimeout(this.searchTimer);
    // Large trees wait for a pause in typing; small ones filter on every key.
    const wait = delay ?? ((this.index?.objectiveCount ?? 0) > 2000 ? 200 : 60);
    this.searchTimer = setTimeout(() => {
      if (this.toolbar.searchInput.value !== this.state.search) this.filtersChanged();
    }, wait);
  }

  private setAll(open: boolean): void {
    if (this.filtering) {
      this.filterOpen.clear();
      this.filterAll = open;
    }
    this.state.depth = open ? ALL_DEPTH : 0;
    this.state.open = Object.create(null) as Record<string, boolean>;
    this.renderAll();
    this.emit();
  }

  /** Whether a node's children (key results, objectives, the `why`) are on screen. */
  private isOpen(node: ViewNode): boolean {
    if (node.kind === 'kr') return false;
    if (this.filtering) {
      const toggled = this.filterOpen.get(node.id);
      if (toggled !== undefined) return toggled;
      if (this.filterAll !== undefined) return this.filterAll;
      if (node.descendantShown) return true;
    }
    const toggled = this.state.open[node.id];
    if (toggled !== undefined) return toggled;
    return node.depth < this.state.depth;
  }

  private setOpen(node: ViewNode, open: boolean): void {
    if (this.filtering) this.filterOpen.set(node.id, open);
    // Remembered beyond the filters too: clearing them keeps what the user opened.
    if (open === node.depth < this.state.depth) delete this.state.open[node.id];
    else this.state.open[node.id] = open;
  }

  private hasContent(node: ViewNode): boolean {
    if (node.kind === 'kr') return false;
    if (node.objective?.why) return true;
    return node.children.some((child) => child.shown) || node.krs.some((kr) => kr.shown);
  }

  /** Whether the node has a row under the current filters (its ancestors may be closed). */
  private isShown(node: ViewNode): boolean {
    if (!node.shown) return false;
    for (let at = node.parent; at; at = at.parent) if (!at.shown) return false;
    return true;
  }

  // ── rendering ───────────────────────────────────────────────────────────────────────────────

  private showMessage(text: string, withClear = false): void {
    this.message.replaceChildren(el('span', undefined, text));
    if (withClear) {
      const clear = el('button', 'okr-button okr-button-secondary', 'Clear filters');
      clear.id = 'okr-clear-filters';
      clear.type = 'button';
      this.message.append(' ', clear);
    }
    this.message.hidden = false;
  }

  /**
   * Shows the rows of the current index. With `previous` (the index the rows on the page were
   * made from), rows whose node shows the same are kept in place and only the others are made.
   */
  private renderAll(previous?: ModelIndex): void {
    if (!this.index) return;
    const hadFocus = this.tree.contains(document.activeElement);
    const focusedId = hadFocus ? this.nodeOfRow.get(document.activeElement as Element)?.id : undefined;
    this.finishPending();
    const old = this.rows;
    this.rows = new Map();
    const roots = this.index.roots.filter((root) => root.shown);
    const stack = roots.map((node, i) => ({ node, position: i + 1, size: roots.length })).reverse();
    if (previous && old.size && previous.model.today === this.index.model.today) this.keepRows(stack, old, previous);
    else {
      const fragment = document.createDocumentFragment();
      this.emitRows(fragment, stack, FIRST_SLICE);
      this.tree.replaceChildren(fragment);
    }
    this.continueLater(stack, this.tree, null);

    if (!this.index.roots.length) this.showMessage('No objectives in this workspace yet.');
    else if (!roots.length) this.showMessage('Nothing matches the filters.', true);
    else this.message.hidden = true;

    const selected = this.state.selected && this.rows.get(this.state.selected);
    const focusable = (focusedId && this.rows.get(focusedId)) || selected || this.tree.querySelector<HTMLElement>('.okr-row');
    if (previous) {
      this.tree.querySelectorAll<HTMLElement>('.okr-row[tabindex="0"]').forEach((other) => {
        if (other !== focusable) other.tabIndex = -1;
      });
    }
    if (focusable) focusable.tabIndex = 0;
    if (hadFocus && focusable) focusable.focus({ preventScroll: true });
  }

  /**
   * Appends rows depth-first, at most `limit`: `stack` holds the rows still to make, the next
   * one last (what is left stays in it).
   */
  private emitRows(out: DocumentFragment, stack: RowItem[], limit = Infinity): void {
    for (let made = 0; stack.length && made < limit; made++) {
      const { node, position, size } = stack.pop()!;
      const open = this.hasContent(node) && this.isOpen(node);
      out.append(this.makeRow(node, position, size, open));
      if (open) this.pushChildren(node, stack);
    }
  }

  private makeRow(node: ViewNode, position: number, size: number, open: boolean): HTMLElement {
    const row = node.kind === 'kr' ? this.rowMaker.keyResultRow(node, position, size) : this.rowMaker.nodeRow(node, position, size, open);
    this.placeOfRow.set(row, this.placeOf(node, position, size));
    return row;
  }

  private placeOf(node: ViewNode, position: number, size: number): string {
    return `${position}/${size}/${this.filtering && !node.match ? 1 : 0}/${this.criteria.search}`;
  }

  /**
   * Like emitRows into the tree, for a new model: the rows in `old` (made from `previous`) whose
   * node shows the same stay where they are; the others are made (at most FIRST_SLICE, the rest
   * is left in `stack`) and the rows no longer wanted go. DOM work: the rows that changed.
   */
  private keepRows(stack: RowItem[], old: Map<string, HTMLElement>, previous: ModelIndex): void {
    const wanted: HTMLElement[] = [];
    const kept = new Set<Node>();
    for (let made = 0; stack.length && made < FIRST_SLICE; ) {
      const { node, position, size } = stack.pop()!;
      const open = this.hasContent(node) && this.isOpen(node);
      const before = old.get(node.id);
      let row: HTMLElement;
      if (before && !kept.has(before) && this.showsSame(before, node, position, size, open, previous)) {
        row = before;
        kept.add(row);
        this.rows.set(node.id, row);
        this.nodeOfRow.set(row, node);
      } else {
        row = this.makeRow(node, position, size, open);
        made++;
      }
      wanted.push(row);
      if (open) this.pushChildren(node, stack);
    }
    // The rows not kept go; the kept ones are then in order (a depth-first walk keeps it), and the
    // new ones go in between.
    for (let child = this.tree.firstChild; child; ) {
      const next = child.nextSibling;
      if (!kept.has(child)) child.remove();
      child = next;
    }
    let at = this.tree.firstChild;
    for (const row of wanted) {
      if (row === at) at = at.nextSibling;
      else this.tree.insertBefore(row, at);
    }
  }

  /** Whether `row` (made for a node of `previous`) shows what a row made now for `node` would. */
  private showsSame(row: HTMLElement, node: ViewNode, position: number, size: number, open: boolean, previous: ModelIndex): boolean {
    const was = this.nodeOfRow.get(row);
    if (!was || was.kind !== node.kind || was.depth !== node.depth || was.key !== node.key) return false;
    if (this.placeOfRow.get(row) !== this.placeOf(node, position, size)) return false;
    const expandable = node.kind !== 'kr' && this.hasContent(node);
    if (row.getAttribute('aria-expanded') !== (expandable ? String(open) : null)) return false;
    if (row.classList.contains('okr-selected') !== (node.id === this.state.selected)) return false;
    if (!sameList(was.problems, node.problems) || !sameData(was.location, node.location)) return false;
    if (node.kind === 'root') return was.children.length === node.children.length && sameData(was.root, node.root, NODE_LISTS);
    const index = this.index!;
    if (was.links.length !== node.links.length) return false;
    for (let i = 0; i < node.links.length; i++) {
      const link = node.links[i]!.link;
      if (!sameData(was.links[i]!.link, link) || targetTitle(previous, link.to) !== targetTitle(index, link.to)) return false;
    }
    if (node.kind === 'objective') {
      const via = node.objective!.viaKeyResult;
      return sameData(was.objective, node.objective, NODE_LISTS) && (!via || targetTitle(previous, via) === targetTitle(index, via));
    }
    const to = node.kr!.contributesTo;
    return sameData(was.kr, node.kr, NODE_LISTS) && (!to || targetTitle(previous, to) === targetTitle(index, to));
  }

  /**
   * Big expansions (expand all over thousands of objectives) show their first rows at once and
   * make the rest in slices between frames, so the page never freezes. A marker comment holds
   * the place of the rows still to come; anything that needs every row first calls flush().
   */
  private continueLater(stack: RowItem[], parent: Node, before: Node | null): void {
    if (!stack.length) return;
    const marker = document.createComment('okr: more rows');
    parent.insertBefore(marker, before);
    this.pending = { stack, marker };
    this.tree.setAttribute('aria-busy', 'true');
    const step = () => {
      const pending = this.pending;
      if (!pending) return;
      const fragment = document.createDocumentFragment();
      this.emitRows(fragment, pending.stack, SLICE);
      pending.marker.before(fragment);
      if (pending.stack.length) this.pendingTimer = setTimeout(step, 0);
      else this.finishPending();
    };
    this.pendingTimer = setTimeout(step, 0);
  }

  /** Makes every row still pending now. */
  private flush(): void {
    const pending = this.pending;
    if (!pending) return;
    const fragment = document.createDocumentFragment();
    this.emitRows(fragment, pending.stack);
    pending.marker.before(fragment);
    this.finishPending();
  }

  private finishPending(): void {
    clearTimeout(this.pendingTimer);
    this.pending?.marker.remove();
    this.pending = undefined;
    this.tree.setAttribute('aria-busy', 'false');
  }

  private pushChildren(node: ViewNode, stack: RowItem[]): void {
    const krs = shownKeyResults(node);
    const children = shownChildren(node);
    const size = krs.length + children.length;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, position: krs.length + i + 1, size });
    for (let i = krs.length - 1; i >= 0; i--) stack.push({ node: krs[i]!, position: i + 1, size });
  }

  private openRow(node: ViewNode, row: HTMLElement): void {
    if (row.getAttribute('aria-expanded') === 'true') return;
    this.flush();
    const fragment = document.createDocumentFragment();
    const stack: RowItem[] = [];
    this.pushChildren(node, stack);
    this.emitRows(fragment, stack, FIRST_SLICE);
    const next = row.nextSibling;
    row.after(fragment);
    this.continueLater(stack, this.tree, next);
    this.setExpandedLook(row, true);
  }

  private closeRow(node: ViewNode, row: HTMLElement): void {
    if (row.getAttribute('aria-expanded') !== 'true') return;
    this.flush();
    for (let next = row.nextElementSibling; next; ) {
      const below = this.nodeOfRow.get(next);
      if (!below || below.depth <= node.depth) break;
      const after = next.nextElementSibling;
      if (this.rows.get(below.id) === next) this.rows.delete(below.id);
      if (next.contains(document.activeElement)) this.focusRow(row);
      next.remove();
      next = after;
    }
    this.setExpandedLook(row, false);
  }

  private setExpandedLook(row: HTMLElement, open: boolean): void {
    row.setAttribute('aria-expanded', String(open));
    const twistie = row.querySelector('.okr-twistie');
    twistie?.classList.toggle('codicon-chevron-down', open);
    twistie?.classList.toggle('codicon-chevron-right', !open);
    twistie?.setAttribute('data-fallback', open ? '▾' : '▸');
  }

  private toggle(node: ViewNode, open = !this.isOpen(node)): void {
    const row = this.rows.get(node.id);
    if (!row || !this.hasContent(node)) return;
    this.setOpen(node, open);
    if (open) this.openRow(node, row);
    else this.closeRow(node, row);
    this.emit();
  }

  /** Opens the ancestors of `node`, selects it and scrolls it into view. */
  private reveal(node: ViewNode, how: { block: ScrollLogicalPosition; flash: boolean; focus: boolean }): void {
    for (const ancestor of ancestors(node)) {
      const row = this.rows.get(ancestor.id);
      if (!row) break;
      if (!this.isOpen(ancestor) || row.getAttribute('aria-expanded') !== 'true') {
        this.setOpen(ancestor, true);
        this.openRow(ancestor, row);
        this.flush(); // a branch of thousands of rows: the one wanted may be among the last
      }
    }
    const row = this.rows.get(node.id);
    if (!row) return;
    this.state.selected = node.id;
    this.markSelected(row);
    if (how.focus) this.focusRow(row, true);
    row.scrollIntoView({ block: how.block, inline: 'nearest' });
    if (how.flash) {
      row.classList.remove('okr-flash');
      void row.offsetWidth; // restart the animation
      row.classList.add('okr-flash');
    }
    this.emit();
  }

  private markSelected(row: HTMLElement): void {
    this.tree.querySelectorAll('.okr-selected').forEach((previous) => {
      previous.classList.remove('okr-selected');
      previous.setAttribute('aria-selected', 'false');
    });
    row.classList.add('okr-selected');
    row.setAttribute('aria-selected', 'true');
  }

  private focusRow(row: HTMLElement | null | undefined, preventScroll = false): void {
    if (!row) return;
    this.tree.querySelectorAll<HTMLElement>('.okr-row[tabindex="0"]').forEach((other) => {
      if (other !== row) other.tabIndex = -1;
    });
    row.tabIndex = 0;
    row.focus({ preventScroll });
  }

  // ── events ──────────────────────────────────────────────────────────────────────────────────

  private onTreeClick(event: MouseEvent): void {
    const target = event.target as Element;
    const row = target.closest<HTMLElement>('.okr-row');
    const node = row && this.nodeOfRow.get(row);
    if (!row || !node) return;
    const chip = target.closest<HTMLElement>('.okr-link');
    if (chip) {
      const to = chip.getAttribute('data-target');
      if (to !== null) this.jumpTo(to);
      return;
    }
    if (target.closest('.okr-twistie') && this.hasContent(node)) {
      this.toggle(node);
      this.focusRow(row, true);
      return;
    }
    this.activate(node, row);
  }

  /** Selects a row and opens its source in the editor (the host does; the export has no host). */
  private activate(node: ViewNode, row: HTMLElement): void {
    this.state.selected = node.id;
    this.markSelected(row);
    this.focusRow(row, true);
    this.emit();
    const location = node.location;
    if (location && this.callbacks.onReveal) this.callbacks.onReveal(location.uri, location.startLine);
  }
}

/** A node's lists of nodes: its children have rows of their own. */
const NODE_LISTS = new Set(['children', 'keyResults']);

/** What a link chip to `key` shows of its target: its title, or that it is missing. */
function targetTitle(index: ModelIndex, key: string): string | undefined {
  const target = index.byKey.get(key);
  return target && (target.objective?.title ?? target.kr?.title ?? target.root?.title ?? '');
}

/** Deep equality of JSON values (parsed model data), leaving out the keys in `skip` at the top. */
function sameData(a: unknown, b: unknown, skip?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameList(a, b);
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    count++;
    if (skip?.has(key)) continue;
    if (!(key in right) || !sameData(left[key], right[key])) return false;
  }
  for (const _ in right) count--;
  return count === 0;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
  return true;
}
