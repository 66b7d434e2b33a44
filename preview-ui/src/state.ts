// The page's UI state: what is expanded, the filters, the search, the scroll position. The page
// keeps it with the webview's getState/setState, so a reload (the panel is not retained when
// hidden) comes back as it was. Plain JSON; node ids are `r:`/`o:`/`k:` + the model's key.

export interface ViewState {
  /** Default expansion: a node at tree depth d (roots 0) is open when d < depth. */
  depth: number;
  /** Nodes toggled away from the default: node id → open. */
  open: Record<string, boolean>;
  period: string;
  level: string;
  owner: string;
  /** The closing status filter: done, missed, dropped, carried (empty: any). */
  status: string;
  search: string;
  problemsOnly: boolean;
  /** The selected node (clicked, highlighted from the editor, or jumped to). */
  selected?: string;
  scrollY: number;
}

/** Strategies and the first two levels of objectives open, deeper ones closed. */
export const DEFAULT_DEPTH = 3;
/** "Expand all": deeper than any real tree. */
export const ALL_DEPTH = 1_000_000;

export function defaultState(): ViewState {
  return { depth: DEFAULT_DEPTH, open: Object.create(null) as Record<string, boolean>, period: '', level: '', owner: '', status: '', search: '', problemsOnly: false, scrollY: 0 };
}

/** A ViewState from whatever getState() returned (nothing, an older shape, garbage). */
export function normalizeState(raw: unknown): ViewState {
  const state = defaultState();
  if (typeof raw !== 'object' || raw === null) return state;
  const value = raw as Record<string, unknown>;
  const text = (name: 'period' | 'level' | 'owner' | 'status' | 'search') => {
    const field = value[name];
    if (typeof field === 'string') state[name] = field;
  };
  text('period');
  text('level');
  text('owner');
  text('status');
  text('search');
  if (typeof value.depth === 'number' && Number.isFinite(value.depth) && value.depth >= 0) state.depth = Math.min(value.depth, ALL_DEPTH);
  if (typeof value.problemsOnly === 'boolean') state.problemsOnly = value.problemsOnly;
  if (typeof value.selected === 'string') state.selected = value.selected;
  if (typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY >= 0) state.scrollY = value.scrollY;
  if (typeof value.open === 'object' && value.open !== null) {
    const open: Record<string, boolean> = Object.create(null);
    for (const [id, flag] of Object.entries(value.open as Record<string, unknown>)) if (typeof flag === 'boolean') open[id] = flag;
    state.open = open;
  }
  return state;
}
