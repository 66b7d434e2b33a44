// A plan → .okr files: one per team (or per level), readable unique ids, alignments as `aligns to`,
// metrics, check-ins, grades and statuses, and every value with no place in the language as a
// comment on its item.
import { ImportError, type Note, type Plan, type PlanClosing, type PlanKeyResult, type PlanObjective } from './plan';
import { commentLines, idFromTitle, isId, oneLine, slug } from './values';

export type GroupBy = 'team' | 'level';

export interface WrittenFile {
  /** File name, no folder: `sales.okr`, `okr.config.json`. */
  readonly name: string;
  readonly text: string;
  readonly objectives: number;
  readonly keyResults: number;
}

/** A value kept only as a comment: what the import could not map. */
export interface KeptNote {
  readonly file: string;
  /** The item's id in the written file (`grow-revenue`, `grow-revenue.arr`). */
  readonly item: string;
  readonly row?: number;
  readonly label: string;
  readonly text: string;
}

export interface WriteResult {
  readonly files: WrittenFile[];
  readonly kept: KeptNote[];
}

const DEFAULT_LEVELS = ['company', 'department', 'team', 'individual'];

export function writePlan(plan: Plan, by: GroupBy, sourceName: string): WriteResult {
  const objectives = new Map<string, PlanObjective>();
  const keyResults = new Map<string, { objective: PlanObjective; kr: PlanKeyResult }>();
  for (const o of plan.objectives) {
    objectives.set(o.key, o);
    for (const kr of o.keyResults) keyResults.set(kr.key, { objective: o, kr });
  }
  const where = (o: { row?: number; title: string }) => (o.row !== undefined ? `row ${o.row} ("${o.title}")` : `"${o.title}"`);
  for (const o of plan.objectives) {
    for (const parent of o.parents) {
      if (!objectives.has(parent) && !keyResults.has(parent)) throw new ImportError(`${where(o)}: aligned to ${parent}, which is not in the file`);
    }
    for (const kr of o.keyResults) {
      if (kr.contributesTo && !keyResults.has(kr.contributesTo)) throw new ImportError(`${where(kr)}: contributes to ${kr.contributesTo}, which is not in the file`);
    }
  }
  checkCycles(plan.objectives, objectives, keyResults);

  // Ids: kept when the source had valid ones, else made from the titles; unique.
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const unique = (wanted: string | undefined, title: string, taken: Set<string>) => {
    if (wanted && isId(wanted) && !taken.has(wanted)) return wanted;
    for (const words of [3, 4, 5]) {
      const id = idFromTitle(title, words);
      if (!taken.has(id)) return id;
    }
    const base = idFromTitle(title, 3);
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  };
  for (const o of plan.objectives) {
    const id = unique(o.id, o.title, used);
    used.add(id);
    ids.set(o.key, id);
  }
  for (const o of plan.objectives) {
    const taken = new Set<string>();
    for (const kr of o.keyResults) {
      if (kr.noId) continue;
      const id = unique(kr.id, kr.title, taken);
      taken.add(id);
      ids.set(kr.key, `${ids.get(o.key)}.${id}`);
    }
  }
  const ref = (key: string) => ids.get(key) ?? ids.get(keyResults.get(key)?.objective.key ?? '')!;

  // Files: by team (or the file the item came from), or by level.
  const groups = new Map<string, PlanObjective[]>();
  for (const o of plan.objectives) {
    const name = o.kind === 'strategy' ? (by === 'team' && o.team) || 'strategies' : by === 'level' ? o.level || 'other' : o.team || o.level || 'okrs';
    const file = `${slug(name, 60) || 'okrs'}.okr`;
    if (!groups.has(file)) groups.set(file, []);
    groups.get(file)!.push(o);
  }

  const kept: KeptNote[] = [];
  const files: WrittenFile[] = [];
  for (const [name, items] of groups) {
    const out: string[] = [`# Imported from ${oneLine(sourceName)} (${plan.source})`];
    const objectivesHere = items.filter((o) => o.kind === 'objective');
    const shared = (field: 'period' | 'level') => {
      const values = new Set(objectivesHere.map((o) => o[field]));
      const [only] = values;
      return values.size === 1 && only ? only : undefined;
    };
    const period = shared('period');
    const level = shared('level');
    if (period || level) out.push('');
    if (period) out.push(`period ${period}`);
    if (level) out.push(`level ${level}`);
    const notes = (list: readonly Note[], item: string, row: number | undefined) => {
      for (const note of list) {
        const lines = commentLines(`${note.label}: ${note.text}`);
        lines.forEach((line, i) => out.push(`# ${i ? '  ' : ''}${line}`));
        if (!note.provenance) kept.push({ file: name, item, row, label: note.label, text: note.text });
      }
    };
    // `grade 0.7: note`, `status carried over to 2026-Q1`, `learned: …`.
    const closing = (c: PlanClosing) => {
      if (c.grade !== undefined) {
        const note = c.gradeNote && oneLine(c.gradeNote);
        out.push(`grade ${c.grade}${note ? `: ${note}` : ''}`);
      }
      if (c.status) out.push(c.status === 'carried' ? `status carried over to ${oneLine(c.carriedTo ?? '')}` : `status ${c.status}`);
      for (const line of c.learned ?? []) if (oneLine(line)) out.push(`learned: ${oneLine(line)}`);
    };
    let krCount = 0;
    for (const o of items) {
      const id = ids.get(o.key)!;
      out.push('');
      if (o.kind === 'strategy') {
        out.push(`strategy ${id}: ${oneLine(o.title)}`);
        notes(o.notes, id, o.row);
        continue;
      }
      out.push(`objective ${id}: ${oneLine(o.title)}`);
      notes(o.notes, id, o.row);
      if (o.level && !level) out.push(`level ${o.level}`);
      if (o.owner) out.push(`owner ${o.owner}`);
      if (o.period && !period) out.push(`period ${o.period}`);
      if (o.parents.length) out.push(`aligns to ${[...new Set(o.parents.map(ref))].join(', ')}`);
      if (o.why) out.push(`why: ${oneLine(o.why)}`);
      if (o.commitment) out.push(o.commitment);
      closing(o);
      for (const kr of o.keyResults) {
        krCount++;
        const krRef = ids.get(kr.key);
        out.push(krRef ? `kr ${krRef.slice(id.length + 1)}: ${oneLine(kr.title)}` : `kr: ${oneLine(kr.title)}`);
        // Own-line comments take the indentation of the statement after them: the notes go before
        // the key result's first attribute, after its owner.
        if (kr.owner) out.push(`owner ${kr.owner}`);
        notes(kr.notes, krRef ?? id, kr.row);
        if (kr.metric) out.push(kr.metric);
        if (kr.current !== undefined) out.push(`current ${kr.current}`);
        for (const c of [...kr.checkins].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
          const note = c.note && oneLine(c.note);
          out.push(`checkin ${c.date} ${c.value}${c.confidence !== undefined ? ` confidence ${c.confidence}` : ''}${note ? `: ${note}` : ''}`);
        }
        if (kr.weight !== undefined) out.push(`weight ${kr.weight}`);
        if (kr.contributesTo) out.push(`contributes to ${ref(kr.contributesTo)}`);
        if (kr.rollup) out.push('rollup sum');
        if (kr.steps) for (let i = 1; i <= kr.steps.total; i++) out.push(`step${i <= kr.steps.done ? ' done' : ''}: Step ${i}`);
        closing(kr);
      }
    }
    files.push({ name, text: `${indent(out).join('\n')}\n`, objectives: objectivesHere.length, keyResults: krCount });
  }

  const levels = plan.levels ?? levelsOf(plan.objectives, objectives, keyResults);
  if (levels || plan.today) {
    const config = { ...(levels ? { levels } : {}), ...(plan.today ? { today: plan.today } : {}) };
    files.push({ name: 'okr.config.json', text: `${JSON.stringify(config, null, 2)}\n`, objectives: 0, keyResults: 0 });
  }
  return { files, kept };
}

const KEY_RESULT_ATTRIBUTE = /^(from|target|keep|current|checkin|contributes|rollup|weight|step)\b/;
/** Under a key result, its own; else its objective's (as `owner`). */
const KEY_RESULT_OR_OBJECTIVE = /^(owner |grade |status |learned:)/;

/**
 * Indents the lines as \`okr fmt\` does (core/format.ts; the import does not bundle the parser, to
 * keep the extension small): objective attributes and \`kr\` lines once, key-result attributes twice,
 * an own-line comment like the statement after it (a blank line ends that lookahead). The tests run
 * \`okr fmt --check\` over every file written.
 */
function indent(lines: readonly string[]): string[] {
  let depth = 0;
  const levelOf = (line: string, at: number): number => {
    if (!line) return 0;
    if (line.startsWith('objective ')) return (depth = 1), 0;
    if (line.startsWith('strategy ')) return (depth = 0);
    if (/^kr[ :]/.test(line)) return depth > 0 ? ((depth = 2), 1) : 0;
    if (KEY_RESULT_ATTRIBUTE.test(line)) return depth;
    if (line.startsWith('#')) {
      for (let next = at + 1; ; next++) {
        const after = lines[next];
        if (!after) return depth === 0 ? 0 : 1;
        if (after.startsWith('#')) continue;
        if (after.startsWith('objective ') || after.startsWith('strategy ')) return 0;
        if (/^kr[ :]/.test(after)) return depth > 0 ? 1 : 0;
        if (KEY_RESULT_ATTRIBUTE.test(after)) return depth;
        return depth > 0 ? 1 : 0;
      }
    }
    return KEY_RESULT_OR_OBJECTIVE.test(line) && depth === 2 ? 2 : depth > 0 ? 1 : 0;
  };
  return lines.map((line, at) => '  '.repeat(levelOf(line, at)) + line);
}

type KrIndex = Map<string, { objective: PlanObjective; kr: PlanKeyResult }>;

/** The objective a parent key stands for (a key result stands for its objective). */
function parentObjectiveOf(key: string, objectives: Map<string, PlanObjective>, keyResults: KrIndex): PlanObjective | undefined {
  return objectives.get(key) ?? keyResults.get(key)?.objective;
}

function checkCycles(list: readonly PlanObjective[], objectives: Map<string, PlanObjective>, keyResults: KrIndex): void {
  const state = new Map<PlanObjective, 'open' | 'done'>();
  const path: PlanObjective[] = [];
  const visit = (o: PlanObjective) => {
    if (state.get(o) === 'done') return;
    if (state.get(o) === 'open') {
      const cycle = [...path.slice(path.indexOf(o)), o];
      const name = (x: PlanObjective) => (x.row !== undefined ? `row ${x.row} ("${x.title}")` : `"${x.title}"`);
      throw new ImportError(`the parents make a cycle: ${cycle.map(name).join(' → ')}; an objective cannot align to itself, even through others`);
    }
    state.set(o, 'open');
    path.push(o);
    for (const parent of o.parents) {
      const p = parentObjectiveOf(parent, objectives, keyResults);
      if (p) visit(p);
    }
    path.pop();
    state.set(o, 'done');
  };
  for (const o of list) visit(o);
}

/**
 * The levels the files use, top to bottom, when some are not the language's defaults (`Division`,
 * `Squad`): ordered by how high in the alignment tree each level sits.
 */
function levelsOf(list: readonly PlanObjective[], objectives: Map<string, PlanObjective>, keyResults: KrIndex): string[] | undefined {
  const used = [...new Set(list.filter((o) => o.kind === 'objective' && o.level).map((o) => o.level!))];
  if (used.every((l) => DEFAULT_LEVELS.includes(l))) return undefined;
  const depth = new Map<PlanObjective, number>();
  const depthOf = (o: PlanObjective): number => {
    if (depth.has(o)) return depth.get(o)!;
    depth.set(o, 0);
    const parent = o.parents[0] && parentObjectiveOf(o.parents[0], objectives, keyResults);
    const d = parent && parent.kind === 'objective' ? depthOf(parent) + 1 : 0;
    depth.set(o, d);
    return d;
  };
  // A level's place: the default levels' own, else the mean depth of its objectives.
  const sums = new Map<string, [number, number]>();
  for (const o of list) {
    if (o.kind !== 'objective' || !o.level) continue;
    const known = DEFAULT_LEVELS.indexOf(o.level);
    const [total, count] = sums.get(o.level) ?? [0, 0];
    sums.set(o.level, [total + (known >= 0 ? known : depthOf(o)), count + 1]);
  }
  const rank = (level: string) => sums.get(level)![0] / sums.get(level)![1];
  return used.sort((a, b) => rank(a) - rank(b) || used.indexOf(a) - used.indexOf(b));
}
