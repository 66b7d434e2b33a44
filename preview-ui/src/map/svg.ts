// The alignment map as one standalone SVG file (`okr export --format svg`), for slides: the same
// layout and drawing as the preview's map (every objective open, key results left out), with its
// colours inside (MAP_STYLE), a heading, and every text escaped (vnode.ts: toMarkup).
import type { TreeModel } from '../../../server/src/core/tree';
import { MAP_STYLE, drawMap } from './draw';
import { layoutMap, type MapOptions } from './layout';
import { escapeXml, h, toMarkup } from './vnode';

const MARGIN = 24;
const HEADING = 40;

export function mapSvg(model: TreeModel, options: MapOptions = { depth: 1_000_000 }): string {
  const layout = layoutMap(model, options);
  const heading = [model.workspace ? `${model.workspace} · OKRs` : 'OKRs', `as of ${model.today}${model.todayPinned ? ' (okr.config.json)' : ''}`, `${model.objectiveCount} objective${model.objectiveCount === 1 ? '' : 's'}`].join(' · ');
  const width = Math.ceil(layout.width + 2 * MARGIN);
  const height = Math.ceil(layout.height + 2 * MARGIN + HEADING);
  const content = toMarkup(h('g', { transform: `translate(${MARGIN},${MARGIN + HEADING})` }, [drawMap(layout)]));
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<title>${escapeXml(heading)}</title>
<style>${MAP_STYLE}</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${MARGIN}" y="${MARGIN + 14}" font-size="16" font-weight="600">${escapeXml(heading)}</text>
${content}
</svg>
`;
}
