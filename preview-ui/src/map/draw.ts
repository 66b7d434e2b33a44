// The alignment map drawn from its layout (layout.ts) as SVG descriptions (vnode.ts): boxes with
// the id, the title (two lines, the whole of it in the box's tooltip), level · owner · period, a
// progress bar with the expected mark, problem badges, a catch-all mark, and a toggle under a box
// with objectives below it; tree edges from each box to the boxes under it, enabling edges
// dashed; extra alignments and `contributes to` as lighter curves. Class names carry the colours:
// preview.css in the page, MAP_STYLE in a standalone SVG.
import type { Severity } from '../../../server/src/core/tree';
import { BOX_HEIGHT, KR_LINE, type MapBox, type MapLayout } from './layout';
import { h, type VNode } from './vnode';

const PAD = 10;
const TITLE_CHARS = 34;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface DrawOptions {
  /** The selected box's key. */
  readonly selected?: string;
  /** Boxes that match the search (lower-case text), or undefined when not searching. */
  readonly hits?: ReadonlySet<string>;
}

/** `text` cut to `max` characters (by code point), with an ellipsis when cut. */
function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The title in at most two lines of about TITLE_CHARS characters, cut at a space where there is one. */
export function titleLines(title: string): string[] {
  const chars = [...title.replace(/\s+/g, ' ').trim()];
  if (chars.length <= TITLE_CHARS) return [chars.join('')];
  let split = chars.lastIndexOf(' ', TITLE_CHARS);
  if (split < TITLE_CHARS / 2) split = TITLE_CHARS;
  const first = chars.slice(0, split).join('').trimEnd();
  return [first, cut(chars.slice(split).join('').trim(), TITLE_CHARS)];
}

/** What a box's tooltip says: everything, whole. */
export function boxTooltip(box: MapBox): string {
  const lines = [box.id ? `${box.id}: ${box.title}` : box.title];
  if (box.meta) lines.push(box.meta);
  if (box.progress !== undefined) lines.push(`progress ${Math.round(box.progress * 100)}%${box.expected !== undefined ? `, expected ${Math.round(box.expected * 100)}%` : ''}`);
  if (box.catchAll) lines.push(`catch-all: ${box.catchAll}`);
  const problems = SEVERITIES.filter((s) => box.problems[s]).map((s) => `${box.problems[s]} ${s}${box.problems[s] === 1 || s === 'info' ? '' : 's'}`);
  if (problems.length) lines.push(problems.join(', '));
  if (box.hidden) lines.push(`${box.hidden} objective${box.hidden === 1 ? '' : 's'} folded under it`);
  return lines.join('\n');
}

function drawBox(box: MapBox, options: DrawOptions): VNode {
  const classes = ['okr-map-box', `okr-map-${box.kind}`];
  if (box.catchAll) classes.push('okr-map-catchall');
  if (options.selected === box.key) classes.push('okr-map-selected');
  if (options.hits) classes.push(options.hits.has(box.key) ? 'okr-map-hit' : 'okr-map-dim');
  const parts: VNode[] = [h('title', undefined, boxTooltip(box)), h('rect', { class: 'okr-map-rect', width: box.width, height: box.height, rx: 6 })];
  const head = box.id ?? (box.kind === 'group' ? '' : undefined);
  if (head) parts.push(h('text', { class: 'okr-map-id', x: PAD, y: 17 }, cut(head, 24)));
  if (box.catchAll) parts.push(h('text', { class: 'okr-map-mark', x: box.width - PAD, y: 17, 'text-anchor': 'end' }, 'catch-all'));
  // Problem badges, right-aligned on the id line (left of the catch-all mark).
  let right = box.width - PAD - (box.catchAll ? 56 : 0);
  for (const severity of [...SEVERITIES].reverse()) {
    const count = box.problems[severity];
    if (!count) continue;
    const label = count > 99 ? '99+' : String(count);
    const width = 8 + label.length * 6;
    right -= width;
    parts.push(h('g', { class: `okr-map-badge okr-map-badge-${severity}`, transform: `translate(${right},6)` }, [h('rect', { width, height: 14, rx: 7 }), h('text', { x: width / 2, y: 10.5, 'text-anchor': 'middle' }, label)]));
    right -= 4;
  }
  const lines = titleLines(box.title);
  lines.forEach((line, i) => parts.push(h('text', { class: 'okr-map-title', x: PAD, y: (head ? 34 : 22) + i * 15 }, line)));
  if (box.meta) parts.push(h('text', { class: 'okr-map-meta', x: PAD, y: BOX_HEIGHT - 14 }, cut(box.meta, 38)));
  if (box.progress !== undefined) {
    const width = box.width - 2 * PAD;
    const done = Math.max(0, Math.min(1, box.progress));
    parts.push(h('rect', { class: 'okr-map-bar', x: PAD, y: BOX_HEIGHT - 8, width, height: 4, rx: 2 }));
    parts.push(h('rect', { class: 'okr-map-bar-done', x: PAD, y: BOX_HEIGHT - 8, width: Math.round(width * done * 10) / 10, height: 4, rx: 2 }));
    if (box.expected !== undefined) {
      const at = PAD + Math.round(width * Math.max(0, Math.min(1, box.expected)) * 10) / 10;
      parts.push(h('line', { class: 'okr-map-expected', x1: at, x2: at, y1: BOX_HEIGHT - 11, y2: BOX_HEIGHT - 1 }));
    }
  }
  box.keyResults.forEach((kr, i) => {
    const y = BOX_HEIGHT + i * KR_LINE + 12;
    const progress = kr.progress === undefined ? '' : `${Math.round(kr.progress * 100)}%`;
    parts.push(h('text', { class: 'okr-map-kr', x: PAD, y }, [h('title', undefined, `${kr.id ? `${kr.id}: ` : ''}${kr.title}${kr.metric ? `\n${kr.metric}` : ''}`), { tag: 'tspan', text: `• ${cut(kr.title, progress ? 30 : 34)}` }]));
    if (progress) parts.push(h('text', { class: 'okr-map-kr-progress', x: box.width - PAD, y, 'text-anchor': 'end' }, progress));
  });
  if (box.childCount) {
    const label = box.open ? '−' : `+${box.hidden}`;
    const width = Math.max(18, 10 + label.length * 6.5);
    parts.push(h('g', { class: 'okr-map-toggle', transform: `translate(${(box.width - width) / 2},${box.height - 2})`, 'data-toggle': box.key }, [h('title', undefined, box.open ? 'Collapse' : `Expand: ${box.hidden} objective${box.hidden === 1 ? '' : 's'} under it`), h('rect', { width, height: 14, rx: 7 }), h('text', { x: width / 2, y: 10.5, 'text-anchor': 'middle' }, label)]));
  }
  return h('g', { class: classes.join(' '), transform: `translate(${box.x},${box.y})`, 'data-key': box.key }, parts);
}

/** The map's content (edges, links, boxes), at map coordinates. */
export function drawMap(layout: MapLayout, options: DrawOptions = {}): VNode {
  const byKey = new Map(layout.boxes.map((box) => [box.key, box]));
  const edges: VNode[] = [];
  for (const edge of layout.edges) {
    const from = byKey.get(edge.from);
    const to = byKey.get(edge.to);
    if (!from || !to) continue;
    const x1 = from.x + from.width / 2;
    const y1 = from.y + from.height + (from.childCount ? 12 : 0);
    const x2 = to.x + to.width / 2;
    const y2 = to.y;
    const middle = (y1 + y2) / 2;
    edges.push(h('path', { class: edge.enabling ? 'okr-map-edge okr-map-edge-enabling' : 'okr-map-edge', d: `M${x1},${y1}V${middle}H${x2}V${y2}` }));
  }
  const links: VNode[] = [];
  for (const link of layout.links) {
    const from = byKey.get(link.from);
    const to = byKey.get(link.to);
    if (!from || !to) continue;
    const x1 = from.x + from.width / 2;
    const y1 = from.y + (to.y < from.y ? 0 : from.height);
    const x2 = to.x + to.width / 2;
    const y2 = to.y + (to.y < from.y ? to.height : 0);
    const bend = Math.max(40, Math.abs(y2 - y1) / 2);
    const c1 = y1 + (y2 < y1 ? -bend : bend);
    const c2 = y2 + (y2 < y1 ? bend : -bend);
    links.push(h('path', { class: `okr-map-link okr-map-link-${link.kind}`, d: `M${x1},${y1}C${x1},${c1} ${x2},${c2} ${x2},${y2}` }, [h('title', undefined, `${link.kind === 'contributes' ? 'contributes to' : link.kind === 'enabling' ? 'enables' : 'also aligns to'}: ${link.from} → ${link.to}`)]));
  }
  return h('g', { class: 'okr-map-content' }, [h('g', { class: 'okr-map-edges' }, edges), h('g', { class: 'okr-map-links' }, links), h('g', { class: 'okr-map-boxes' }, layout.boxes.map((box) => drawBox(box, options)))]);
}

/** The colours of a standalone SVG (the export): light, print-friendly. */
export const MAP_STYLE = `
.okr-map-rect{fill:#fff;stroke:#b8bec6;stroke-width:1}
.okr-map-strategy .okr-map-rect{fill:#eef3fb;stroke:#4a74b8}
.okr-map-group .okr-map-rect{fill:#f6f6f6;stroke-dasharray:4 3}
.okr-map-catchall .okr-map-rect{stroke:#b5811a;stroke-dasharray:5 3}
text{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;fill:#1f2328}
.okr-map-id{font-size:11px;font-weight:600;fill:#0b5cad}
.okr-map-title{font-size:12px}
.okr-map-meta{font-size:10px;fill:#59636e}
.okr-map-mark{font-size:10px;fill:#8a5d00}
.okr-map-kr,.okr-map-kr-progress{font-size:11px;fill:#3d444d}
.okr-map-bar{fill:#e4e7eb}.okr-map-bar-done{fill:#2f8a4c}
.okr-map-expected{stroke:#1f2328;stroke-width:1.5}
.okr-map-badge text{font-size:9px;font-weight:700;fill:#fff}
.okr-map-badge-error rect{fill:#c62828}.okr-map-badge-warning rect{fill:#b26a00}.okr-map-badge-info rect{fill:#1f6fb5}
.okr-map-toggle rect{fill:#fff;stroke:#8c959f}.okr-map-toggle text{font-size:10px;fill:#3d444d}
.okr-map-edge{fill:none;stroke:#8c959f;stroke-width:1.2}
.okr-map-edge-enabling{stroke-dasharray:6 4}
.okr-map-link{fill:none;stroke:#9aa4ae;stroke-width:1;stroke-dasharray:3 3;opacity:.7}
.okr-map-link-contributes{stroke:#2f8a4c}
`;
