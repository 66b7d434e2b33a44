// The preview's toolbar: search, the period, level, owner and closing status filters, "problems only", collapse
// and expand all, and the status (matches, objectives, a pinned today, the workspace's problems).
// It makes and updates its elements; the tree (render.ts) listens to them.
import type { Severity } from '../../server/src/core/tree';
import { el, icon, plural } from './dom';
import { severities, type ModelIndex } from './model';
import { SEVERITY_ICON } from './rows';
import type { ViewState } from './state';

export class Toolbar {
  readonly element: HTMLElement;
  readonly searchInput: HTMLInputElement;
  readonly selects: Record<'period' | 'level' | 'owner' | 'status', HTMLSelectElement>;
  readonly problemsButton: HTMLButtonElement;
  readonly collapse: HTMLButtonElement;
  readonly expand: HTMLButtonElement;
  private readonly summary: HTMLElement;
  private readonly totals: HTMLElement;
  /** `as of 2026-03-02 (okr.config.json)` when the configuration pins today; empty otherwise. */
  private readonly asOf: HTMLElement;

  /**
   * @param searchText the search text to start with
   * @param start put first in the row (the table/map switch)
   */
  constructor(searchText: string, start?: HTMLElement) {
    this.element = el('header', 'okr-toolbar');
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Alignment tree filters');

    const search = el('div', 'okr-search');
    search.append(icon('search', '⌕', 'okr-search-icon'));
    this.searchInput = el('input', 'okr-input');
    this.searchInput.id = 'okr-search';
    this.searchInput.type = 'search';
    this.searchInput.placeholder = 'Search id, title, owner';
    this.searchInput.setAttribute('aria-label', 'Search objectives and key results by id, title or owner');
    this.searchInput.spellcheck = false;
    this.searchInput.value = searchText;
    search.append(this.searchInput);

    this.selects = {
      period: makeSelect('okr-period', 'Period'),
      level: makeSelect('okr-level', 'Level'),
      owner: makeSelect('okr-owner', 'Owner'),
      status: makeSelect('okr-status', 'Status'),
    };

    this.problemsButton = el('button', 'okr-toggle');
    this.problemsButton.id = 'okr-problems-only';
    this.problemsButton.type = 'button';
    this.problemsButton.title = 'Show only objectives and key results with problems';
    this.problemsButton.append(icon('filter', '⚲'), el('span', 'okr-toggle-label', 'Problems only'));

    this.collapse = iconButton('okr-collapse-all', 'collapse-all', '⊟', 'Collapse all');
    this.expand = iconButton('okr-expand-all', 'expand-all', '⊞', 'Expand all');

    this.summary = el('span', 'okr-summary');
    this.summary.id = 'okr-summary';
    this.summary.setAttribute('aria-live', 'polite');
    this.totals = el('span', 'okr-totals');
    this.totals.id = 'okr-totals';
    this.asOf = el('span', 'okr-as-of');
    this.asOf.id = 'okr-as-of';

    const filters = el('div', 'okr-toolbar-row');
    const actions = el('span', 'okr-group-nowrap');
    actions.append(this.problemsButton, el('span', 'okr-separator'), this.collapse, this.expand);
    const status = el('span', 'okr-group-nowrap');
    status.append(this.summary, this.asOf, this.totals);
    filters.append(search, this.selects.period, this.selects.level, this.selects.owner, this.selects.status, actions, el('span', 'okr-spacer'), status);
    if (start) filters.prepend(start);
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
    this.element.append(filters, columns);
  }

  /** Shows the model's filter values, the state's filters and the counts. */
  update(index: ModelIndex | undefined, state: ViewState, filtering: boolean): void {
    const model = index?.model;
    const strings = (values: unknown) => (Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : []);
    fillSelect(this.selects.period, 'All periods', strings(model?.periods), state.period);
    fillSelect(this.selects.level, 'All levels', strings(model?.levels), state.level);
    fillSelect(this.selects.owner, 'All owners', strings(model?.owners), state.owner);
    fillSelect(this.selects.status, 'Any status', strings(model?.statuses), state.status);
    this.selects.status.hidden = !strings(model?.statuses).length && !state.status;
    if (this.searchInput.value !== state.search) this.searchInput.value = state.search;
    this.problemsButton.setAttribute('aria-pressed', String(state.problemsOnly));
    this.problemsButton.classList.toggle('okr-active', state.problemsOnly);

    if (!index) {
      this.summary.textContent = '';
      this.asOf.textContent = '';
      this.totals.replaceChildren();
      return;
    }
    const objectives = index.objectiveCount;
    if (filtering) {
      let matches = 0;
      for (const node of index.byId.values()) if (node.distinct && (node.kind !== 'root' || node.match)) matches++;
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
}

function makeSelect(id: string, label: string): HTMLSelectElement {
  const select = el('select', 'okr-select');
  select.id = id;
  select.setAttribute('aria-label', label);
  select.title = `Filter by ${label.toLowerCase()}`;
  return select;
}

function iconButton(id: string, codicon: string, fallback: string, label: string): HTMLButtonElement {
  const button = el('button', 'okr-icon-button');
  button.id = id;
  button.type = 'button';
  button.title = label;
  button.setAttribute('aria-label', label);
  button.append(icon(codicon, fallback));
  return button;
}

/** The values each select lists now (a new model with the same values leaves its options be). */
const listed = new WeakMap<HTMLSelectElement, readonly string[]>();

function fillSelect(select: HTMLSelectElement, all: string, values: readonly string[], current: string): void {
  const list = [...values];
  if (current && !list.includes(current)) list.push(current); // keep a filter the new model lacks
  const before = listed.get(select);
  if (!before || before.length !== list.length || before.some((value, i) => value !== list[i])) {
    listed.set(select, list);
    replaceOptions(select, all, list);
  }
  select.value = current;
  select.classList.toggle('okr-active', !!current);
}

function replaceOptions(select: HTMLSelectElement, all: string, list: readonly string[]): void {
  const options = [el('option', undefined, all)];
  options[0]!.value = '';
  for (const value of list) {
    const option = el('option', undefined, value);
    option.value = value;
    options.push(option);
  }
  select.replaceChildren(...options);
}
