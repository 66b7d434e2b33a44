// Scores the analysis against a labelled corpus of real OKRs (`../shared/real-okrs/` beside the
// project: published OKRs transcribed into `.okr`, every objective and key result labelled by an
// OKR coach). Each organisation's folder is analysed as one workspace, as `okr check <folder>`
// would; then each item's verdict is read off the problems on it:
//   key result: `kr-is-task` → task, `kr-not-measurable` → not-measurable, neither → measurable;
//   objective:  `catch-all` → catch-all, else specific.
// A "false alarm" is any warning or error on an item the coach calls good (a measurable key
// result, a specific objective): the problems a team would be nagged by for no reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../server/src/core';
import { analyse, readFolder } from '../unit/helpers';

export type KrLabel = 'measurable' | 'task' | 'not-measurable';
export type ObjectiveLabel = 'specific' | 'catch-all';
export type Label = KrLabel | ObjectiveLabel;

interface LabelFile {
  readonly [file: string]: { readonly kr: Record<string, KrLabel>; readonly objective: Record<string, ObjectiveLabel> };
}

export interface ItemVerdict {
  readonly file: string;
  readonly kind: 'kr' | 'objective';
  readonly title: string;
  readonly label: Label;
  readonly verdict: Label;
  /** Warnings and errors on the item's line(s), as `rule: message`. */
  readonly alarms: readonly string[];
}

export interface CorpusScore {
  readonly items: readonly ItemVerdict[];
  /** Per label: how many items carry it and how many the analysis agrees on. */
  readonly perLabel: ReadonlyMap<Label, { total: number; agreed: number }>;
  readonly agreed: number;
  readonly falseAlarms: readonly ItemVerdict[];
  /** Labelled items the corpus files do not contain (a transcription or parser change). */
  readonly missing: readonly string[];
}

/** The corpus folder beside the project, when it is there. */
export function corpusFolder(): string | undefined {
  const folder = join(process.cwd(), '..', 'shared', 'real-okrs');
  return existsSync(join(folder, 'labels.json')) ? folder : undefined;
}

export function scoreCorpus(folder: string): CorpusScore {
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as LabelFile;
  const organisations = [...new Set(Object.keys(labels).map((file) => file.split('/')[0]!))].sort();
  const items: ItemVerdict[] = [];
  const missing: string[] = [];
  for (const organisation of organisations) {
    const files = readFolder(join(folder, organisation), `${organisation}/`);
    const workspace = analyse(files);
    for (const [name, fileLabels] of Object.entries(labels)) {
      if (!name.startsWith(`${organisation}/`)) continue;
      const document = workspace.index.get(`file:///ws/${name}`);
      if (!document) {
        missing.push(name);
        continue;
      }
      const problems = workspace.problems.filter((p) => p.uri === document.uri);
      // The problems inside a region of the file: an objective's own lines (up to its first key
      // result: its attributes, its `aligns to`), or a key result's block.
      const within = (start: number, end: number) => problems.filter((p) => p.span.start >= start && p.span.start < end);
      const alarmsOf = (found: readonly Problem[]) => found.filter((p) => p.severity === 'warning' || p.severity === 'error').map((p) => `${p.rule}: ${p.message}`);
      const seenKr = new Set<string>();
      const seenObjective = new Set<string>();
      for (const objective of document.file.objectives) {
        const title = objective.title.text;
        const label = fileLabels.objective[title];
        if (label) {
          seenObjective.add(title);
          const found = within(objective.span.start, objective.keyResults[0]?.span.start ?? objective.blockSpan.end);
          items.push({ file: name, kind: 'objective', title, label, verdict: found.some((p) => p.rule === 'catch-all') ? 'catch-all' : 'specific', alarms: alarmsOf(found) });
        }
        for (const kr of objective.keyResults) {
          const krTitle = kr.title.text;
          const krLabel = fileLabels.kr[krTitle];
          if (!krLabel) continue;
          seenKr.add(krTitle);
          const found = within(kr.blockSpan.start, kr.blockSpan.end);
          const verdict: KrLabel = found.some((p) => p.rule === 'kr-is-task') ? 'task' : found.some((p) => p.rule === 'kr-not-measurable') ? 'not-measurable' : 'measurable';
          items.push({ file: name, kind: 'kr', title: krTitle, label: krLabel, verdict, alarms: alarmsOf(found) });
        }
      }
      for (const title of Object.keys(fileLabels.objective)) if (!seenObjective.has(title)) missing.push(`${name}: objective "${title}"`);
      for (const title of Object.keys(fileLabels.kr)) if (!seenKr.has(title)) missing.push(`${name}: kr "${title}"`);
    }
  }
  const perLabel = new Map<Label, { total: number; agreed: number }>();
  for (const item of items) {
    const entry = perLabel.get(item.label) ?? { total: 0, agreed: 0 };
    entry.total++;
    if (item.verdict === item.label) entry.agreed++;
    perLabel.set(item.label, entry);
  }
  const good = (item: ItemVerdict) => item.label === 'measurable' || item.label === 'specific';
  return {
    items,
    perLabel,
    agreed: items.filter((i) => i.verdict === i.label).length,
    falseAlarms: items.filter((i) => good(i) && i.alarms.length > 0),
    missing,
  };
}

/** The rules whose verdicts the labels speak of. */
export const WORDING_RULES: ReadonlySet<string> = new Set(['catch-all', 'aligned-to-catch-all', 'kr-is-task', 'kr-not-measurable', 'split-not-enable']);

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '—');

/** The agreement table, as Markdown. */
export function scoreTable(score: CorpusScore): string {
  const rows = ['| label | items | agreed | agreement |', '| --- | ---: | ---: | ---: |'];
  for (const label of ['measurable', 'task', 'not-measurable', 'specific', 'catch-all'] as const) {
    const entry = score.perLabel.get(label) ?? { total: 0, agreed: 0 };
    rows.push(`| ${label} | ${entry.total} | ${entry.agreed} | ${percent(entry.agreed, entry.total)} |`);
  }
  rows.push(`| **all** | ${score.items.length} | ${score.agreed} | ${percent(score.agreed, score.items.length)} |`);
  const wording = score.falseAlarms.filter((item) => item.alarms.some((a) => WORDING_RULES.has(a.slice(0, a.indexOf(':'))))).length;
  rows.push('', `Warnings or errors on items labelled good: ${wording} from the wording rules; ${score.falseAlarms.length - wording} from other rules only (links, not wording).`);
  return rows.join('\n');
}

/** Every disagreement, for working on the rules: `label → verdict  file  title`. */
export function disagreements(score: CorpusScore): string {
  return score.items
    .filter((i) => i.verdict !== i.label)
    .map((i) => `${i.label.padEnd(14)} → ${i.verdict.padEnd(14)} ${i.file}  ${JSON.stringify(i.title)}`)
    .join('\n');
}
