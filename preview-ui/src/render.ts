// The alignment-tree renderer: a toolbar (filters, search, problems only, collapse/expand all,
// totals) over a tree of strategies, objectives and key results. Pure DOM and no globals beyond
// `document`, so the webview page (main.ts) and the command line's standalone HTML export share
// it. All OKR text goes through textContent, `title` or setAttribute (dom.ts).
//
// The tree is one flat list of rows (role=tree, treeitems with aria-level): a row's children
// are created only when it opens and removed when it closes, so 10,000 objectives cost only the
// rows on screen's worth of open branches. Rows skip layout off screen (content-visibility).
import type { Severity, TreeModel, TreeProblem } from '../../server/src/core/tree';
import { clamp01, cloneOf, el, highlighted, icon, percent, plural } from './dom';
import { closingChips, describeClosing, learnedLines } from './closing';
import {
  ancestors,
  applyFilters,
  countBySeverity,
  indexModel,
  isFiltering,
  isTreeModel,
  nodeAt,
  severities,
  shownChildren,
  shownKeyResults,
  type Criteria,
  type ModelIndex,
  type NodeLink,
  type ViewNode,
} from './model';
import { ALL_DEPTH, type ViewState } from './state';

export interface RenderCallbacks {
  /** A node was activated (click, Enter): open its source. Left out by the standalone export. */
  onReveal?(uri: string, line: number): void;
  /** The UI state changed (expansion, filters, search, selection): persist it. */
  onStateChange?(state: ViewState): void;
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

const SEVERITY_ICON: Record<Severity, [string, string]> = {
  error: ['error', '⊗'],
  warning: ['warning', '⚠'],
  info: ['info', 'ⓘ'],
  hint: ['lightbulb', '✱'],
};

const LINK_TEXT: Record<NodeLink['link']['kind'], [string, string, string]> = {
  // [label, codicon, fallback]
  extra: ['also aligns to', 'link', '↗'],
  enabling: ['enables', 'plug', '⇢'],
  contributes: ['contributes to', 'arrow-up', '↑'],
};

/** Renders the preview into `root` (its content is replaced) and returns a handle to update it. */
export function renderTree(root: HTMLElement, model: TreeModel | undefined, state: ViewState, callbacks: RenderCallbacks = {}): TreeView {
  return new Preview(root, model, state, callbacks);
}

class Preview implements TreeView {
  readonly element: HTMLElement;
  private readonly toolbar: HTMLElement;
  private readonly tree: HTMLElement;
  private readonly message: HTMLElement;
  private readonly searchInput: HTMLInputElement;
  private readonly selects: Record<'period' | 'level' | 'owner' | 'status', HTMLSelectElement>;
  private readonly problemsButton: HTMLButtonElement;
  private readonly summary: HTMLElement;
  private readonly totals: HTMLElement;
  /** `as of 2026-03-02 (okr.config.json)` when the configuration pins today; empty otherwise. */
  private readonly asOf: HTMLElement;

  private index?: ModelIndex;
  private criteria: Criteria;
  private filtering = false;
  /** While filtering: nodes the user opened or closed (forgotten when the filters change). */
  private filterOpen = new Map<string, boolean>();
  /** While filtering: collapse all (false) / expand all (true) since the filters last changed. */
  private filterAll: boolean | undefined;
  private rows = new Map<string, HTMLElement>();
  private nodeOfRow = new WeakMap<Element, ViewNode>();
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
    this.toolbar = el('header', 'okr-toolbar');
    this.toolbar.setAttribute('role', 'toolbar');
    this.toolbar.setAttribute('aria-label', 'Alignment tree filters');

    const search = el('div', 'okr-search');
    search.append(icon('search', '⌕', 'okr-search-icon'));
    this.searchInput = el('input', 'okr-input');
    this.searchInput.id = 'okr-search';
    this.searchInput.type = 'search';
    this.searchInput.placeholder = 'Search id, title, owner';
    this.searchInput.setAttribute('aria-label', 'Search objectives and key results by id, title or owner');
    this.searchInput.spellcheck = false;
    this.searchInput.value = this.state.search;
    search.append(this.searchInput);

    this.selects = {
      period: this.makeSelect('okr-period', 'Period'),
      level: this.makeSelect('okr-level', 'Level'),
      owner: this.makeSelect('okr-owner', 'Owner'),
      status: this.makeSelect('okr-status', 'Status'),
    };

    this.problemsButton = el('button', 'okr-toggle');
    this.problemsButton.id = 'okr-problems-only';
    this.problemsButton.type = 'button';
    this.problemsButton.title = 'Show only objectives and key results with problems';
    this.problemsButton.append(icon('filter', '⚲'), el('span', 'okr-toggle-label', 'Problems only'));

    const collapse = this.iconButton('okr-collapse-all', 'collapse-all', '⊟', 'Collapse all');
    const expand = this.iconButton('okr-expand-all', 'expand-all', '⊞', 'Expand all');

    this.summary = el('span', 'okr-summary');
    this.summary.id = 'okr-summary';
    this.summary.setAttribute('aria-live', 'polite');
    this.totals = el('span', 'okr-totals');
    this.totals.id = 'okr-totals';
    this.asOf = el('span', 'okr-as-of');
    this.asOf.id = 'okr-as-of';

    const filters = el('div', 'okr-toolbar-row');
    const actions = el('span', 'okr-group-nowrap');
    actions.append(this.problemsButton, el('span', 'okr-separator'), collapse, expand);
    const status = el('span', 'okr-group-nowrap');
    status.append(this.summary, this.asOf, this.totals);
    filters.append(search, this.selects.period, this.selects.level, this.selects.owner, this.selects.status, actions, el('span', 'okr-spacer'), status);
    const columns = el('div', 'okr-columns');
    columns.setAttribute('aria-hidden', 'true');
    const columnMeta = el('span', 'okr-meta');
    columnMeta.append(
      el('span', 'okr-cell okr-cell-badges', 'Problems'),
      el('span', 'okr-cell okr-cell-level', 'Level'),
      el('span', 'okr-cell okr-cell-owner', 'Owner'),
      el('span', 'okr-cell okr-cell-period', 'Period'),
      el('span', 'okr-cell okr-cell-progress', 'Progress'),
    );
    columns.append(el('span', 'okr-columns-title', 'Strategy / objective / key result'), columnMeta);
    this.toolbar.append(filters, columns);

    this.tree = el('div', 'okr-tree');
    this.tree.id = 'okr-tree';
    this.tree.setAttribute('role', 'tree');
    this.tree.setAttribute('aria-label', 'Alignment tree');
    this.message = el('div', 'okr-message');
    this.message.id = 'okr-message';
    this.message.setAttribute('role', 'status');

    this.element.append(this.toolbar, this.tree, this.message);
    root.replaceChildren(this.element);

    // ── events ──
    this.searchInput.addEventListener('input', () => this.scheduleSearch());
    this.searchInput.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.searchInput.value) {
        this.searchInput.value = '';
        this.scheduleSearch(0);
        event.preventDefault();
      } else if (event.key === 'Enter') this.scheduleSearch(0);
      else if (event.key === 'ArrowDown') {
        this.focusRow(this.tree.querySelector<HTMLElement>('.okr-row'));
        event.preventDefault();
      }
    });
    for (const name of ['period', 'level', 'owner', 'status'] as const) {
      this.selects[name].addEventListener('change', () => {
        this.state[name] = this.selects[name].value;
        this.filtersChanged();
      });
    }
    this.problemsButton.addEventListener('click', () => {
      this.state.problemsOnly = !this.state.problemsOnly;
      this.filtersChanged();
    });
    collapse.addEventListener('click', () => this.setAll(false));
    expand.addEventListener('click', () => this.setAll(true));
    this.tree.addEventListener('click', (event) => this.onTreeClick(event));
    this.tree.addEventListener('keydown', (event) => this.onTreeKey(event));
    this.message.addEventListener('click', (event) => {
      if ((event.target as Element).closest('#okr-clear-filters')) this.clearFilters();
    });
    this.tree.addEventListener('animationend', (event) => (event.target as Element).classList.remove('okr-flash'));

    // Rows scroll into view below the sticky toolbar.
    const keepClearOfToolbar = () => {
      document.documentElement.style.scrollPaddingTop = `${this.toolbar.offsetHeight + 4}px`;
    };
    if (typeof ResizeObserver === 'function') new ResizeObserver(keepClearOfToolbar).observe(this.toolbar);
    keepClearOfToolbar();

    this.updateToolbar();
    if (model) this.setModel(model);
    else this.showMessage('Waiting for the OKR tree…');
  }

  // ── public ──────────────────────────────────────────────────────────────────────────────────

  setModel(model: TreeModel): void {
    if (!isTreeModel(model)) return;
    // Text typed but not yet searched for counts now (the toolbar is about to be refreshed).
    const typed = this.searchInput.value !== this.state.search;
    if (typed) {
      clearTimeout(this.searchTimer);
      this.state.search = this.searchInput.value;
      this.filterOpen.clear();
      this.filterAll = undefined;
    }
    this.index = indexModel(model);
    this.refilter();
    this.updateToolbar();
    this.renderAll();
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
    this.state.search = this.searchInput.value;
    this.filterOpen.clear();
    this.filterAll = undefined;
    this.refilter();
    this.updateToolbar();
    this.renderAll();
    this.emit();
  }

  private clearFilters(): void {
    Object.assign(this.state, { period: '', level: '', owner: '', status: '', search: '', problemsOnly: false });
    this.searchInput.value = '';
    this.filtersChanged();
  }

  private scheduleSearch(delay?: number): void {
    clearTimeout(this.searchTimer);
    // Large trees wait for a pause in typing; small ones filter on every key.
    const wait = delay ?? ((this.index?.objectiveCount ?? 0) > 2000 ? 200 : 60);
    this.searchTimer = setTimeout(() => {
      if (this.searchInput.value !== this.state.search) this.filtersChanged();
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

  private renderAll(): void {
    if (!this.index) return;
    const hadFocus = this.tree.contains(document.activeElement);
    const focusedId = hadFocus ? this.nodeOfRow.get(document.activeElement as Element)?.id : undefined;
    this.finishPending();
    this.rows.clear();
    const fragment = document.createDocumentFragment();
    const roots = this.index.roots.filter((root) => root.shown);
    const stack = roots.map((node, i) => ({ node, position: i + 1, size: roots.length })).reverse();
    this.emitRows(fragment, stack, FIRST_SLICE);
    this.tree.replaceChildren(fragment);
    this.continueLater(stack, this.tree, null);

    if (!this.index.roots.length) this.showMessage('No objectives in this workspace yet.');
    else if (!roots.length) this.showMessage('Nothing matches the filters.', true);
    else this.message.hidden = true;

    const selected = this.state.selected && this.rows.get(this.state.selected);
    const focusable = (focusedId && this.rows.get(focusedId)) || selected || this.tree.querySelector<HTMLElement>('.okr-row');
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
      out.append(node.kind === 'kr' ? this.keyResultRow(node, position, size) : this.nodeRow(node, position, size, open));
      if (open) this.pushChildren(node, stack);
    }
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

  // ── rows ────────────────────────────────────────────────────────────────────────────────────

  private baseRow(node: ViewNode, position: number, size: number, className: string): HTMLElement {
    const row = cloneOf('row', () => {
      const prototype = el('div', 'okr-row');
      prototype.setAttribute('role', 'treeitem');
      prototype.setAttribute('aria-selected', 'false');
      prototype.tabIndex = -1;
      const indent = el('span', 'okr-indent');
      indent.setAttribute('aria-hidden', 'true');
      prototype.append(indent);
      return prototype;
    });
    row.classList.add(className);
    row.setAttribute('aria-level', String(node.depth + 1));
    row.setAttribute('aria-posinset', String(position));
    row.setAttribute('aria-setsize', String(size));
    row.setAttribute('data-key', node.key);
    row.style.setProperty('--depth', String(node.depth));
    if (this.filtering && !node.match) row.classList.add('okr-context');
    if (node.id === this.state.selected) {
      row.classList.add('okr-selected');
      row.setAttribute('aria-selected', 'true');
    }
    this.rows.set(node.id, row);
    this.nodeOfRow.set(row, node);
    return row;
  }

  private twistie(row: HTMLElement, expandable: boolean, open: boolean): void {
    if (!expandable) {
      row.append(cloneOf('twistie-none', () => el('span', 'okr-twistie okr-twistie-none')));
      return;
    }
    row.setAttribute('aria-expanded', String(open));
    row.append(open ? icons('chevron-down', '▾', 'okr-twistie') : icons('chevron-right', '▸', 'okr-twistie'));
  }

  private nodeRow(node: ViewNode, position: number, size: number, open: boolean): HTMLElement {
    if (node.kind === 'root') return this.rootRow(node, position, size, open);
    const objective = node.objective!;
    const row = this.baseRow(node, position, size, 'okr-objective');
    if (objective.enabling) row.classList.add('okr-enabling');
    if (objective.catchAll) row.classList.add('okr-catch-all');
    this.twistie(row, this.hasContent(node), open);
    row.append(icons('symbol-class', '◉', 'okr-kind okr-kind-objective'));

    const main = el('div', 'okr-main');
    const line = el('div', 'okr-line');
    if (objective.enabling) {
      const enables = el('span', 'okr-enables', 'enables');
      enables.title = 'Enables the objective above it (same level): a link of support, not a breakdown';
      line.append(enables);
    }
    const title = highlighted(objective.title ?? '', this.criteria.search, 'okr-title');
    title.title = this.describe(node);
    line.append(title, highlighted(node.key, this.criteria.search, 'okr-key'));
    if (objective.catchAll) {
      const flag = el('span', 'okr-chip okr-chip-catch-all');
      flag.append(icons('warning', '⚠'), el('span', undefined, 'catch-all'));
      flag.title = `Catch-all objective: ${objective.catchAll}`;
      line.append(flag);
    }
    const chips = this.chips(node);
    if (chips) line.append(chips);
    const closing = closingChips(objective);
    if (closing) line.append(closing);
    main.append(line);
    const learned = learnedLines(objective);
    if (learned) main.append(learned);
    if (objective.why) {
      const why = el('div', 'okr-why', objective.why);
      why.title = `why: ${objective.why}`;
      main.append(why);
    }
    row.append(main, this.meta(node, objective.level, objective.owner, objective.period, objective.progress, objective.expected));
    return row;
  }

  private rootRow(node: ViewNode, position: number, size: number, open: boolean): HTMLElement {
    const root = node.root!;
    const strategy = root.kind === 'strategy';
    const row = this.baseRow(node, position, size, strategy ? 'okr-strategy' : 'okr-group');
    this.twistie(row, this.hasContent(node), open);
    row.append(strategy ? icon('symbol-namespace', '◆', 'okr-kind okr-kind-strategy') : icon('question', '?', 'okr-kind okr-kind-group'));
    const main = el('div', 'okr-main');
    const line = el('div', 'okr-line');
    const title = highlighted(root.title ?? '', this.criteria.search, 'okr-title');
    title.title = strategy ? `strategy ${root.key}: ${root.title}` : root.title;
    line.append(title);
    if (strategy) line.append(highlighted(root.key, this.criteria.search, 'okr-key'));
    const count = node.children.length;
    line.append(el('span', 'okr-count', plural(count, 'objective')));
    main.append(line);
    row.append(main);
    return row;
  }

  private keyResultRow(node: ViewNode, position: number, size: number): HTMLElement {
    const kr = node.kr!;
    const row = this.baseRow(node, position, size, 'okr-kr');
    this.twistie(row, false, false);
    row.append(icons('symbol-field', '▪', 'okr-kind okr-kind-kr'));
    const main = el('div', 'okr-main');
    const line = el('div', 'okr-line');
    const title = highlighted(kr.title ?? '', this.criteria.search, 'okr-title');
    title.title = this.describe(node);
    line.append(title, highlighted(kr.id ?? node.key, this.criteria.search, 'okr-key'));
    const measure = [kr.value, kr.metric].filter((part): part is string => typeof part === 'string' && part !== '');
    if (measure.length) {
      const metric = el('span', 'okr-metric', measure.join(' · '));
      if (kr.metricInferred) {
        metric.classList.add('okr-inferred');
        metric.title = `Metric inferred from the title: ${kr.metric ?? ''}`;
      }
      line.append(metric);
    }
    const chips = this.chips(node);
    if (chips) line.append(chips);
    const closing = closingChips(kr);
    if (closing) line.append(closing);
    main.append(line);
    const learned = learnedLines(kr);
    if (learned) main.append(learned);
    if (kr.rollup) {
      const rollup = el('div', 'okr-rollup');
      rollup.append(icons('symbol-operator', '∑', 'okr-rollup-icon'), el('span', 'okr-rollup-label', 'rollup sum'), el('span', 'okr-rollup-text', kr.rollup));
      rollup.title = `rollup sum: ${kr.rollup}`;
      main.append(rollup);
    }
    row.append(main, this.meta(node, undefined, kr.owner, undefined, kr.progress, undefined));
    return row;
  }

  /** The hover text of a title: what the node is and where it is. */
  private describe(node: ViewNode): string {
    const lines: string[] = [];
    if (node.kind === 'objective') {
      const o = node.objective!;
      lines.push(`objective ${o.key}: ${o.title}`);
      const facts = [o.level, o.owner, o.period, o.commitment].filter(Boolean);
      if (facts.length) lines.push(facts.join(' · '));
      if (o.enabling) lines.push('enables the objective above it (same level)');
      if (o.viaKeyResult) lines.push(`aligned to the key result ${o.viaKeyResult}`);
      if (o.catchAll) lines.push(`catch-all: ${o.catchAll}`);
      if (o.why) lines.push(`why: ${o.why}`);
      lines.push(...describeClosing(o));
    } else if (node.kind === 'kr') {
      const kr = node.kr!;
      lines.push(`key result ${kr.key}: ${kr.title}`);
      if (kr.metric) lines.push(`${kr.metric}${kr.metricInferred ? ' (inferred from the title)' : ''}`);
      if (kr.value) lines.push(`current: ${kr.value}`);
      if (kr.owner) lines.push(`owner: ${kr.owner}`);
      lines.push(...describeClosing(kr));
    }
    if (node.location) lines.push(`${fileName(node.location.uri)}:${node.location.startLine + 1}`);
    return lines.join('\n');
  }

  private chips(node: ViewNode): HTMLElement | undefined {
    const chips: HTMLElement[] = [];
    const objective = node.objective;
    if (objective?.viaKeyResult) chips.push(this.linkChip('via', objective.viaKeyResult, 'symbol-field', '▪', 'okr-chip-via'));
    const seen = new Set<string>();
    for (const { link } of node.links) {
      const [label, codicon, fallback] = LINK_TEXT[link.kind] ?? LINK_TEXT.extra;
      seen.add(`${link.kind}\n${link.to}`);
      chips.push(this.linkChip(label, link.to, codicon, fallback, `okr-chip-${link.kind}`));
    }
    const contributesTo = node.kr?.contributesTo;
    if (contributesTo && !seen.has(`contributes\n${contributesTo}`)) {
      const [label, codicon, fallback] = LINK_TEXT.contributes;
      chips.push(this.linkChip(label, contributesTo, codicon, fallback, 'okr-chip-contributes'));
    }
    if (!chips.length) return undefined;
    const span = el('span', 'okr-chips');
    span.append(...chips);
    return span;
  }

  private linkChip(label: string, to: string, codicon: string, fallback: string, className: string): HTMLElement {
    const target = this.index?.byKey.get(to);
    const chip = el('button', `okr-chip okr-link ${className}`);
    chip.type = 'button';
    chip.tabIndex = -1;
    chip.setAttribute('data-target', to);
    chip.append(icons(codicon, fallback), el('span', 'okr-chip-label', label), el('span', 'okr-chip-target', to));
    if (target) {
      const title = target.objective?.title ?? target.kr?.title ?? target.root?.title ?? '';
      chip.title = `Go to ${to}: ${title}`;
    } else {
      chip.disabled = true;
      chip.classList.add('okr-chip-missing');
      chip.title = `${to} is not in the tree`;
    }
    return chip;
  }

  /** The meta cells: a grid (preview.css) places them in their columns, so empty ones are left out. */
  private meta(node: ViewNode, level?: string, owner?: string, period?: string, progress?: number, expected?: number): HTMLElement {
    const meta = cloneOf('meta', () => el('span', 'okr-meta'));
    if (node.problems.length) this.badges(meta, node.problems);
    if (level) meta.append(el('span', 'okr-cell okr-cell-level', level));
    if (owner) {
      const cell = el('span', 'okr-cell okr-cell-owner');
      cell.append(highlighted(owner, this.criteria.search));
      cell.title = owner;
      meta.append(cell);
    }
    if (period) meta.append(el('span', 'okr-cell okr-cell-period', period));
    const cell = cloneOf('progress', () => {
      const prototype = el('span', 'okr-cell okr-cell-progress');
      prototype.setAttribute('role', 'img');
      prototype.append(el('span', 'okr-bar'), el('span', 'okr-percent'));
      return prototype;
    });
    this.progress(cell, progress, expected, node.kind === 'kr');
    meta.append(cell);
    return meta;
  }

  private progress(cell: HTMLElement, progress: number | undefined, expected: number | undefined, keyResult: boolean): void {
    const bar = cell.firstElementChild!;
    const known = typeof progress === 'number' && Number.isFinite(progress);
    const hasExpected = typeof expected === 'number' && Number.isFinite(expected);
    if (known) {
      const fill = el('span', 'okr-fill');
      fill.style.width = `${(clamp01(progress) * 100).toFixed(1)}%`;
      bar.append(fill);
      if (hasExpected && clamp01(progress) + 0.2 < clamp01(expected)) cell.classList.add('okr-behind');
    } else cell.classList.add('okr-unknown');
    if (hasExpected) {
      const mark = el('span', 'okr-expected');
      mark.style.left = `${(clamp01(expected) * 100).toFixed(1)}%`;
      bar.append(mark);
    }
    cell.lastElementChild!.textContent = known ? percent(progress) : '–';
    const today = this.index?.model.today;
    let title = known ? `Progress ${percent(progress)}` : keyResult ? 'No progress yet' : 'No key result with progress yet';
    if (hasExpected) title += ` · expected ${percent(expected)}${today ? ` by ${today}` : ''}`;
    cell.title = title;
    cell.setAttribute('aria-label', title);
  }

  private badges(meta: HTMLElement, problems: readonly TreeProblem[]): void {
    const cell = el('span', 'okr-cell okr-cell-badges');
    const counts = countBySeverity(problems);
    for (const severity of severities()) {
      const count = counts[severity];
      if (!count) continue;
      const [name, fallback] = SEVERITY_ICON[severity];
      const badge = el('span', `okr-badge okr-badge-${severity}`);
      badge.setAttribute('data-severity', severity);
      badge.append(icons(name, fallback), el('span', 'okr-badge-count', String(count)));
      badge.title = problems
        .filter((problem) => problem.severity === severity)
        .map((problem) => `${problem.rule} (line ${problem.line + 1}): ${problem.message}`)
        .join('\n');
      cell.append(badge);
    }
    meta.append(cell);
  }

  // ── toolbar ─────────────────────────────────────────────────────────────────────────────────

  private makeSelect(id: string, label: string): HTMLSelectElement {
    const select = el('select', 'okr-select');
    select.id = id;
    select.setAttribute('aria-label', label);
    select.title = `Filter by ${label.toLowerCase()}`;
    return select;
  }

  private iconButton(id: string, codicon: string, fallback: string, label: string): HTMLButtonElement {
    const button = el('button', 'okr-icon-button');
    button.id = id;
    button.type = 'button';
    button.title = label;
    button.setAttribute('aria-label', label);
    button.append(icon(codicon, fallback));
    return button;
  }

  private fillSelect(select: HTMLSelectElement, all: string, values: readonly string[], current: string): void {
    const options = [el('option', undefined, all)];
    options[0]!.value = '';
    const list = [...values];
    if (current && !list.includes(current)) list.push(current); // keep a filter the new model lacks
    for (const value of list) {
      const option = el('option', undefined, value);
      option.value = value;
      options.push(option);
    }
    select.replaceChildren(...options);
    select.value = current;
    select.classList.toggle('okr-active', !!current);
  }

  private updateToolbar(): void {
    const model = this.index?.model;
    const strings = (values: unknown) => (Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : []);
    this.fillSelect(this.selects.period, 'All periods', strings(model?.periods), this.state.period);
    this.fillSelect(this.selects.level, 'All levels', strings(model?.levels), this.state.level);
    this.fillSelect(this.selects.owner, 'All owners', strings(model?.owners), this.state.owner);
    this.fillSelect(this.selects.status, 'Any status', strings(model?.statuses), this.state.status);
    this.selects.status.hidden = !strings(model?.statuses).length && !this.state.status;
    if (this.searchInput.value !== this.state.search) this.searchInput.value = this.state.search;
    this.problemsButton.setAttribute('aria-pressed', String(this.state.problemsOnly));
    this.problemsButton.classList.toggle('okr-active', this.state.problemsOnly);

    if (!this.index) {
      this.summary.textContent = '';
      this.asOf.textContent = '';
      this.totals.replaceChildren();
      return;
    }
    const objectives = this.index.objectiveCount;
    if (this.filtering) {
      let matches = 0;
      for (const node of this.index.byId.values()) if (node.distinct && (node.kind !== 'root' || node.match)) matches++;
      this.summary.textContent = `${matches} ${matches === 1 ? 'match' : 'matches'} · ${plural(objectives, 'objective')}`;
    } else this.summary.textContent = plural(objectives, 'objective');
    if (model?.today) this.summary.title = `Progress and expected progress as of ${model.today}`;
    // A pinned today ignores newer check-ins: without this, a person's own progress looks lost.
    const pinned = model?.todayPinned === true && typeof model.today === 'string';
    this.asOf.textContent = pinned ? `as of ${model!.today} (okr.config.json)` : '';
    this.asOf.title = pinned ? `Progress is as of ${model!.today}, the "today" that okr.config.json sets: check-ins after it do not count yet` : '';

    const totals = model?.totals ?? { error: 0, warning: 0, info: 0, hint: 0 };
    const words: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };
    this.totals.replaceChildren();
    const described: string[] = [];
    for (const severity of severities()) {
      const count = Number(totals[severity]) || 0;
      described.push(plural(count, words[severity]));
      if (!count && (severity === 'info' || severity === 'hint')) continue;
      const [name, fallback] = SEVERITY_ICON[severity];
      const total = el('span', `okr-total okr-badge-${severity}`);
      total.setAttribute('data-severity', severity);
      total.append(icon(name, fallback), el('span', 'okr-total-count', String(count)));
      this.totals.append(total);
    }
    this.totals.title = `Problems in the workspace: ${described.join(', ')}`;
    this.totals.setAttribute('aria-label', this.totals.title);
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

  private onTreeKey(event: KeyboardEvent): void {
    // Rows still being made (a big expansion) are needed for End, or at the end of what is made.
    if (event.key === 'End' || (event.key === 'ArrowDown' && !(event.target as Element).closest('.okr-row')?.nextElementSibling)) this.flush();
    const row = (event.target as Element).closest<HTMLElement>('.okr-row');
    const node = row && this.nodeOfRow.get(row);
    if (!row || !node) return;
    const next = (from: Element | null, forward: boolean): HTMLElement | null =>
      (forward ? from?.nextElementSibling : from?.previousElementSibling) as HTMLElement | null;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        this.focusRow(next(row, true));
        break;
      case 'ArrowUp':
        this.focusRow(next(row, false));
        break;
      case 'Home':
        this.focusRow(this.tree.firstElementChild as HTMLElement | null);
        break;
      case 'End':
        this.focusRow(this.tree.lastElementChild as HTMLElement | null);
        break;
      case 'ArrowRight':
        if (this.hasContent(node) && row.getAttribute('aria-expanded') !== 'true') this.toggle(node, true);
        else if (row.getAttribute('aria-expanded') === 'true') this.focusRow(next(row, true));
        break;
      case 'ArrowLeft':
        if (row.getAttribute('aria-expanded') === 'true') this.toggle(node, false);
        else if (node.parent) this.focusRow(this.rows.get(node.parent.id));
        break;
      case 'Enter':
        this.activate(node, row);
        break;
      case ' ':
        if (this.hasContent(node)) this.toggle(node);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }
}

/** A codicon from a prototype (rows hold many). */
function icons(name: string, fallback: string, className = ''): HTMLSpanElement {
  return cloneOf(`icon ${name} ${className}`, () => icon(name, fallback, className));
}

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

