// The table/map switch beside the table's filters, and the map it shows. The table stays the
// page's main view (its toolbar's search and filters apply to the map too); the switch hides one
// and shows the other, and the choice is kept with the page's state.
import type { TreeModel } from '../../../server/src/core/tree';
import { el, icon } from '../dom';
import type { TreeView } from '../render';
import type { ViewState } from '../state';
import { defaultMapState, type MapState } from './state';
import { MapView } from './view';

export type ViewMode = 'table' | 'map';

export interface MapModeCallbacks {
  onReveal?(uri: string, line: number): void;
  onAlignTo?(uri: string, line: number): void;
  /** The mode or the map's state changed: persist them. */
  onChange?(mode: ViewMode, map: MapState): void;
}

export class MapMode {
  /** The switch, for the toolbar. */
  readonly switch: HTMLElement;
  private readonly map: MapView;
  private readonly buttons: Record<ViewMode, HTMLButtonElement>;
  private view?: TreeView;
  private pendingHighlight?: { uri: string; line: number };
  mode: ViewMode;

  constructor(state: ViewState, private readonly callbacks: MapModeCallbacks = {}) {
    this.mode = state.view === 'map' ? 'map' : 'table';
    this.map = new MapView(state.map ?? defaultMapState(), {
      onReveal: callbacks.onReveal,
      onAlignTo: callbacks.onAlignTo,
      onStateChange: (map) => callbacks.onChange?.(this.mode, map),
    });
    this.switch = el('span', 'okr-view-switch');
    this.switch.setAttribute('role', 'group');
    this.switch.setAttribute('aria-label', 'View');
    const button = (mode: ViewMode, codicon: string, fallback: string, label: string) => {
      const b = el('button', 'okr-view-button');
      b.type = 'button';
      b.id = `okr-view-${mode}`;
      b.title = mode === 'map' ? 'Show the alignment map' : 'Show the table';
      b.append(icon(codicon, fallback), el('span', 'okr-toggle-label', label));
      b.addEventListener('click', () => this.setMode(mode));
      return b;
    };
    this.buttons = { table: button('table', 'list-tree', '☰', 'Table'), map: button('map', 'type-hierarchy', '⊤', 'Map') };
    this.switch.append(this.buttons.table, this.buttons.map);
  }

  /** Puts the map into the table view's element, after the table. */
  attach(view: TreeView, filters: ViewState): void {
    this.view = view;
    view.element.append(this.map.element);
    this.map.setFilters(filters);
    this.apply();
  }

  setModel(model: TreeModel): void {
    this.map.setModel(model);
  }

  setFilters(state: ViewState): void {
    this.map.setFilters(state);
  }

  /** Follows the editor's cursor: at once while the map shows, else when it next shows. */
  highlight(uri: string, line: number): boolean {
    if (this.mode === 'map') return this.map.highlight(uri, line);
    this.pendingHighlight = { uri, line };
    return false;
  }

  get mapState(): MapState {
    return this.map.getState();
  }

  setMode(mode: ViewMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.apply();
    this.callbacks.onChange?.(mode, this.map.getState());
  }

  private apply(): void {
    const map = this.mode === 'map';
    this.view?.element.classList.toggle('okr-show-map', map);
    for (const mode of ['table', 'map'] as const) {
      this.buttons[mode].setAttribute('aria-pressed', String(mode === this.mode));
      this.buttons[mode].classList.toggle('okr-on', mode === this.mode);
    }
    this.map.setVisible(map);
    if (map && this.pendingHighlight) {
      this.map.highlight(this.pendingHighlight.uri, this.pendingHighlight.line);
      this.pendingHighlight = undefined;
    }
  }
}
