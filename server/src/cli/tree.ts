// `okr tree`: the alignment tree in the terminal — strategies, objectives under what they align
// to first, key results inside — with progress bars (and where they should be today) and marks
// for problems.
import { plural } from '../core/util/plural';
import { tree } from '../features/tree';
import type { Severity, TreeClosing, TreeKeyResult, TreeModel, TreeObjective, TreeProblem, TreeRoot } from '../core/tree';
import { paint } from './paint';
import { terminalText as text } from './terminal';
import type { LoadedWorkspace } from './workspace';

export function modelOf(workspace: LoadedWorkspace): TreeModel {
  return tree(workspace.analyzer.analyse());
}

export function printTree(workspace: LoadedWorkspace, color: boolean): string {
  const model = modelOf(workspace);
  const c = paint(color);
  const marks: Record<Severity, string> = { error: c.red('✖'), warning: c.yellow('⚠'), info: c.blue('ℹ'), hint: c.dim('·') };
  const out: string[] = [];

  const problemMarks = (problems: readonly TreeProblem[]) => {
    const counts = new Map<Severity, number>();
    for (const p of problems) counts.set(p.severity, (counts.get(p.severity) ?? 0) + 1);
    return (['error', 'warning', 'info', 'hint'] as const).filter((s) => counts.get(s)).map((s) => `${marks[s]}${counts.get(s)}`).join(' ');
  };
  const progress = (done: number | undefined, expected: number | undefined) => {
    if (done === undefined) return '';
    const cells = 10;
    const filled = Math.round(done * cells);
    const behind = expected !== undefined && done + 0.2 < expected;
    const barText = '▓'.repeat(filled) + '░'.repeat(cells - filled);
    const pct = `${Math.round(done * 100)}%`;
    return `${behind ? c.yellow(barText) : c.green(barText)} ${pct}${expected !== undefined ? c.dim(` (expected ${Math.round(expected * 100)}%)`) : ''}`;
  };

  const keyResult = (kr: TreeKeyResult, prefix: string, last: boolean) => {
    // Ids, titles, owners, periods and rollups are user text: written as text only (`text`).
    const parts = [c.dim(`${last ? '└' : '├'}─ •`), kr.id ? c.cyan(text(kr.id)) : '', text(kr.title)];
    if (kr.progress !== undefined) parts.push(`${Math.round(kr.progress * 100)}%`);
    if (kr.rollup) parts.push(c.dim(`= ${text(kr.rollup)}`));
    const closing = closingText(kr);
    if (closing) parts.push(closing);
    const problems = problemMarks(kr.problems);
    if (problems) parts.push(problems);
    out.push(`${prefix}${parts.filter(Boolean).join(' ')}`);
  };

  /** `grade 0.7 · carried over to 2026-Q1`, the grade coloured red, yellow or green. */
  const closingText = (node: TreeClosing) => {
    const parts: string[] = [];
    if (node.grade !== undefined) {
      const tenths = Math.round(node.grade * 10);
      const grade = `grade ${Math.round(node.grade * 100) % 10 === 0 ? node.grade.toFixed(1) : node.grade.toFixed(2)}`;
      parts.push(tenths >= 7 ? c.green(grade) : tenths >= 4 ? c.yellow(grade) : c.red(grade));
    }
    if (node.status) parts.push(c.dim(node.status === 'carried' ? `carried over to ${text(node.carriedTo ?? '?')}` : node.status));
    return parts.join(' · ');
  };

  const objective = (node: TreeObjective, prefix: string, last: boolean) => {
    const branch = node.enabling ? (last ? '└┄' : '├┄') : last ? '└─' : '├─';
    const facts = text([node.level, node.owner, node.period].filter(Boolean).join(' · '));
    const parts = [c.bold(text(node.id)), text(node.title), c.dim(facts)];
    if (node.enabling) parts.push(c.dim('(enables)'));
    if (node.viaKeyResult) parts.push(c.dim(`(via ${text(node.viaKeyResult)})`));
    if (node.catchAll) parts.push(c.yellow('catch-all'));
    const bar = progress(node.progress, node.expected);
    if (bar) parts.push(bar);
    const closing = closingText(node);
    if (closing) parts.push(closing);
    const own = problemMarks(node.problems);
    if (own) parts.push(own);
    out.push(`${prefix}${branch} ${parts.filter(Boolean).join('  ')}`);
    const inner = `${prefix}${last ? '   ' : '│  '}`;
    const items = [...node.keyResults.map((kr) => ({ kr })), ...node.children.map((child) => ({ child }))];
    items.forEach((item, i) => {
      const isLast = i === items.length - 1;
      if ('kr' in item) keyResult(item.kr, inner, isLast);
      else objective(item.child, inner, isLast);
    });
  };

  const root = (node: TreeRoot) => {
    if (node.kind === 'strategy') out.push(`${c.bold(c.cyan(text(node.id)))} ${c.dim('(strategy)')} ${text(node.title)}`);
    else out.push(c.bold(text(node.title)));
    node.children.forEach((child, i) => objective(child, '', i === node.children.length - 1));
    out.push('');
  };

  for (const node of model.roots) root(node);
  const t = model.totals;
  out.push(c.dim(`${plural(model.objectiveCount, 'objective')} · today ${model.today}${model.todayPinned ? ' (okr.config.json)' : ''} · ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${plural(t.info, 'info', 'info')}, ${plural(t.hint, 'hint')}`));
  return `${out.join('\n')}\n`;
}

export type { TreeModel };
