// The standalone page's header (the command line's HTML export): what a page read away from the
// editor, or printed for a meeting, must say by itself. The workspace's name, the day the figures
// are for (the analysis's today, and whether okr.config.json pins it), the counts, and a legend of
// the badges and marks the tree draws (in the editor their tooltips explain them; on paper
// nothing does). Built with the tree's own classes, so the legend looks like what it explains,
// and, like the tree, through textContent only (dom.ts).
import type { Severity, TreeModel } from '../../server/src/core/tree';
import { el, icon, plural } from './dom';

const SEVERITIES: readonly [Severity, string, string, string][] = [
  // [severity, codicon, fallback, meaning]
  ['error', 'error', '⊗', 'errors: the line is broken or means something it cannot'],
  ['warning', 'warning', '⚠', 'warnings: misalignment to fix'],
  ['info', 'info', 'ⓘ', 'info: a quality suggestion'],
  ['hint', 'lightbulb', '✱', 'hints: worth a thought'],
];

/** The header for `model`: title, date and counts, legend. */
export function exportHeader(model: TreeModel): HTMLElement {
  const header = el('header', 'okr-export-header');
  header.id = 'okr-export-header';
  const name = typeof model.workspace === 'string' && model.workspace ? model.workspace : undefined;
  header.append(el('h1', 'okr-export-title', name ? `${name} · OKRs` : 'OKRs'));

  const facts: string[] = [];
  const asOf = el('p', 'okr-export-facts');
  asOf.id = 'okr-export-as-of';
  const pinned = model.todayPinned === true;
  facts.push(`Figures as of ${model.today}${pinned ? ' (set by "today" in okr.config.json)' : ''}`);
  if (typeof model.objectiveCount === 'number') facts.push(plural(model.objectiveCount, 'objective'));
  const totals = model.totals;
  if (totals) {
    facts.push(`${plural(Number(totals.error) || 0, 'error')}, ${plural(Number(totals.warning) || 0, 'warning')}, ${plural(Number(totals.info) || 0, 'info', 'info')}, ${plural(Number(totals.hint) || 0, 'hint')}`);
  }
  asOf.textContent = facts.join(' · ');
  header.append(asOf);
  header.append(legend(model.today));
  return header;
}

/** The title the browser (and a printout's header) shows. */
export function exportTitle(model: TreeModel): string {
  const name = typeof model.workspace === 'string' && model.workspace ? `${model.workspace} · ` : '';
  return `${name}OKRs · as of ${model.today}`;
}

function legend(today: string): HTMLElement {
  const section = el('section', 'okr-legend');
  section.id = 'okr-legend';
  section.setAttribute('aria-label', 'Legend');
  section.append(el('h2', 'okr-legend-title', 'Legend'));
  const list = el('ul', 'okr-legend-list');
  const item = (sample: HTMLElement, text: string) => {
    const li = el('li', 'okr-legend-item');
    const shown = el('span', 'okr-legend-sample');
    shown.setAttribute('aria-hidden', 'true');
    shown.append(sample);
    li.append(shown, el('span', 'okr-legend-text', text));
    list.append(li);
  };

  item(kinds(), 'strategy, objective, key result');
  for (const [severity, codicon, fallback, meaning] of SEVERITIES) {
    const badge = el('span', `okr-badge okr-badge-${severity}`);
    badge.append(icon(codicon, fallback), el('span', 'okr-badge-count', '2'));
    item(badge, `2 ${meaning}`);
  }
  item(progress(0.6, 0.75, false), `progress, with a mark where it should be by ${today}`);
  item(progress(0.3, 0.75, true), 'more than 20 points behind where it should be');
  const chip = (className: string, codicon: string, fallback: string, label: string) => {
    const span = el('span', `okr-chip ${className}`);
    span.append(icon(codicon, fallback), el('span', 'okr-chip-label', label));
    return span;
  };
  item(chip('okr-chip-catch-all', 'warning', '⚠', 'catch-all'), 'catch-all: business as usual with nothing measurable, so anything can claim to serve it');
  item(el('span', 'okr-enables', 'enables'), 'enables the objective above it (same level) rather than breaking it down');
  item(chip('okr-legend-link okr-chip-via', 'symbol-field', '▪', 'via'), 'aligned to that key result of the objective above');
  item(chip('okr-legend-link okr-chip-extra', 'link', '↗', 'also aligns to'), 'a second alignment (the first is its place in the tree)');
  item(chip('okr-legend-link okr-chip-contributes', 'arrow-up', '↑', 'contributes to'), 'its value adds into that key result');
  const rollup = el('span', 'okr-rollup');
  rollup.append(icon('symbol-operator', '∑', 'okr-rollup-icon'), el('span', 'okr-rollup-label', 'rollup sum'));
  item(rollup, 'the sum of what contributes to it');
  item(el('span', 'okr-metric okr-inferred', 'from 20 to 35 %'), 'a metric read from the title, not written out');
  section.append(list);
  return section;
}

function kinds(): HTMLElement {
  const span = el('span', 'okr-legend-kinds');
  span.append(icon('symbol-namespace', '◆', 'okr-kind okr-kind-strategy'), icon('symbol-class', '◉', 'okr-kind okr-kind-objective'), icon('symbol-field', '▪', 'okr-kind okr-kind-kr'));
  return span;
}

function progress(done: number, expected: number, behind: boolean): HTMLElement {
  const cell = el('span', `okr-cell okr-cell-progress${behind ? ' okr-behind' : ''}`);
  const bar = el('span', 'okr-bar');
  const fill = el('span', 'okr-fill');
  fill.style.width = `${(done * 100).toFixed(1)}%`;
  const mark = el('span', 'okr-expected');
  mark.style.left = `${(expected * 100).toFixed(1)}%`;
  bar.append(fill, mark);
  cell.append(bar, el('span', 'okr-percent', `${Math.round(done * 100)}%`));
  return cell;
}
