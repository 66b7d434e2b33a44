// Hover: what an id or a reference stands for, in Markdown.
//  - an objective (its id, or a reference to it): its title; its alignment story up to the
//    strategy, following primary alignments; level · owner · period; progress against expected
//    progress; where each key result stands, with its check-in trend; the objectives aligned to it
//    by level; its other problems (below); why it is a catch-all, if it is one;
//  - a key result (its id, or the `kr` of `objective.kr`): its metric (written out, or inferred
//    from the title with the statement that writes it out), value and progress, newest check-in,
//    and for `rollup sum` the arithmetic of its contributions;
//  - grades, statuses, reflections and a milestone key result's steps: closing.ts;
//  - a strategy: its title and the objectives aligned to it.
// A reference that does not resolve shows nothing: its diagnostic speaks.
// Problems: the hover lists those of the objective's or key result's block, except the ones under
// the hovered word. Editors show a diagnostic when the pointer is over it (VS Code puts it in the
// same hover box, above ours), so listing it again would say everything twice; the others (a key
// result's problem while hovering its objective, an objective in another file through a
// reference) are out of sight, and worth a line. No client capability says whether diagnostics are
// shown on hover, and listing the ones elsewhere is useful to every client, so all get the same.
// Every piece of user text (titles, owners, notes) goes through escapeMarkdown.
//
// The Markdown helpers that code lens and inlay hints share (escapeMarkdown, percent, bar) are
// exported from here; the computations (paceOf, storyOf, rollupOf, …) live in core/model/insight.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import {
  pinnedTodayNote,
  symbolAt,
  type AlignmentGraph,
  type AnalysisConfig,
  type AnalysisResult,
  type KeyResult,
  type KeyResultDefinition,
  type OkrDocument,
  type Snapshot,
  type Objective,
  type ObjectiveNode,
  type Problem,
  type Severity,
  type Strategy,
} from '../core';
import { catchAllReason, describeCatchAll } from '../core/model/catchAll';
import { formatDay, parseDate, type Day } from '../core/model/dates';
import { checkinSeries, paceOf, referenceText, rollupArithmetic, rollupOf, storyOf, strategiesAtStoryEnds, type Pace, type Rollup, type Step } from '../core/model/insight';
import type { Metric } from '../core/model/metrics';
import { formatAmount, formatNumber, type Unit } from '../core/model/units';
import { offsetIn, rangeIn } from './common';
import { escapeMarkdown } from '../core/util/markdown';
import { isMilestone } from '../core/model/closing';
import { keyResultClosingHover, keyResultClosingSuffix, objectiveClosingHover } from './closing';

export function hover(snapshot: Snapshot, document: OkrDocument, position: Position): Hover | null {
  const symbol = symbolAt(snapshot.index, document, offsetIn(document, position));
  if (!symbol?.target) return null;
  const range = rangeIn(snapshot, document.uri, symbol.span);
  const analysis = snapshot;
  const config = snapshot.config;
  const target = symbol.target;
  // The diagnostics under the hovered word, which the editor shows by itself.
  const shown = (p: Problem) => p.uri === document.uri && p.span.start <= symbol.span.end && p.span.end >= symbol.span.start;
  let value: string | undefined;
  if (target.kind === 'objective') {
    const node = analysis.graph.node(target.node);
    value = node ? objectiveHover(node, analysis, config, shown) : undefined;
  } else if (target.kind === 'keyResult') {
    value = keyResultHover(target, analysis, shown, config);
  } else {
    value = strategyHover(target.node, analysis.graph);
  }
  if (!value) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

// ─── Objective ─────────────────────────────────────────────────────────────────────────────────

const MAX_PROBLEMS = 5;

function objectiveHover(node: ObjectiveNode, analysis: AnalysisResult, config: AnalysisConfig, shown: (p: Problem) => boolean): string {
  const { objective } = node;
  const { graph, progress } = analysis;
  const parts: string[] = [];
  parts.push(`${code(objective.id.text)}${titled(objective.title.text)}`);

  const facts = [node.level, node.owner, node.period?.text ?? objective.period?.text ?? node.file.header.period?.text, objective.commitment?.kind === 'aspirational' ? 'aspirational' : undefined];
  const described = facts.filter((f): f is string => Boolean(f)).map(escapeMarkdown);
  if (described.length) parts.push(described.join(' · '));

  const pace = paceOf(node, analysis);
  const paceLine = describePace(pace, node, analysis.today, config);
  if (paceLine) parts.push(paceLine);

  const closing = objectiveClosingHover(objective);
  if (closing) parts.push(closing);

  const story = storyOf(node, graph);
  parts.push(renderStory(objective, story));
  if (objective.why?.text) parts.push(`*Why:* ${escapeMarkdown(objective.why.text)}`);

  if (objective.keyResults.length) {
    const lines = objective.keyResults.map((kr) => `- ${keyResultLine(kr, analysis)}`);
    parts.push(`**Key results**\n${lines.join('\n')}`);
  }

  const aligned = alignedByLevel(node.alignedFrom.filter((a) => a.objective !== objective), graph, config);
  if (aligned.length) parts.push(`**Aligned to it**\n${aligned.map((line) => `- ${line}`).join('\n')}`);

  const reason = catchAllReason(node, graph, progress, config);
  if (reason) parts.push(`**Catch-all:** ${escapeMarkdown(describeCatchAll(reason))}. Anything can claim to serve it, so it takes focus away`);

  const problems = problemsIn(analysis, node.uri, objective.blockSpan, shown);
  if (problems) parts.push(problems);
  return parts.join('\n\n');
}

function describePace(pace: Pace, node: ObjectiveNode, today: Day, config: AnalysisConfig): string | undefined {
  const parts: string[] = [];
  if (pace.done !== undefined) parts.push(`${bar(pace.done)} ${percent(pace.done)} done`);
  else if (node.objective.keyResults.length) parts.push('no progress yet');
  if (pace.expected !== undefined) parts.push(`expected ${percent(pace.expected)}`);
  else if (node.period && today < node.period.start) parts.push(`starts ${formatDay(node.period.start)}`);
  if (!parts.length) return undefined;
  // A pinned today explains progress that ignores the newest check-ins.
  const pinned = pinnedTodayNote(config);
  if (pinned) parts.push(escapeMarkdown(pinned));
  return parts.join(' · ');
}

/** A story longer than this shows its first steps and its end: a hover is read, not scrolled. */
const MAX_STORY_STEPS = 12;

function renderStory(objective: Objective, story: readonly Step[]): string {
  if (!story.length) return `**Story:** ${code(objective.id.text)} aligns to nothing: it does not reach a strategy`;
  const elided = story.length > MAX_STORY_STEPS ? story.length - MAX_STORY_STEPS : 0;
  const steps = elided ? [...story.slice(0, MAX_STORY_STEPS - 1), story[story.length - 1]!] : story;
  const chain = [code(objective.id.text)];
  for (const step of steps) {
    if (elided && step === steps[steps.length - 1]) chain.push(`… (${elided} more)`);
    if (step.kind === 'strategy') chain.push(`${code(step.name)} (strategy)`);
    else if (step.kind === 'unknown') chain.push(`${code(step.name)} (unknown)`);
    else if (step.kind === 'cycle') chain.push(`${code(step.name)} ↻ (cycle)`);
    else chain.push(code(step.name));
  }
  const last = steps[steps.length - 1]!;
  const ending = last.kind === 'strategy' ? '' : last.kind === 'cycle' ? ': a cycle, it never reaches a strategy' : ': it does not reach a strategy';
  const lines = steps
    .filter((step) => step.title !== undefined)
    .map((step) => `- ${code(step.name)} · ${step.kind === 'strategy' ? 'strategy' : step.kind === 'keyResult' ? 'key result' : escapeMarkdown(step.level ?? 'objective')} — ${escapeMarkdown(step.title!)}`);
  return `**Story:** ${chain.join(' → ')}${ending}${lines.length ? `\n${lines.join('\n')}` : ''}`;
}

/** One line per key result of an objective: value against target, progress, trend of check-ins. */
function keyResultLine(kr: KeyResult, analysis: AnalysisResult): string {
  const { progress } = analysis;
  const name = kr.id ? code(kr.id.text) : `“${escapeMarkdown(kr.title.text)}”`;
  const metric = progress.metric(kr);
  const value = progress.value(kr);
  const krProgress = progress.keyResultProgress(kr);
  const parts: string[] = [];
  if (value) parts.push(metric ? standing(value.value, metric) : escapeMarkdown(formatNumber(value.value)));
  else if (!isMilestone(kr)) parts.push(metric ? `no value yet (${metricLabel(metric)})` : 'no metric');
  if (krProgress !== undefined && metric?.kind !== 'threshold') parts.push(percent(krProgress));
  const trend = trendOf(kr, metric?.unit, analysis.today);
  if (trend) parts.push(trend);
  parts.push(...keyResultClosingSuffix(kr, analysis.today));
  return `${name}${kr.id ? ' ' : ' · '}${parts.join(' · ')}`;
}

/** `38 of 80 $M`, `44 POs, from 50 to 40`, `1.8 seconds, keep below 1.5 seconds: not held`. */
function standing(value: number, metric: Metric): string {
  if (metric.kind === 'threshold') {
    const held = metric.direction === 'below' ? value <= metric.target : value >= metric.target;
    return escapeMarkdown(`${formatAmount(value, metric.unit)}, keep ${metric.direction ?? 'above'} ${formatAmount(metric.target, metric.unit)}: ${held ? 'held' : 'not held'}`);
  }
  if (metric.baseline !== 0) return escapeMarkdown(`${formatAmount(value, metric.unit)}, from ${formatNumber(metric.baseline)} to ${formatNumber(metric.target)}`);
  return escapeMarkdown(`${formatNumber(value)} of ${formatAmount(metric.target, metric.unit)}`);
}

function metricLabel(metric: Metric): string {
  return `${metric.source === 'inferred' ? '≈ ' : ''}${code(metric.statement)}`;
}

/** `16 → 38 ↗`: the last three check-ins, and which way the last one went. */
function trendOf(kr: KeyResult, unit: Unit | undefined, asOf: Day): string | undefined {
  const series = checkinSeries(kr, unit, asOf);
  if (series.length < 2) return undefined;
  const last = series.slice(-3).map((s) => s.value);
  const [before, now] = last.slice(-2) as [number, number];
  const arrow = now > before ? '↗' : now < before ? '↘' : '→';
  return `${escapeMarkdown(last.map(formatNumber).join(' → '))} ${arrow}`;
}

/** "department: `sales-ai`, `pipeline`", one line per level, top level first. */
function alignedByLevel(alignments: ObjectiveNode['alignedFrom'], graph: AlignmentGraph, config: AnalysisConfig): string[] {
  const byObjective = new Map<Objective, { primary: boolean; via: Set<string> }>();
  for (const alignment of alignments) {
    const entry = byObjective.get(alignment.objective) ?? { primary: false, via: new Set<string>() };
    entry.primary ||= alignment.primary;
    if (alignment.reference.keyResult) entry.via.add(alignment.reference.keyResult.text);
    byObjective.set(alignment.objective, entry);
  }
  const groups = new Map<string, string[]>();
  const rankOf = new Map<string, number>();
  for (const [objective, entry] of byObjective) {
    const node = graph.node(objective);
    const level = node?.level ?? 'no level';
    const rank = node?.rank ?? config.levels.length;
    rankOf.set(level, Math.min(rankOf.get(level) ?? Infinity, rank));
    const via = entry.via.size ? ` (via ${[...entry.via].map((kr) => code(`.${kr}`)).join(', ')})` : '';
    const list = groups.get(level) ?? [];
    list.push(`${code(objective.id.text)}${via}${entry.primary ? '' : ' *(extra link)*'}`);
    groups.set(level, list);
  }
  return [...groups]
    .sort(([a], [b]) => rankOf.get(a)! - rankOf.get(b)!)
    .map(([level, list]) => `${escapeMarkdown(level)}: ${list.join(', ')}`);
}

/** The block's problems but those the editor already shows under the pointer: a section, or undefined. */
function problemsIn(analysis: AnalysisResult, uri: string, span: { start: number; end: number }, shown: (p: Problem) => boolean): string | undefined {
  const inBlock = (analysis.problems.get(uri) ?? []).filter((p) => p.span.start >= span.start && p.span.end <= span.end);
  const problems = inBlock.filter((p) => !shown(p));
  if (!problems.length) return undefined;
  return `${problems.length < inBlock.length ? '**Other problems**' : '**Problems**'}\n${renderProblems(problems)}`;
}

const SEVERITY_ICONS: Readonly<Record<Severity, string>> = { error: '⛔', warning: '⚠️', info: 'ℹ️', hint: '💡' };

function renderProblems(problems: readonly Problem[]): string {
  const lines = problems.slice(0, MAX_PROBLEMS).map((p) => `- ${SEVERITY_ICONS[p.severity] ?? ''} ${code(p.rule)} ${escapeKeepingCode(p.message)}`);
  if (problems.length > MAX_PROBLEMS) lines.push(`- +${problems.length - MAX_PROBLEMS} more`);
  return lines.join('\n');
}

// ─── Key result ────────────────────────────────────────────────────────────────────────────────

function keyResultHover(target: KeyResultDefinition, analysis: AnalysisResult, shown: (p: Problem) => boolean, config: AnalysisConfig): string {
  const { node: kr, objective, uri } = target;
  const { progress } = analysis;
  const parts: string[] = [];
  const name = kr.id ? code(`${objective.id.text}.${kr.id.text}`) : `key result of ${code(objective.id.text)}`;
  parts.push(`${name}${titled(kr.title.text)}`);

  const metric = progress.metric(kr);
  const closing = keyResultClosingHover(kr, analysis.today);
  if (isMilestone(kr)) parts.push(closing!);
  else if (!metric) parts.push('*No metric:* write `from … to`, `target` or `keep above/below` under it');
  else if (metric.source === 'explicit') parts.push(`*Metric:* ${code(metric.statement)}`);
  else {
    const from = metric.span ? kr.title.text.slice(metric.span.start - kr.title.span.start, metric.span.end - kr.title.span.start) : '';
    const quoted = from ? `"${escapeMarkdown(from)}"` : 'the title';
    parts.push(`*Metric inferred from the title:* ${quoted} → ${code(metric.statement)}. Write it out under the key result: ${code(metric.statement)}`);
  }

  const value = progress.value(kr);
  const krProgress = progress.keyResultProgress(kr);
  if (value) {
    const source = value.source === 'rollup' ? 'sum of its contributions' : value.source === 'checkin' ? `check-in${value.asOf !== undefined ? ` of ${formatDay(value.asOf)}` : ''}` : '`current`';
    const shown = metric ? standing(value.value, metric) : escapeMarkdown(formatNumber(value.value));
    const done = krProgress !== undefined && metric?.kind !== 'threshold' ? ` · ${bar(krProgress)} ${percent(krProgress)} done` : '';
    const pinned = pinnedTodayNote(config);
    parts.push(`*Value:* ${shown} (${source})${done}${pinned ? ` · ${escapeMarkdown(pinned)}` : ''}`);
  } else if (!isMilestone(kr)) {
    parts.push('*Value:* none yet: add a `checkin DATE VALUE` line');
  }

  const newest = checkinSeries(kr, metric?.unit, analysis.today).pop();
  if (newest) {
    const { checkin } = newest;
    const facts = [formatDay(newest.day), escapeMarkdown(formatAmount(newest.value, metric?.unit))];
    if (checkin.confidence && Number.isFinite(checkin.confidence.value)) facts.push(`confidence ${escapeMarkdown(formatNumber(checkin.confidence.value))}`);
    const note = checkin.note?.text ? ` — ${escapeMarkdown(checkin.note.text)}` : '';
    parts.push(`*Newest check-in:* ${facts.join(' · ')}${note}`);
  }
  const later = kr.checkins.filter((c) => (parseDate(c.date.text) ?? -Infinity) > analysis.today);
  if (later.length) {
    parts.push(`*Not counted yet:* ${later.length} check-in${later.length === 1 ? '' : 's'} dated after today (${formatDay(analysis.today)}): ${later.map((c) => escapeMarkdown(c.date.text)).join(', ')}`);
  }

  if (kr.rollupSum) {
    const rollup = rollupOf(kr, analysis);
    parts.push(renderRollup(rollup));
  }

  if (kr.contributesTo) {
    const into = analysis.graph.resolve(kr.contributesTo);
    const title = into?.kind === 'keyResult' ? ` ${escapeMarkdown(into.node.title.text)}` : '';
    parts.push(`*Contributes to* ${code(referenceText(kr.contributesTo))}${title}`);
  }

  if (closing && !isMilestone(kr)) parts.push(closing);

  const extra: string[] = [];
  if (kr.owner?.text) extra.push(`owner ${escapeMarkdown(kr.owner.text)}`);
  if (kr.weight && Number.isFinite(kr.weight.value)) extra.push(`weight ${escapeMarkdown(formatNumber(kr.weight.value))}`);
  if (extra.length) parts.push(extra.join(' · '));

  const problems = problemsIn(analysis, uri, kr.blockSpan, shown);
  if (problems) parts.push(problems);
  return parts.join('\n\n');
}

function renderRollup(rollup: Rollup): string {
  if (!rollup.terms.length) return '*Rollup sum:* nothing contributes to it yet (`contributes to` from another key result)';
  const lines: string[] = [];
  const targets = rollupArithmetic(rollup, true);
  if (targets) lines.push(`- targets: ${escapeMarkdown(`${targets}${rollup.target !== undefined ? ` of ${formatAmount(rollup.target, rollup.unit)}` : ''}`)}`);
  const withValue = rollup.terms.filter((t) => t.value !== undefined);
  if (withValue.length && rollup.valueSum !== undefined) {
    lines.push(`- values: ${escapeMarkdown(`${withValue.map((t) => `${t.label} ${formatNumber(t.value!)}`).join(' + ')} = ${formatAmount(rollup.valueSum, rollup.unit)}`)}`);
  }
  const leftOut = rollup.terms.filter((t) => t.leftOut);
  if (leftOut.length) lines.push(`- left out of the sum: ${leftOut.map((t) => `${escapeMarkdown(t.label)} (${escapeMarkdown(t.leftOut!)})`).join(', ')}`);
  return `**Rollup sum** of ${rollup.terms.length} contribution${rollup.terms.length === 1 ? '' : 's'}\n${lines.join('\n')}`;
}

// ─── Strategy ──────────────────────────────────────────────────────────────────────────────────

function strategyHover(strategy: Strategy, graph: AlignmentGraph): string {
  const parts = [`${code(strategy.id.text)} *(strategy)*${titled(strategy.title.text)}`];
  const direct = graph.alignments.filter((a) => a.target?.kind === 'strategy' && a.target.node === strategy);
  const aligned = alignedByLevel(direct, graph, graph.config);
  if (aligned.length) parts.push(`**Aligned to it**\n${aligned.map((line) => `- ${line}`).join('\n')}`);
  else parts.push('No objective aligns to it yet');
  let inTree = 0;
  for (const end of strategiesAtStoryEnds(graph).values()) if (end && graph.index.resolve(end.id.text)?.node === strategy) inTree++;
  if (inTree) parts.push(`${inTree} objective${inTree === 1 ? '' : 's'} in its tree (following primary alignments)`);
  return parts.join('\n\n');
}

// ─── Text ──────────────────────────────────────────────────────────────────────────────────────

export { escapeMarkdown };

/** Markdown from a diagnostic message: its `code spans` are kept, everything else is escaped. */
function escapeKeepingCode(text: string): string {
  const pieces = text.split(/(`[^`\n]+`)/);
  return pieces.map((piece, i) => (i % 2 === 1 ? piece : escapeMarkdown(piece))).join('');
}

/** ` **Title**` after an id, or nothing for a title not typed yet. */
function titled(title: string): string {
  return title.trim() ? ` **${escapeMarkdown(title.trim())}**` : '';
}

/** Inline code, or escaped text when it holds a backtick. */
function code(text: string): string {
  return text.includes('`') ? escapeMarkdown(text) : `\`${text}\``;
}

/** `54%` (rounded to a whole percent). */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** `▓▓▓▓▓░░░░░`: ten cells. */
export function bar(fraction: number, width = 10): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return '▓'.repeat(filled) + '░'.repeat(width - filled);
}
