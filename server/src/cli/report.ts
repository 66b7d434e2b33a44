// `okr report PERIOD`: the review of one period, in Markdown (a wiki, a pull request) or as one
// HTML page. What is in it comes from core/report.ts: per objective its grade (coloured as
// Google's playbook colours grades: 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green), its progress
// and pace curve from its check-ins, its status and reflections; what was carried over; the mean
// grades by owner and by level.
// The HTML is as safe as the export's: every piece of user text is escaped (escapeHtml), the page
// runs no script at all, and its CSP allows only its own style, pinned by hash.
import { createHash } from 'node:crypto';
import { buildReport, type ReportAverage, type ReportClosing, type ReportModel, type ReportObjective, type ReportPoint } from '../core/report';
import { escapeMarkdown } from '../core/util/markdown';
import { plural } from '../core/util/plural';
import { CliError } from './errors';
import type { LoadedWorkspace } from './workspace';

export const REPORT_FORMATS = ['markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function reportOf(workspace: LoadedWorkspace, period: string): ReportModel {
  const result = buildReport(workspace.analyzer.analyse(), period);
  if (!result.ok) throw new CliError(result.message);
  return result.report;
}

export function renderReport(report: ReportModel, format: ReportFormat, name?: string): string {
  return format === 'html' ? html(report, name) : markdown(report, name);
}

type Band = 'red' | 'yellow' | 'green';
const bandOf = (grade: number): Band => {
  const tenths = Math.round(grade * 10);
  return tenths >= 7 ? 'green' : tenths >= 4 ? 'yellow' : 'red';
};
const MARK: Readonly<Record<Band, string>> = { red: '🔴', yellow: '🟡', green: '🟢' };
const grade = (value: number) => (Math.round(value * 100) % 10 === 0 ? value.toFixed(1) : value.toFixed(2));
const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;
const STATUS: Readonly<Record<string, string>> = { done: 'done', missed: 'missed', dropped: 'dropped', carried: 'carried over' };
const statusText = (c: ReportClosing) => (c.status ? `${STATUS[c.status]}${c.status === 'carried' && c.carriedTo ? ` to ${c.carriedTo}` : ''}` : undefined);

function summary(report: ReportModel): string[] {
  const when = report.ended ? 'ended' : report.today < report.start ? 'not started' : 'under way';
  return [
    `${report.start} – ${report.end} (${when})`,
    `as of ${report.today}${report.todayPinned ? ' (okr.config.json)' : ''}`,
    plural(report.objectives.length, 'objective'),
    `${plural(report.keyResultCount, 'key result')}, ${report.ungraded} ungraded`,
    ...(report.grade !== undefined ? [`mean grade ${grade(report.grade)}`] : []),
  ];
}

/** ▁▃▅▇ from 0..1 values. */
function sparkline(points: readonly ReportPoint[]): string {
  const blocks = '▁▂▃▄▅▆▇█';
  return points.map((p) => blocks[Math.min(7, Math.max(0, Math.round(p.progress * 7)))]).join('');
}

// ─── Markdown ─────────────────────────────────────────────────────────────────────────────────

function markdown(report: ReportModel, name?: string): string {
  const md = escapeMarkdown;
  const out: string[] = [`# ${name ? `${md(name)} · ` : ''}${md(report.period)} review`, '', `_${summary(report).map(md).join(' · ')}_`, ''];
  const gradeCell = (value: number | undefined, note?: string, mean?: boolean) =>
    value === undefined ? '–' : `${MARK[bandOf(value)]} ${grade(value)}${mean ? ' (mean)' : ''}${note ? ` — ${md(note)}` : ''}`;
  const averages = (title: string, what: string, list: readonly ReportAverage[]) => {
    if (!list.length) return;
    out.push(`## ${title}`, '', `| ${what} | grade | graded |`, '|---|---|---|');
    for (const a of list) out.push(`| ${md(a.name)} | ${gradeCell(a.grade)} | ${a.graded} of ${plural(a.objectives, 'objective')} |`);
    out.push('');
  };
  averages('Grades by team', 'owner', report.byOwner);
  averages('Grades by level', 'level', report.byLevel);

  out.push('## Objectives', '');
  for (const o of report.objectives) {
    out.push(`### \`${md(o.id)}\` ${md(o.title)}`, '');
    const facts = [o.commitment, o.level, o.owner, statusText(o)].filter((f): f is string => Boolean(f)).map(md);
    out.push(`${gradeCell(o.grade, o.gradeNote, o.gradeFromKeyResults)}${facts.length ? ` · ${facts.join(' · ')}` : ''} · ${md(o.file)}:${o.line}`, '');
    if (o.progress !== undefined) out.push(`Progress ${pct(o.progress)}${o.expected !== undefined ? ` (expected ${pct(o.expected)})` : ''}${o.curve.length > 1 ? ` · pace ${sparkline(o.curve)}: ${o.curve.map((p) => `${p.day} ${pct(p.progress)} (expected ${pct(p.expected)})`).join(' → ')}` : ''}`, '');
    if (o.keyResults.length) {
      out.push('| key result | progress | grade | status |', '|---|---|---|---|');
      for (const kr of o.keyResults) {
        const progress = kr.progress === undefined ? '–' : `${pct(kr.progress)}${kr.steps ? ` (${kr.steps.done} of ${kr.steps.total} steps)` : ''}`;
        out.push(`| \`${md(kr.name)}\` ${md(kr.title)} | ${progress} | ${gradeCell(kr.grade, kr.gradeNote)} | ${md(statusText(kr) ?? '–')} |`);
      }
      out.push('');
    }
    const learned = [...o.learned, ...o.keyResults.flatMap((kr) => kr.learned)];
    if (learned.length) out.push('**Learned**', '', ...learned.map((l) => `- ${md(l)}`), '');
  }
  if (report.carriedOver.length) {
    out.push('## Carried over', '');
    for (const c of report.carriedOver) out.push(`- \`${md(c.name)}\` ${md(c.title)} → ${md(c.to)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

// ─── HTML ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Text as HTML text or attribute value: nothing in it is markup. Control characters, which an HTML
 * parser drops or replaces, are shown as their control pictures (NUL as ␀, DEL as ␡).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => String.fromCharCode(c === '\u007F' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}

const STYLES = `
:root { color-scheme: light; --red: #c72e2e; --yellow: #a27c00; --green: #2e8540; --muted: #616161; --border: #d4d4d4; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f1f1f; background: #fff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; } code { font-family: ui-monospace, "Cascadia Code", Menlo, monospace; font-size: .92em; }
.summary, .facts, .curve-days { color: var(--muted); } table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--border); vertical-align: top; } th { font-weight: 600; }
.grade { display: inline-block; min-width: 2.6em; padding: 0 .4em; border: 1px solid currentColor; border-radius: .8em; font-weight: 600; text-align: center; font-variant-numeric: tabular-nums; }
.grade-red { color: var(--red); } .grade-yellow { color: var(--yellow); } .grade-green { color: var(--green); }
.note { color: var(--muted); } .learned li { margin: .1rem 0; }
svg.curve { display: block; margin: .25rem 0; } .curve .axis { stroke: var(--border); } .curve .progress { stroke: #0e639c; fill: none; stroke-width: 2; }
.curve .expected { stroke: var(--muted); fill: none; stroke-dasharray: 4 3; } .curve .dot { fill: #0e639c; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section { break-inside: avoid; } }
`;

function html(report: ReportModel, name?: string): string {
  const h = escapeHtml;
  const title = `${name ? `${name} · ` : ''}${report.period} review`;
  const gradeHtml = (value: number | undefined, note?: string, mean?: boolean) => {
    if (value === undefined) return '<span class="note">not graded</span>';
    const band = bandOf(value);
    return `<span class="grade grade-${band}" title="${h(`${band}: ${grade(value)}`)}">${h(grade(value))}</span>${mean ? ' <span class="note">(mean of its key results)</span>' : ''}${note ? ` <span class="note">${h(note)}</span>` : ''}`;
  };
  const body: string[] = [`<h1>${h(title)}</h1>`, `<p class="summary">${h(summary(report).join(' · '))}</p>`];
  const averages = (heading: string, what: string, list: readonly ReportAverage[]) => {
    if (!list.length) return;
    body.push(`<h2>${h(heading)}</h2>`, `<table><thead><tr><th>${h(what)}</th><th>grade</th><th>graded</th></tr></thead><tbody>`);
    for (const a of list) body.push(`<tr><td>${h(a.name)}</td><td>${gradeHtml(a.grade)}</td><td>${h(`${a.graded} of ${plural(a.objectives, 'objective')}`)}</td></tr>`);
    body.push('</tbody></table>');
  };
  averages('Grades by team', 'owner', report.byOwner);
  averages('Grades by level', 'level', report.byLevel);
  body.push('<h2>Objectives</h2>');
  for (const o of report.objectives) body.push(objectiveHtml(o, gradeHtml));
  if (report.carriedOver.length) {
    body.push('<h2>Carried over</h2>', '<ul>');
    for (const c of report.carriedOver) body.push(`<li><code>${h(c.name)}</code> ${h(c.title)} → ${h(c.to)}</li>`);
    body.push('</ul>');
  }
  const hash = `'sha256-${createHash('sha256').update(STYLES).digest('base64')}'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${hash}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLES}</style>
</head>
<body class="okr-report">
${body.join('\n')}
</body>
</html>
`;
}

function objectiveHtml(o: ReportObjective, gradeHtml: (value: number | undefined, note?: string, mean?: boolean) => string): string {
  const h = escapeHtml;
  const parts: string[] = [`<section class="objective" id="${h(`objective-${o.id}`)}">`, `<h3><code>${h(o.id)}</code> ${h(o.title)}</h3>`];
  const facts = [o.commitment, o.level, o.owner, statusText(o), `${o.file}:${o.line}`].filter((f): f is string => Boolean(f));
  parts.push(`<p>${gradeHtml(o.grade, o.gradeNote, o.gradeFromKeyResults)} <span class="facts">${h(facts.join(' · '))}</span></p>`);
  if (o.progress !== undefined) parts.push(`<p>Progress ${h(pct(o.progress))}${o.expected !== undefined ? ` <span class="note">(expected ${h(pct(o.expected))})</span>` : ''}</p>`);
  if (o.curve.length > 1) parts.push(curveSvg(o.curve), `<p class="curve-days">${h(o.curve.map((p) => `${p.day} ${pct(p.progress)} (expected ${pct(p.expected)})`).join(' → '))}</p>`);
  if (o.keyResults.length) {
    parts.push('<table><thead><tr><th>key result</th><th>progress</th><th>grade</th><th>status</th></tr></thead><tbody>');
    for (const kr of o.keyResults) {
      const progress = kr.progress === undefined ? '–' : `${pct(kr.progress)}${kr.steps ? ` (${kr.steps.done} of ${kr.steps.total} steps)` : ''}`;
      parts.push(`<tr><td><code>${h(kr.name)}</code> ${h(kr.title)}</td><td>${h(progress)}</td><td>${gradeHtml(kr.grade, kr.gradeNote)}</td><td>${h(statusText(kr) ?? '–')}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  const learned = [...o.learned, ...o.keyResults.flatMap((kr) => kr.learned)];
  if (learned.length) parts.push('<p><strong>Learned</strong></p>', `<ul class="learned">${learned.map((l) => `<li>${h(l)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  return parts.join('\n');
}

/** The progress curve (solid) against the expected pace (dashed), 0..100% over the reported days. */
function curveSvg(points: readonly ReportPoint[]): string {
  const width = 320;
  const height = 80;
  const pad = 4;
  const x = (i: number) => (pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1)).toFixed(1);
  const y = (v: number) => (height - pad - Math.min(1, Math.max(0, v)) * (height - 2 * pad)).toFixed(1);
  const line = (key: 'progress' | 'expected') => points.map((p, i) => `${x(i)},${y(p[key])}`).join(' ');
  const dots = points.map((p, i) => `<circle class="dot" cx="${x(i)}" cy="${y(p.progress)}" r="2.5"></circle>`).join('');
  return `<svg class="curve" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="progress against the expected pace"><line class="axis" x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}"></line><polyline class="expected" points="${line('expected')}"></polyline><polyline class="progress" points="${line('progress')}"></polyline>${dots}</svg>`;
}
