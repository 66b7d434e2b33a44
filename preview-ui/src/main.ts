// The preview page. In the VS Code webview (client/src/preview/panel.ts) it talks to the host:
//   host → page   { type: 'model', model }          render (again: in place, state kept); `model`
//                                                   may also be the TreeModel as JSON text
//                 { type: 'highlight', uri, line }  select the node at that 0-based line
//   page → host   { type: 'ready' }                 once listening
//                 { type: 'reveal', uri, line }     a node was clicked: open its first line
//                 { type: 'alignTo', uri, line }    "Align to…" on the map's selected objective
// and keeps its UI state (expansion, filters, search, scroll) with getState/setState, so a reload
// comes back as it was. Without acquireVsCodeApi (the command line's standalone HTML export) it
// renders the model embedded in <script type="application/json" id="okr-model">, under a header
// with the workspace's name, the date and a legend (exportHeader.ts), and posts nothing.
import type { TreeModel } from '../../server/src/core/tree';
import { exportHeader, exportTitle } from './exportHeader';
import { MapMode } from './map/mode';
import { isTreeModel } from './model';
import { renderTree } from './render';
import { normalizeState } from './state';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare const acquireVsCodeApi: undefined | (() => VsCodeApi);

type HostMessage = { type: 'model'; model: TreeModel } | { type: 'highlight'; uri: string; line: number };

function asHostMessage(data: unknown): HostMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.type === 'model') {
    // The model, or the model as JSON text (a string crosses postMessage far faster than an object
    // graph: for 10,000 objectives about 60 ms of JSON.parse instead of about 450 ms of cloning).
    let model = message.model;
    if (typeof model === 'string') {
      try {
        model = JSON.parse(model);
      } catch {
        return undefined;
      }
    }
    return isTreeModel(model) ? { type: 'model', model } : undefined;
  }
  if (message.type === 'highlight' && typeof message.uri === 'string' && typeof message.line === 'number' && Number.isFinite(message.line)) {
    return { type: 'highlight', uri: message.uri, line: message.line };
  }
  return undefined;
}

function start(): void {
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  let host = document.getElementById('root');
  if (!host) {
    host = document.createElement('div');
    host.id = 'root';
    document.body.append(host);
  }

  let state = normalizeState(vscode?.getState());
  let scrollToRestore = state.scrollY > 0 ? state.scrollY : undefined;
  const save = () => vscode?.setState(state);

  const onReveal = vscode ? (uri: string, line: number) => vscode.postMessage({ type: 'reveal', uri, line }) : undefined;
  // The alignment map beside the table (map/mode.ts): its switch goes first in the toolbar.
  // While the map shows, the hidden table takes a new model only once the map has painted.
  let tableModel: TreeModel | undefined;
  let tableTimer: ReturnType<typeof setTimeout> | undefined;
  const flushTable = () => {
    clearTimeout(tableTimer);
    tableTimer = undefined;
    if (tableModel) view.setModel(tableModel);
    tableModel = undefined;
  };
  const map = new MapMode(state, {
    onReveal,
    onAlignTo: vscode ? (uri, line) => vscode.postMessage({ type: 'alignTo', uri, line }) : undefined,
    onChange: (mode, mapState) => {
      if (mode === 'table') flushTable();
      state = { ...state, view: mode, map: mapState };
      save();
    },
  });
  const view = renderTree(host, undefined, state, {
    onReveal,
    onStateChange: (next) => {
      // The scroll position as last seen by the scroll listener: reading window.scrollY here
      // would force a layout of every row just created.
      state = { ...next, scrollY: state.scrollY, view: map.mode, map: map.mapState };
      map.setFilters(next);
      save();
    },
    toolbarStart: map.switch,
  });
  map.attach(view, state);

  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener(
    'scroll',
    () => {
      if (scrollTimer !== undefined) return;
      scrollTimer = setTimeout(() => {
        scrollTimer = undefined;
        if (scrollToRestore !== undefined) return; // not yet where the last session left off
        state = { ...state, scrollY: window.scrollY };
        save();
      }, 150);
    },
    { passive: true },
  );

  const showModel = (model: TreeModel) => {
    if (map.mode === 'map') {
      map.setModel(model);
      tableModel = model;
      // After the frame that paints the map, and the one after it.
      if (tableTimer === undefined) tableTimer = setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => (tableTimer = setTimeout(flushTable, 0)))), 0);
    } else {
      view.setModel(model);
      map.setModel(model);
    }
    if (scrollToRestore !== undefined) {
      window.scrollTo(0, scrollToRestore);
      scrollToRestore = undefined;
    }
  };

  if (vscode) {
    let hasModel = false;
    let pending: { uri: string; line: number } | undefined;
    window.addEventListener('message', (event: MessageEvent) => {
      const message = asHostMessage(event.data);
      if (message?.type === 'model') {
        showModel(message.model);
        hasModel = true;
        if (pending) {
          view.highlight(pending.uri, pending.line);
          map.highlight(pending.uri, pending.line);
        }
        pending = undefined;
      } else if (message?.type === 'highlight') {
        if (hasModel) {
          view.highlight(message.uri, message.line);
          map.highlight(message.uri, message.line);
        }
        else pending = { uri: message.uri, line: message.line };
      }
    });
    vscode.postMessage({ type: 'ready' });
    return;
  }

  // Standalone: the model is in the page.
  const embedded = document.getElementById('okr-model');
  if (!embedded) return;
  try {
    const model: unknown = JSON.parse(embedded.textContent ?? '');
    if (isTreeModel(model)) {
      // Read away from the editor, or printed: the page says what it is and how to read it.
      // Inside the page's root, before the tree: the page adds nothing else to the document.
      view.element.before(exportHeader(model));
      document.title = exportTitle(model);
      showModel(model);
    }
  } catch {
    host.textContent = 'The OKR tree in this page cannot be read.';
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
