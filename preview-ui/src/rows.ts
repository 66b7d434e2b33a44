// The rows of the alignment tree: one per strategy (or group), objective and key result, made
// from prototypes (`cloneOf`) because a big tree opens thousands at once. A row shows the title
// and id (search matches highlighted), link chips, grade and status chips (closing.ts), what was
// learned, the why or the rollup, and the meta cells (problem badges, level, owner, period,
// progress). All OKR text goes through textContent, `title` or setAttribute (dom.ts).
import type { Severity, TreeProblem } from '../../server/src/core/tree';
import { closingChips, describeClosing, learnedLines } from './closing';
import { clamp01, cloneOf, el, highlighted, icon, percent, plural } from './dom';
import { countBySeverity, severities, type ModelIndex, type NodeLink, type ViewNode } from './model';

/** What a row shows that the tree around it knows. */
export interface RowContext {
  /** Filters or a search are on: rows that do not match are shown as context. */
  readonly filtering: boolean;
  /** The search text, highlighted in titles, ids and owners. */
  readonly search: string;
  /** The id of the selected node. */
  readonly selected: string | undefined;
  readonly index: ModelIndex | undefined;
  /** Whether the node has rows under it (it can open). */
  hasContent(node: ViewNode): boolean;
  /** A row was made for the node. */
  made(node: ViewNode, row: HTMLElement): void;
}

export const SEVERITY_ICON: Record<Severity, [string, string]> = {
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

/** Makes the rows of the tree. */
export class RowMaker {
  constructor(private readonly context: RowContext) {}


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
    if (this.context.filtering && !node.match) row.classList.add('okr-context');
    if (node.id === this.context.selected) {
      row.classList.add('okr-selected');
      row.setAttribute('aria-selected', 'true');
    }
    this.context.made(node, row);
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

  nodeRow(node: ViewNode, position: number, size: number, open: boolean): HTMLElement {
    if (node.kind === 'root') return this.rootRow(node, position, size, open);
    const objective = node.objective!;
    const row = this.baseRow(node, position, size, 'okr-objective');
    if (objective.enabling) row.classList.add('okr-enabling');
    if (objective.catchAll) row.classList.add('okr-catch-all');
    this.twistie(row, this.context.hasContent(node), open);
    row.append(icons('symbol-class', '◉', 'okr-kind okr-kind-objective'));

    const main = el('div', 'okr-main');
    const line = el('div', 'okr-line');
    if (objective.enabling) {
      const enables = el('span', 'okr-enables', 'enables');
      enables.title = 'Enables the objective above it (same level): a link of support, not a breakdown';
      line.append(enables);
    }
    const title = highlighted(objective.title ?? '', this.context.search, 'okr-title');
    title.title = this.describe(node);
    line.append(title, highlighted(node.key, this.context.search, 'okr-key'));
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
    this.twistie(row, this.context.hasContent(node), open);
    row.append(strategy ? icon('symbol-namespace', '◆', 'okr-kind okr-kind-strategy') : icon('question', '?', 'okr-kind okr-kind-group'));
    const main = el('div', 'okr-main');
    const line = el('div', 'okr-line');
    const title = highlighted(root.title ?? '', this.context.search, 'okr-title');
    title.title = strategy ? `strategy ${root.key}: ${root.title}` : root.title;
    line.append(title);
    if (strategy) line.append(highlighted(root.key, this.context.search, 'okr-key'));
    const count = node.children.length;
    line.append(el('span', 'okr-count', plural(count, 'objective')));
    main.append(line);
    row.append(main);
    return row;
  }

  keyResultRow(node: ViewNode, position: number, size: number): HTMLElement {
    const kr = node.kr!;
    const row = this.baseRow(node, position, size, 'okr-kr');
    this.twistie(row, false, false);
    row.append(icons('symbol-field', '▪', 'okr-kind okr-kind-kr'));
    const main = el('div', 'okr-main');
    const line = el('div', 'okr-line');
    const title = highlighted(kr.title ?? '', this.context.search, 'okr-title');
    title.title = this.describe(node);
    line.append(title, highlighted(kr.id ?? node.key, this.context.search, 'okr-key'));
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
    const target = this.context.index?.byKey.get(to);
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
      cell.append(highlighted(owner, this.context.search));
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
    const today = this.context.index?.model.today;
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
}

/** A codicon from a prototype (rows hold many). */
export function icons(name: string, fallback: string, className = ''): HTMLSpanElement {
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

