// `okr export --format json` → a plan: the tree model back into files, so that export → import →
// export gives the same model. Objectives go back to the file they came from (`--by team`).
import type { TreeClosing, TreeKeyResult, TreeModel, TreeObjective, TreeRoot } from '../core/tree';
import { ImportError, type Plan, type PlanClosing, type PlanKeyResult, type PlanObjective } from './plan';

export function isTreeModel(value: unknown): value is TreeModel {
  return typeof value === 'object' && value !== null && Array.isArray((value as TreeModel).roots) && Array.isArray((value as TreeModel).links);
}

const DEFAULT_LEVELS = ['company', 'department', 'team', 'individual'];

/** `file:///x/sales.okr` → `sales`. */
function fileOf(uri: string | undefined): string | undefined {
  const base = uri?.split(/[/\\]/).pop();
  return base ? decodeURIComponent(base).replace(/\.okr$/i, '') : undefined;
}

const STATUSES = ['done', 'missed', 'dropped', 'carried'] as const;
/** The most steps a milestone key result gets back (the JSON file is anyone's). */
const MAX_STEPS = 1000;

/** A node's own grade, status and reflections, each only when it is of the right type. */
function closingOf(node: TreeClosing, ownGrade: boolean): PlanClosing {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const grade = ownGrade && typeof node.grade === 'number' && node.grade >= 0 && node.grade <= 1 ? node.grade : undefined;
  const status = STATUSES.find((s) => s === node.status);
  const carriedTo = status === 'carried' ? text(node.carriedTo) : undefined;
  const learned = Array.isArray(node.learned) ? node.learned.filter((l): l is string => !!text(l)) : [];
  return {
    ...(grade !== undefined ? { grade, gradeNote: text(node.gradeNote) } : {}),
    // `carried` needs the period it goes to.
    ...(status && (status !== 'carried' || carriedTo) ? { status, carriedTo } : {}),
    ...(learned.length ? { learned } : {}),
  };
}

function stepsOf(kr: TreeKeyResult): PlanKeyResult['steps'] {
  const steps = kr.steps;
  if (typeof steps !== 'object' || steps === null) return undefined;
  const { done, total } = steps;
  if (!Number.isInteger(done) || !Number.isInteger(total) || done < 0 || done > total || total < 1 || total > MAX_STEPS) return undefined;
  return { done, total };
}

export function planFromModel(model: TreeModel): Plan {
  const items: { objective: PlanObjective; line: number; file: string }[] = [];
  const extra = new Map<string, string[]>();
  for (const link of model.links ?? []) {
    // A second alignment is an `extra` link, or an `enabling` one when it is at the same level
    // (an `enabling` link to the objective's place in the tree is that place: skipped below).
    if (link.kind === 'contributes') continue;
    if (!extra.has(link.from)) extra.set(link.from, []);
    extra.get(link.from)!.push(link.to);
  }
  const keyResult = (kr: TreeKeyResult): PlanKeyResult => ({
    key: kr.key,
    id: kr.id,
    noId: kr.id === undefined,
    title: kr.title,
    owner: kr.owner,
    metric: kr.metricInferred ? undefined : kr.metric,
    // A rollup's value is the sum of what contributes to it: nothing to write.
    current: kr.value !== undefined && !kr.rollup ? kr.value : undefined,
    checkins: [],
    weight: kr.weight,
    contributesTo: kr.contributesTo,
    rollup: kr.rollup !== undefined ? true : undefined,
    steps: stepsOf(kr),
    ...closingOf(kr, true),
    notes: [],
  });
  const objective = (node: TreeObjective, parent: string | undefined) => {
    if (typeof node?.id !== 'string' || typeof node.title !== 'string') throw new ImportError(`an objective of the JSON file has no id or title (${JSON.stringify(node?.key ?? node)})`);
    const place = parent ? (node.viaKeyResult ?? parent) : undefined;
    const parents = [...(place ? [place] : []), ...(extra.get(node.key) ?? []).filter((to) => to !== place)];
    const file = fileOf(node.location?.uri) ?? node.level ?? 'okrs';
    items.push({
      file,
      line: node.location?.startLine ?? 0,
      objective: {
        kind: 'objective',
        key: node.key,
        id: node.id,
        title: node.title,
        team: file,
        level: node.level,
        owner: node.owner,
        period: node.period,
        commitment: node.commitment,
        why: node.why,
        parents,
        keyResults: (node.keyResults ?? []).map(keyResult),
        // An objective's grade that is the mean of its key results' is not its own: not written.
        ...closingOf(node, node.gradeFromKeyResults !== true),
        notes: [],
      },
    });
    for (const child of node.children ?? []) objective(child, node.key);
  };
  const root = (r: TreeRoot) => {
    if (r.kind === 'strategy') {
      const file = fileOf(r.location?.uri) ?? 'strategies';
      items.push({ file, line: r.location?.startLine ?? 0, objective: { kind: 'strategy', key: r.key, id: r.id, title: r.title, team: file, parents: [], keyResults: [], notes: [] } });
      for (const child of r.children ?? []) objective(child, r.key);
    } else for (const child of r.children ?? []) objective(child, undefined);
  };
  for (const r of model.roots) root(r);
  // Each file as it was: its items in the order of their lines.
  const fileOrder = new Map<string, number>();
  for (const item of items) if (!fileOrder.has(item.file)) fileOrder.set(item.file, fileOrder.size);
  items.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line);
  const levels = model.levels?.length && !model.levels.every((l, i, all) => DEFAULT_LEVELS.includes(l) && (i === 0 || DEFAULT_LEVELS.indexOf(all[i - 1]!) < DEFAULT_LEVELS.indexOf(l))) ? [...model.levels] : undefined;
  return { source: 'okr export --format json', objectives: items.map((i) => i.objective), levels, today: model.todayPinned ? model.today : undefined };
}
