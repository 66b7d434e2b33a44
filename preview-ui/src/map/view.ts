// The alignment map in the page: the layout (layout.ts) drawn as SVG (draw.ts), with pan (drag),
// zoom (wheel, +/−, fit), collapse and expand (the toggle under a box, or all at once), key
// results on demand, the table's search and filters (matches stand out, the rest fade; the
// boxes above a match open), a click that opens the source, and the editor's cursor followed.
// All OKR text reaches the DOM through textContent and setAttribute (vnode.ts).
import type { TreeModel, TreeObjective } from '../../../server/src/core/tree';
import { el, icon } from '../dom';
import { drawMap } from './draw';
import { layoutMap, type MapBox, type MapLayout } from './layout';
import { DEFAULT_MAP_DEPTH, defaultMapState, type MapState } from './state';
import { SVG_NS, toDom } from './vnode';

export interface MapFilters {
  readonly search: string;
  readonly period: string;
  readonly level: string;
  readonly owner: string;
  /** A closing status (`done`, `missed`, `dropped`, `carried`), or empty. */
  readonly status?: string;
  readonly problemsOnly: boolean;
}

export interface MapCallbacks {
  onReveal?(uri: string, line: number): void;
  /** "Align to…" the selected objective (the host offers the ranked parents). Left out by the standalone export. */
  onAlignTo?(uri: string, line: number): void;
  onStateChange?(state: MapState): void;
}

const MIN_ZOOM = 0.05;
/** Up to this many objectives, the map opens whole by default. */
const SMALL = 150;
const MAX_ZOOM = 2;

export class MapView {
  readonly element: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly status: HTMLElement;
  private readonly keyResultsButton: HTMLButtonElement;
  private readonly alignButton?: HTMLButtonElement;
  private model?: TreeModel;
  private layout?: MapLayout;
  private boxes = new Map<string, MapBox>();
  /** Objective key → its parent's key (`r:` + root key for the top), over the whole model. */
  private parents = new Map<string, string>();
  private objectives: TreeObjective[] = [];
  private filters: MapFilters = { search: '', period: '', level: '', owner: '', status: '', problemsOnly: false };
  /** While filtering: the boxes above a match, open for this search only. */
  private filterOpen: Record<string, boolean> = {};
  private hits?: Set<string>;
  private selected?: string;
  private visible = false;
  private dirty = true;
  private drag?: { x: number; y: number; startX: number; startY: number; moved: boolean };

  constructor(
    private state: MapState = defaultMapState(),
    private readonly callbacks: MapCallbacks = {},
  ) {
    this.element = el('section', 'okr-map');
    this.element.id = 'okr-map';
    this.element.setAttribute('aria-label', 'Alignment map');
    const controls = el('div', 'okr-map-controls');
    const button = (id: string, codicon: string, fallback: string, label: string, onClick: () => void) => {
      const b = el('button', 'okr-icon-button');
      b.type = 'button';
      b.id = id;
      b.title = label;
      b.setAttribute('aria-label', label);
      b.append(icon(codicon, fallback));
      b.addEventListener('click', onClick);
      return b;
    };
    this.keyResultsButton = el('button', 'okr-toggle');
    this.keyResultsButton.type = 'button';
    this.keyResultsButton.id = 'okr-map-key-results';
    this.keyResultsButton.title = 'Show the key results inside each objective';
    this.keyResultsButton.append(icon('list-flat', '☰'), el('span', 'okr-toggle-label', 'Key results'));
    this.keyResultsButton.addEventListener('click', () => {
      this.state.keyResults = !this.state.keyResults;
      this.changed();
    });
    if (callbacks.onAlignTo) {
      this.alignButton = el('button', 'okr-toggle');
      this.alignButton.type = 'button';
      this.alignButton.id = 'okr-map-align';
      this.alignButton.disabled = true;
      this.alignButton.title = 'Align the selected objective to another: the best parents first';
      this.alignButton.append(icon('link', '↗'), el('span', 'okr-toggle-label', 'Align to…'));
      this.alignButton.addEventListener('click', () => {
        const box = this.selected === undefined ? undefined : this.boxes.get(this.selected);
        if (box?.kind === 'objective' && box.location) callbacks.onAlignTo?.(box.location.uri, box.location.startLine);
      });
    }
    this.status = el('span', 'okr-map-status');
    this.status.id = 'okr-map-status';
    this.status.setAttribute('aria-live', 'polite');
    controls.append(
      button('okr-map-fit', 'screen-full', '⤢', 'Fit the map to the panel', () => this.fit()),
      button('okr-map-zoom-out', 'zoom-out', '−', 'Zoom out', () => this.zoomBy(1 / 1.25)),
      button('okr-map-zoom-in', 'zoom-in', '+', 'Zoom in', () => this.zoomBy(1.25)),
      el('span', 'okr-separator'),
      button('okr-map-collapse-all', 'collapse-all', '⊟', 'Collapse all: strategies only', () => this.setDepth(0)),
      button('okr-map-expand-all', 'expand-all', '⊞', 'Expand all', () => this.setDepth(1_000_000)),
      this.keyResultsButton,
      ...(this.alignButton ? [this.alignButton] : []),
      el('span', 'okr-spacer'),
      this.status,
    );
    this.svg = document.createElementNS(SVG_NS, 'svg');
    this.svg.setAttribute('class', 'okr-map-canvas');
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('aria-label', 'Alignment map: strategies at the top, each objective under what it aligns to');
    this.svg.setAttribute('tabindex', '0');
    this.viewport = document.createElementNS(SVG_NS, 'g');
    this.viewport.setAttribute('class', 'okr-map-viewport');
    this.svg.append(this.viewport);
    this.element.append(controls, this.svg);

    this.svg.addEventListener('click', (event) => this.onClick(event));
    this.svg.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    this.svg.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    this.svg.addEventListener('pointermove', (event) => this.onPointerMove(event));
    this.svg.addEventListener('pointerup', () => this.onPointerUp());
    this.svg.addEventListener('pointercancel', () => this.onPointerUp());
    this.svg.addEventListener('keydown', (event) => this.onKey(event));
  }

  getState(): MapState {
    return { ...this.state, open: { ...this.state.open }, ...(this.state.view && { view: { ...this.state.view } }) };
  }

  setModel(model: TreeModel): void {
    this.model = model;
    this.parents.clear();
    this.objectives = [];
    const stack: { objective: TreeObjective; parent: string }[] = [];
    for (const root of model.roots) for (const objective of root.children) stack.push({ objective, parent: `r:${root.key}` });
    while (stack.length) {
      const { objective, parent } = stack.pop()!;
      this.parents.set(objective.key, parent);
      this.objectives.push(objective);
      for (const child of objective.children) stack.push({ objective: child, parent: objective.key });
    }
    this.refilter();
    this.dirty = true;
    if (this.visible) this.render();
  }

  setFilters(filters: MapFilters): void {
    const same = filters.search === this.filters.search && filters.period === this.filters.period && filters.level === this.filters.level && filters.owner === this.filters.owner && (filters.status ?? '') === (this.filters.status ?? '') && filters.problemsOnly === this.filters.problemsOnly;
    if (same) return;
    this.filters = { ...filters };
    this.refilter();
    this.dirty = true;
    if (this.visible) this.render();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.element.hidden = !visible;
    if (visible && this.dirty) this.render();
  }

  /** Selects the box of the objective at `line` of `uri`, opening the boxes above it; scrolls it into view. */
  highlight(uri: string, line: number): boolean {
    let found: TreeObjective | undefined;
    for (const objective of this.objectives) {
      const { location } = objective;
      if (location.uri === uri && location.startLine <= line && line <= location.endLine) found = objective;
    }
    if (!found) return false;
    this.selected = found.key;
    let opened = false;
    for (let parent = this.parents.get(found.key); parent !== undefined; parent = this.parents.get(parent)) {
      if (!this.isOpenNow(parent)) {
        this.state.open[parent] = true;
        opened = true;
      }
    }
    this.dirty = true;
    if (opened) this.emit();
    if (this.visible) {
      this.render();
      this.bringIntoView(found.key);
    }
    return true;
  }

  // ── drawing ─────────────────────────────────────────────────────────────────────────────────

  private isOpenNow(key: string): boolean {
    const box = this.boxes.get(key);
    if (box) return box.open;
    return this.state.open[key] ?? this.filterOpen[key] ?? false;
  }

  private refilter(): void {
    const search = this.filters.search.trim().toLowerCase();
    const { period, level, owner, problemsOnly } = this.filters;
    const status = this.filters.status ?? '';
    this.filterOpen = {};
    if (!search && !period && !level && !owner && !status && !problemsOnly) {
      this.hits = undefined;
      return;
    }
    const hits = new Set<string>();
    for (const objective of this.objectives) {
      if (period && objective.period !== period) continue;
      if (level && objective.level !== level) continue;
      if (owner && objective.owner !== owner) continue;
      // A box matches the status filter when it, or one of its key results, closed that way (as the table shows it).
      if (status && objective.status !== status && !objective.keyResults.some((kr) => kr.status === status)) continue;
      if (problemsOnly && !objective.problems.length && !objective.keyResults.some((kr) => kr.problems.length)) continue;
      if (search && ![objective.id, objective.title, objective.owner ?? '', ...objective.keyResults.map((kr) => kr.title)].some((text) => text.toLowerCase().includes(search))) continue;
      hits.add(objective.key);
      for (let parent = this.parents.get(objective.key); parent !== undefined && !this.filterOpen[parent]; parent = this.parents.get(parent)) this.filterOpen[parent] = true;
    }
    this.hits = hits;
  }

  private render(): void {
    if (!this.model) return;
    const open = this.hits ? { ...this.filterOpen, ...this.state.open } : this.state.open;
    // A small workspace opens whole; a big one below the default depth only.
    const depth = this.state.depth === DEFAULT_MAP_DEPTH && this.objectives.length <= SMALL ? 1_000_000 : this.state.depth;
    this.layout = layoutMap(this.model, { depth, open, keyResults: this.state.keyResults });
    this.boxes = new Map(this.layout.boxes.map((box) => [box.key, box]));
    this.viewport.replaceChildren(toDom(drawMap(this.layout, { selected: this.selected, hits: this.hits })));
    this.dirty = false;
    this.keyResultsButton.setAttribute('aria-pressed', String(this.state.keyResults));
    if (this.alignButton) this.alignButton.disabled = this.boxes.get(this.selected ?? '')?.kind !== 'objective';
    this.keyResultsButton.classList.toggle('okr-on', this.state.keyResults);
    const shown = this.layout.boxes.filter((box) => box.kind === 'objective').length;
    const total = this.objectives.length;
    this.status.textContent = `${shown} of ${total} objective${total === 1 ? '' : 's'} shown${this.hits ? ` · ${this.hits.size} match${this.hits.size === 1 ? '' : 'es'}` : ''}`;
    if (!this.state.view) this.fit(false);
    else this.applyView();
  }

  private applyView(): void {
    const { x, y, k } = this.state.view!;
    this.viewport.setAttribute('transform', `translate(${round(x)},${round(y)}) scale(${round(k, 4)})`);
  }

  private size(): { width: number; height: number } {
    const rect = this.svg.getBoundingClientRect();
    return { width: rect.width || 800, height: rect.height || 600 };
  }

  /** The whole map in the panel, no larger than life; a very wide map starts readable at the top. */
  fit(save = true): void {
    if (!this.layout) return;
    const { width, height } = this.size();
    const margin = 16;
    const k = Math.min(1, (width - 2 * margin) / Math.max(1, this.layout.width), (height - 2 * margin) / Math.max(1, this.layout.height));
    const zoom = Math.max(k, this.layout.boxes.length > 60 ? 0.35 : MIN_ZOOM);
    const x = zoom === k ? (width - this.layout.width * zoom) / 2 : margin;
    this.state.view = { x, y: margin, k: zoom };
    this.applyView();
    if (save) this.emit();
  }

  private zoomBy(factor: number, at?: { x: number; y: number }): void {
    const view = this.state.view ?? { x: 0, y: 0, k: 1 };
    const { width, height } = this.size();
    const point = at ?? { x: width / 2, y: height / 2 };
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
    const ratio = k / view.k;
    this.state.view = { x: point.x - (point.x - view.x) * ratio, y: point.y - (point.y - view.y) * ratio, k };
    this.applyView();
    this.emit();
  }

  private bringIntoView(key: string): void {
    const box = this.boxes.get(key);
    const view = this.state.view;
    if (!box || !view) return;
    const { width, height } = this.size();
    const left = box.x * view.k + view.x;
    const top = box.y * view.k + view.y;
    if (left >= 0 && top >= 0 && left + box.width * view.k <= width && top + box.height * view.k <= height) return;
    this.state.view = { ...view, x: width / 2 - (box.x + box.width / 2) * view.k, y: height / 2 - (box.y + box.height / 2) * view.k };
    this.applyView();
    this.emit();
  }

  private setDepth(depth: number): void {
    this.state.depth = depth;
    this.state.open = Object.create(null) as Record<string, boolean>;
    this.changed();
    this.fit();
  }

  private changed(): void {
    this.dirty = true;
    if (this.visible) this.render();
    this.emit();
  }

  private emit(): void {
    this.callbacks.onStateChange?.(this.getState());
  }

  // ── events ──────────────────────────────────────────────────────────────────────────────────

  private onClick(event: MouseEvent): void {
    if (this.drag?.moved) return;
    const target = event.target as Element;
    const toggle = target.closest('[data-toggle]');
    if (toggle) {
      const key = toggle.getAttribute('data-toggle')!;
      const box = this.boxes.get(key);
      if (box) {
        this.state.open[key] = !box.open;
        this.changed();
      }
      return;
    }
    const key = target.closest('[data-key]')?.getAttribute('data-key');
    const box = key === null || key === undefined ? undefined : this.boxes.get(key);
    if (!box) return;
    this.selected = box.key;
    this.dirty = true;
    this.render();
    if (box.location) this.callbacks.onReveal?.(box.location.uri, box.location.startLine);
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.svg.getBoundingClientRect();
    this.zoomBy(Math.exp(-event.deltaY / 400), { x: event.clientX - rect.left, y: event.clientY - rect.top });
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || !this.state.view) return;
    this.drag = { x: event.clientX, y: event.clientY, startX: this.state.view.x, startY: this.state.view.y, moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || !this.state.view) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) this.svg.setPointerCapture?.(event.pointerId);
    drag.moved = true;
    this.state.view = { ...this.state.view, x: drag.startX + dx, y: drag.startY + dy };
    this.applyView();
  }

  private onPointerUp(): void {
    const drag = this.drag;
    if (drag?.moved) {
      this.emit();
      // The click that ends a drag is not a click on a box.
      setTimeout(() => {
        if (this.drag === drag) this.drag = undefined;
      }, 0);
    } else this.drag = undefined;
  }

  private onKey(event: KeyboardEvent): void {
    const step = 60;
    const view = this.state.view;
    if (event.key === '+' || event.key === '=') this.zoomBy(1.25);
    else if (event.key === '-') this.zoomBy(1 / 1.25);
    else if (event.key === '0') this.fit();
    else if (view && event.key.startsWith('Arrow')) {
      const dx = event.key === 'ArrowLeft' ? step : event.key === 'ArrowRight' ? -step : 0;
      const dy = event.key === 'ArrowUp' ? step : event.key === 'ArrowDown' ? -step : 0;
      this.state.view = { ...view, x: view.x + dx, y: view.y + dy };
      this.applyView();
      this.emit();
    } else if (event.key === 'Enter' && this.selected) {
      const box = this.boxes.get(this.selected);
      if (box?.location) this.callbacks.onReveal?.(box.location.uri, box.location.startLine);
    } else return;
    event.preventDefault();
  }
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
