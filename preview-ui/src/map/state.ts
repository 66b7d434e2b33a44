// What the map keeps across reloads (inside the page's ViewState): how deep it opens by default,
// the boxes opened or closed by hand, whether key results show, and where the user panned and
// zoomed to.

export interface MapState {
  /** Objectives deeper than this start collapsed (strategies 0, their objectives 1, …). */
  depth: number;
  /** Boxes opened or closed by hand: key → open. */
  open: Record<string, boolean>;
  keyResults: boolean;
  /** Pan and zoom: map units → screen, `screen = map * k + (x, y)`; undefined until first fitted. */
  view?: { x: number; y: number; k: number };
}

/** Strategies and the top level open: at 10,000 objectives, a few hundred boxes. */
export const DEFAULT_MAP_DEPTH = 2;

export function defaultMapState(): MapState {
  return { depth: DEFAULT_MAP_DEPTH, open: Object.create(null) as Record<string, boolean>, keyResults: false };
}

export function normalizeMapState(raw: unknown): MapState {
  const state = defaultMapState();
  if (typeof raw !== 'object' || raw === null) return state;
  const value = raw as Record<string, unknown>;
  if (typeof value.depth === 'number' && Number.isFinite(value.depth) && value.depth >= 0) state.depth = Math.min(value.depth, 1_000_000);
  if (typeof value.keyResults === 'boolean') state.keyResults = value.keyResults;
  if (typeof value.open === 'object' && value.open !== null) {
    for (const [key, flag] of Object.entries(value.open as Record<string, unknown>)) if (typeof flag === 'boolean') state.open[key] = flag;
  }
  const view = value.view as Record<string, unknown> | undefined;
  if (view && [view.x, view.y, view.k].every((n) => typeof n === 'number' && Number.isFinite(n)) && (view.k as number) > 0) {
    state.view = { x: view.x as number, y: view.y as number, k: view.k as number };
  }
  return state;
}
