// A table (CSV or the first sheet of a workbook) → a plan. The columns are recognised by name: Viva
// Goals' export (`Object Type`, `Aligned To (weight, Objective ID)`, `Checkins`, …) and the names
// other tools' templates use (`Key Result`, `Owner Email`, `Baseline`, `Parent ID`, …); `--map
// COLUMN=FIELD` names the rest. Rows are either typed (a type column: objective, key result,
// deliverable) or flat (an objective column and a key result column on each row).
import { ImportError, type Note, type Plan, type PlanCheckin, type PlanKeyResult, type PlanObjective } from './plan';
import type { Table } from './table';
import { formatNumber, owner as ownerOf, owners, parseDate, parseNumber, parsePeriodLabel, parseUnit, periodBounds, periodOfDates, quantity, slug, type Unit } from './values';

export const FIELDS = [
  'id', 'type', 'title', 'objective', 'key-result', 'description', 'owner', 'owner-email', 'objective-owner', 'parent', 'parent-id',
  'aligned-to', 'start', 'target', 'current', 'unit', 'metric', 'start-date', 'due-date', 'progress', 'confidence', 'team', 'level',
  'period', 'status', 'score', 'weight', 'commitment', 'checkins', 'checkin-date', 'note', 'ignore',
] as const;
export type Field = (typeof FIELDS)[number];

/** Column names (lowercase, letters and digits only) → field. */
const ALIASES: Record<string, Field> = {};
const alias = (field: Field, ...names: string[]) => names.forEach((n) => (ALIASES[norm(n)] = field));
export function norm(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
alias('id', 'id', 'okr id', 'item id', 'goal id', 'object id', 'objective id', 'uid');
alias('type', 'type', 'object type', 'item type', 'kind', 'row type', 'record type', 'issue type');
alias('title', 'title', 'name', 'goal', 'goal title', 'item', 'item title', 'summary', 'okr', 'okr title');
alias('objective', 'objective', 'objectives', 'objective title', 'objective name');
alias('key-result', 'key result', 'key results', 'kr', 'krs', 'kr title', 'key result title', 'key result name');
alias('description', 'description', 'details', 'objective description', 'key result description');
alias('owner', 'owner', 'owners', 'owner name', 'assignee', 'assigned to', 'responsible', 'lead', 'accountable', 'kr owner', 'key result owner', 'dri');
alias('owner-email', 'owner email', 'owner e-mail', 'email', 'e-mail', 'assignee email', 'owner email address');
alias('objective-owner', 'objective owner', 'objective owner name');
alias('parent', 'parent', 'parent title', 'parent objective', 'parent goal', 'aligned to', 'aligns to', 'supports', 'parent name');
alias('parent-id', 'parent id', 'parent key', 'parent objective id', 'parent goal id', 'aligned to id');
alias('aligned-to', 'aligned to (weight, objective id)', 'aligned to weight objective id');
alias('start', 'start', 'start value', 'baseline', 'baseline value', 'initial value', 'starting value', 'from');
alias('target', 'target', 'target value', 'goal value', 'to', 'desired value', 'end value');
alias('current', 'current', 'current value', 'actual', 'actual value', 'latest value', 'value');
alias('unit', 'unit', 'units', 'unit of measure', 'metric unit', 'uom');
alias('metric', 'metric name', 'metric', 'metric type', 'measure', 'measurement');
alias('start-date', 'start date', 'start on', 'begins');
alias('due-date', 'end date', 'due date', 'due', 'deadline', 'target date', 'ends');
alias('progress', 'progress', 'progress %', 'progress (%)', 'progress percent', '% complete', 'percent complete', 'completion');
alias('confidence', 'confidence', 'confidence level', 'confidence score');
alias('team', 'team', 'teams', 'team name', 'department', 'group', 'owner team');
alias('level', 'level', 'tier', 'okr level');
alias('period', 'period', 'time period', 'quarter', 'cycle', 'timeframe', 'okr period', 'okr cycle');
alias('status', 'status', 'state', 'health');
alias('score', 'score', 'grade', 'final score');
alias('weight', 'weight', 'kr weight', 'weightage');
alias('commitment', 'goal type', 'commitment', 'okr type', 'type of goal', 'committed or aspirational');
alias('checkins', 'checkins', 'check-ins', 'check ins');
alias('checkin-date', 'checkin date', 'check-in date', 'date', 'as of', 'last updated', 'updated', 'update date');
alias('note', 'note', 'notes', 'comment', 'comments', 'checkin note', 'check-in note', 'update');

/** What a field's name in `--map` may be: its own name or any column name it recognises. */
export function fieldOf(name: string): Field | undefined {
  const n = norm(name);
  return FIELDS.find((f) => norm(f) === n) ?? ALIASES[n];
}

const KR_FIELDS: readonly Field[] = ['start', 'target', 'current', 'unit', 'metric', 'checkins', 'checkin-date', 'confidence', 'weight'];

interface Row {
  readonly number: number;
  readonly get: (field: Field) => string;
  /** Cells of columns no field takes: `[header, value]`. */
  readonly unknown: [string, string][];
  readonly headerOf: (field: Field) => string;
}

type Ref = { id?: string; title?: string; weight?: number; text: string };

/** A key result waiting for its objective (typed rows: its parent may come later in the file). */
interface PendingKeyResult {
  readonly kr: PlanKeyResult;
  readonly row: Row;
  readonly refs: Ref[];
  /** The objective above it in the file, if it names none. */
  readonly fallback?: PlanObjective;
}

interface PendingDeliverable {
  readonly row: Row;
  readonly refs: Ref[];
  readonly fallback?: PlanObjective;
  readonly note: Note;
}

export function planFromTable(table: Table, maps: readonly string[], fileLabel: string): Plan {
  const fields = columnsOf(table.header, maps);
  const has = (field: Field) => fields.includes(field);
  const viva = has('aligned-to') || has('checkins') || table.header.some((h) => norm(h) === 'objecttype');
  const idLabel = viva ? 'Viva Goals Id' : (table.header[fields.indexOf('id')] ?? 'Id');
  if (!has('title') && !has('objective') && !has('key-result')) {
    throw new ImportError(`missing column: no Title, Objective or Key Result column (the columns are: ${table.header.join(', ') || 'none'}). Name the column that holds the titles with --map COLUMN=title`);
  }
  const flat = has('key-result');

  const rows: Row[] = table.rows.map((cells, i) => {
    const unknown: [string, string][] = [];
    cells.forEach((cell, c) => {
      if (!fields[c] && cell.trim()) unknown.push([table.header[c] || `column ${c + 1}`, cell.trim()]);
    });
    return {
      number: table.rowNumbers[i]!,
      get: (field: Field) => {
        const c = fields.indexOf(field);
        return c < 0 ? '' : (cells[c] ?? '').trim();
      },
      unknown,
      headerOf: (field: Field) => table.header[fields.indexOf(field)] ?? field,
    };
  });

  const objectives: PlanObjective[] = [];
  const byId = new Map<string, { objective: PlanObjective; kr?: PlanKeyResult }>();
  const pendingParents: { objective: PlanObjective; row: Row; refs: Ref[] }[] = [];
  const pendingKrs: PendingKeyResult[] = [];
  const deliverables: PendingDeliverable[] = [];
  const flatObjectives = new Map<string, PlanObjective>();
  let last: PlanObjective | undefined;
  let keys = 0;

  const note = (list: Note[], label: string, text: string) => {
    if (text.trim()) list.push({ label, text: text.trim() });
  };
  const remember = (row: Row, item: { objective: PlanObjective; kr?: PlanKeyResult }) => {
    const id = row.get('id');
    if (!id) return;
    if (byId.has(id)) throw new ImportError(`row ${row.number}: the id ${id} is already the id of an earlier row`);
    byId.set(id, item);
  };

  const newObjective = (row: Row, title: string, fieldsHere: readonly Field[] | 'all'): PlanObjective => {
    const takes = (f: Field) => fieldsHere === 'all' || fieldsHere.includes(f);
    const notes: Note[] = [];
    if (takes('id') && row.get('id')) notes.push({ label: idLabel, text: row.get('id'), provenance: true });
    const objective: PlanObjective = { kind: 'objective', key: `o${keys++}`, row: row.number, title, parents: [], keyResults: [], notes };
    const team = row.get('team');
    if (team) objective.team = team;
    if (has('level')) {
      const level = slug(row.get('level'), 40);
      if (level) objective.level = level;
    } else objective.level = team ? 'team' : 'company';
    const ownerText = takes('owner') ? row.get('owner') : '';
    const who = row.get('objective-owner') || ownerText;
    setOwner(objective, notes, who, takes('owner-email') ? row.get('owner-email') : '', row);
    const period = periodOf(row, notes);
    if (period) objective.period = period;
    const commitment = row.get('commitment');
    if (commitment) {
      if (/aspir|stretch|moonshot|ambitious/i.test(commitment)) objective.commitment = 'aspirational';
      else if (/commit|^roof/i.test(commitment)) objective.commitment = 'committed';
      else note(notes, row.headerOf('commitment'), commitment);
    }
    if (takes('description')) note(notes, row.headerOf('description'), row.get('description'));
    for (const f of ['progress', 'status', 'score'] as const) if (takes(f)) note(notes, row.headerOf(f), row.get(f));
    if (fieldsHere === 'all') {
      // Metric columns on an objective's own row: the language puts metrics on key results.
      for (const f of KR_FIELDS) if (f !== 'checkins') note(notes, row.headerOf(f), row.get(f));
      if (row.get('checkins')) note(notes, row.headerOf('checkins'), row.get('checkins'));
      note(notes, row.headerOf('note'), row.get('note'));
      for (const [header, value] of row.unknown) note(notes, header, value);
    }
    const refs = refsOf(row);
    if (refs.length) pendingParents.push({ objective, row, refs });
    objectives.push(objective);
    return objective;
  };

  /** Objective fields on a key result's row: kept as notes when they do not say what its objective says. */
  const objectiveFieldsOnKr = (kr: PlanKeyResult, row: Row, objective: PlanObjective, typed: boolean) => {
    if (typed) {
      const same = (f: 'team' | 'level' | 'commitment', value: string) =>
        norm(value) === norm((f === 'team' ? objective.team : f === 'level' ? objective.level : objective.commitment) ?? '') || (f === 'commitment' && objective.commitment !== undefined && /commit|aspir/i.test(value) && /aspir/i.test(value) === (objective.commitment === 'aspirational'));
      for (const f of ['team', 'level', 'commitment'] as const) {
        const value = row.get(f);
        if (value && !same(f, value)) note(kr.notes, row.headerOf(f), value);
      }
    }
    // Its period and dates: kept as notes where they differ from its objective's.
    const bounds = objective.period ? periodBounds(objective.period) : undefined;
    const label = row.get('period');
    if (typed && label && parsePeriodLabel(label) !== objective.period && label !== objective.period) note(kr.notes, row.headerOf('period'), label);
    const start = row.get('start-date');
    if (start && parseDate(start) !== bounds?.[0]) note(kr.notes, row.headerOf('start-date'), start);
    const end = row.get('due-date');
    if (end && parseDate(end) !== bounds?.[1]) note(kr.notes, row.headerOf('due-date'), end);
  };

  const newKeyResult = (row: Row, title: string): PlanKeyResult => {
    const notes: Note[] = [];
    if (row.get('id')) notes.push({ label: idLabel, text: row.get('id'), provenance: true });
    const kr: PlanKeyResult = { key: `k${keys++}`, row: row.number, title, checkins: [], notes };
    setOwner(kr, notes, row.get('owner'), row.get('owner-email'), row);
    const unit = metricOf(kr, row, notes);
    const date = row.get('checkin-date');
    const currentText = row.get('current');
    const current = currentText ? parseNumber(currentText) : undefined;
    const checkinDate = date ? parseDate(date) : undefined;
    if (date && !checkinDate) note(notes, row.headerOf('checkin-date'), date);
    if (currentText && !current) note(notes, row.headerOf('current'), currentText);
    const confidence = row.get('confidence') ? confidenceOf(row.get('confidence')) : undefined;
    if (current && checkinDate) {
      const noteText = row.get('note');
      kr.checkins.push({ date: checkinDate, value: quantity(current.value, unit ?? current.unit), ...(confidence !== undefined ? { confidence } : {}), ...(noteText ? { note: noteText } : {}) });
    } else {
      if (current) kr.current = quantity(current.value, unit ?? current.unit);
      note(notes, row.headerOf('note'), row.get('note'));
    }
    if (row.get('confidence') && (confidence === undefined || !checkinDate || !current)) note(notes, row.headerOf('confidence'), row.get('confidence'));
    for (const c of packedCheckins(row.get('checkins'), unit)) {
      if ('note' in c && !('date' in c)) note(notes, row.headerOf('checkins'), c.note);
      else kr.checkins.push(c as PlanCheckin);
    }
    const weightText = row.get('weight');
    if (weightText) {
      const w = parseNumber(weightText);
      if (w && w.value > 0) kr.weight = w.value;
      else note(notes, row.headerOf('weight'), weightText);
    }
    for (const f of ['progress', 'status', 'score'] as const) note(notes, row.headerOf(f), row.get(f));
    note(notes, row.headerOf('description'), row.get('description'));
    for (const [header, value] of row.unknown) note(notes, header, value);
    return kr;
  };

  for (const row of rows) {
    const typeText = row.get('type');
    const kind = typeText ? kindOf(typeText, row) : flat && row.get('key-result') ? 'flat' : 'objective';
    if (kind === 'objective') {
      const title = row.get('title') || row.get('objective') || row.get('key-result');
      if (!title) throw new ImportError(`row ${row.number}: no title (the ${row.headerOf(has('title') ? 'title' : 'objective')} cell is empty)`);
      const objective = newObjective(row, title, 'all');
      remember(row, { objective });
      last = objective;
    } else if (kind === 'flat') {
      const objectiveTitle = row.get('objective') || (has('objective') ? '' : row.get('title'));
      let objective: PlanObjective | undefined;
      if (objectiveTitle) {
        const key = `${norm(objectiveTitle)}\u0000${norm(row.get('team'))}`;
        objective = flatObjectives.get(key);
        if (!objective) {
          objective = newObjective(row, objectiveTitle, ['objective-owner', 'team', 'level', 'period', 'start-date', 'due-date', 'commitment', 'parent', 'parent-id', 'aligned-to']);
          flatObjectives.set(key, objective);
        } else {
          for (const ref of refsOf(row)) if (!pendingParents.some((p) => p.objective === objective && p.refs.some((r) => r.text === ref.text))) pendingParents.push({ objective, row, refs: [ref] });
        }
      } else objective = last;
      if (!objective) throw new ImportError(`row ${row.number}: a key result ("${row.get('key-result')}") with no objective: fill in its ${row.headerOf(has('objective') ? 'objective' : 'title')} cell`);
      last = objective;
      const kr = newKeyResult(row, row.get('key-result'));
      objectiveFieldsOnKr(kr, row, objective, false);
      objective.keyResults.push(kr);
      remember(row, { objective, kr });
    } else if (kind === 'keyResult') {
      const title = row.get('title') || row.get('key-result') || row.get('objective');
      if (!title) throw new ImportError(`row ${row.number}: a key result with no title`);
      const refs = refsOf(row);
      const kr = newKeyResult(row, title);
      const pending: PendingKeyResult = { kr, row, refs, fallback: last };
      pendingKrs.push(pending);
      if (row.get('id')) {
        if (byId.has(row.get('id'))) throw new ImportError(`row ${row.number}: the id ${row.get('id')} is already the id of an earlier row`);
        byId.set(row.get('id'), { objective: undefined as unknown as PlanObjective, kr });
      }
    } else {
      const title = row.get('title') || row.get('key-result') || row.get('objective');
      const parts = [title ? `"${title}"` : '(no title)'];
      const details: string[] = [];
      for (const f of FIELDS) {
        if (['title', 'type', 'parent', 'parent-id', 'aligned-to', 'ignore', 'key-result', 'objective'].includes(f)) continue;
        const value = row.get(f);
        if (value) details.push(`${row.headerOf(f)}: ${value}`);
      }
      for (const [header, value] of row.unknown) details.push(`${header}: ${value}`);
      if (details.length) parts.push(`(${details.join('; ')})`);
      deliverables.push({ row, refs: refsOf(row), fallback: last, note: { label: typeText || 'Deliverable', text: parts.join(' ') } });
    }
  }

  const resolve = (ref: Ref, row: Row): { objective: PlanObjective; kr?: PlanKeyResult } => {
    if (ref.id !== undefined) {
      const found = byId.get(ref.id);
      if (!found) throw new ImportError(`row ${row.number}: aligned to Id ${ref.id}${ref.title ? ` ("${ref.title}")` : ''}, which is not a row of the file`);
      if (found.kr && !found.objective) {
        const owner = pendingKrs.find((p) => p.kr === found.kr);
        if (owner) return { objective: objectiveOfPending(owner), kr: found.kr };
      }
      return found;
    }
    const title = norm(ref.title ?? '');
    const objective = objectives.find((o) => norm(o.title) === title);
    if (objective) return { objective };
    for (const p of pendingKrs) if (norm(p.kr.title) === title) return { objective: objectiveOfPending(p), kr: p.kr };
    for (const o of objectives) for (const kr of o.keyResults) if (norm(kr.title) === title) return { objective: o, kr };
    throw new ImportError(`row ${row.number}: the parent "${ref.title}" is not the title of any row of the file`);
  };
  const placed = new Map<PendingKeyResult, PlanObjective>();
  const resolving = new Set<PendingKeyResult>();
  function objectiveOfPending(p: PendingKeyResult): PlanObjective {
    const done = placed.get(p);
    if (done) return done;
    if (resolving.has(p)) throw new ImportError(`row ${p.row.number}: the parents make a cycle through key result "${p.kr.title}"`);
    resolving.add(p);
    let objective = p.fallback;
    const [first, ...others] = p.refs;
    if (first) {
      const target = resolve(first, p.row);
      objective = target.objective;
      if (target.kr) note(p.kr.notes, 'Aligned to key result', target.kr.title);
      if (first.weight !== undefined) p.kr.weight = first.weight;
    }
    for (const other of others) note(p.kr.notes, 'Also aligned to', other.text);
    if (!objective) throw new ImportError(`row ${p.row.number}: the key result "${p.kr.title}" names no objective, and no objective comes before it`);
    resolving.delete(p);
    placed.set(p, objective);
    return objective;
  }
  for (const p of pendingKrs) {
    const objective = objectiveOfPending(p);
    objectiveFieldsOnKr(p.kr, p.row, objective, true);
    objective.keyResults.push(p.kr);
    const entry = p.row.get('id') ? byId.get(p.row.get('id')) : undefined;
    if (entry) byId.set(p.row.get('id'), { objective, kr: p.kr });
  }
  for (const { objective, row, refs } of pendingParents) {
    for (const ref of refs) {
      const target = resolve(ref, row);
      if (target.objective === objective && !target.kr) throw new ImportError(`row ${row.number}: "${objective.title}" is aligned to itself`);
      const key = target.kr ? target.kr.key : target.objective.key;
      if (!objective.parents.includes(key)) objective.parents.push(key);
      if (ref.weight !== undefined) note(objective.notes, `Weight in "${target.kr?.title ?? target.objective.title}"`, `${formatNumber(ref.weight)}%`);
    }
  }
  for (const d of deliverables) {
    if (d.refs.length) {
      const target = resolve(d.refs[0]!, d.row);
      (target.kr ?? target.objective).notes.push(d.note);
    } else if (d.fallback) d.fallback.notes.push(d.note);
    else throw new ImportError(`row ${d.row.number}: a ${d.note.label.toLowerCase()} with no objective to keep it on`);
  }
  for (const o of objectives) o.keyResults.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

  const label = viva ? 'Viva Goals export' : 'spreadsheet';
  return { source: `${label}, ${fileLabel}`, objectives };

  function refsOf(row: Row): Ref[] {
    const refs: Ref[] = [];
    const packed = row.get('aligned-to');
    if (packed) refs.push(...alignedTo(packed, row));
    for (const id of row.get('parent-id').split(/[,;\n]/).map((s) => s.trim()).filter(Boolean)) refs.push({ id, text: id });
    const parent = row.get('parent');
    if (parent) refs.push({ title: parent, text: parent });
    return refs;
  }

  function setOwner(item: { owner?: string }, notes: Note[], names: string, email: string, row: Row) {
    const list = owners(names);
    const first = list[0] ?? email;
    if (first) item.owner = ownerOf(first);
    if (list.length > 1) note(notes, `Other ${row.headerOf('owner').toLowerCase()}s`, list.slice(1).join('; '));
    if (email && list.length) note(notes, row.headerOf('owner-email'), email);
  }

  function periodOf(row: Row, notes: Note[]): string | undefined {
    const label = row.get('period');
    const startText = row.get('start-date');
    const endText = row.get('due-date');
    const start = startText ? parseDate(startText) : undefined;
    const end = endText ? parseDate(endText) : undefined;
    const fromLabel = label ? parsePeriodLabel(label) : undefined;
    const fromDates = start && end ? periodOfDates(start, end) : undefined;
    const period = fromDates ?? fromLabel;
    if (label && label !== period && !(fromLabel && fromLabel === period)) note(notes, row.headerOf('period'), label);
    const bounds = period ? periodBounds(period) : undefined;
    if (startText && (!start || !fromDates) && start !== bounds?.[0]) note(notes, row.headerOf('start-date'), startText);
    if (endText && (!end || !fromDates) && end !== bounds?.[1]) note(notes, row.headerOf('due-date'), endText);
    return period;
  }

  /** The metric columns → `from … to`, `target` or `keep above/below`; the unit for values. */
  function metricOf(kr: PlanKeyResult, row: Row, notes: Note[]): Unit | undefined {
    const startText = row.get('start');
    const targetText = row.get('target');
    const unitText = row.get('unit');
    const metricName = row.get('metric');
    const start = startText ? parseNumber(startText) : undefined;
    const target = targetText ? parseNumber(targetText) : undefined;
    if (startText && !start) note(notes, row.headerOf('start'), startText);
    if (targetText && !target) note(notes, row.headerOf('target'), targetText);
    let unit = unitText ? parseUnit(unitText) : undefined;
    if (unitText && !unit && !['number', 'numeric', '#', 'count', 'none', 'n/a', 'value', 'integer', 'decimal', 'absolute', 'units', 'unit'].includes(unitText.toLowerCase())) note(notes, row.headerOf('unit'), unitText);
    const direction = /\b(maintain|keep|stay|hold|control|at least|at most|no more|no less|above|below|under|over)\b/i.test(metricName) ? (/\b(below|under|at most|no more|less|max|lower|decrease)\b/i.test(metricName) ? 'below' : 'above') : undefined;
    const directionWord = /^(increase|decrease|achieve|reach|hit|reduce|grow|raise|lower|up|down|milestone|baseline|target|metric|percentage|number|currency|increase to|decrease to|achieve target)$/i.test(metricName.trim());
    if (metricName && !direction && !directionWord) {
      if (!unit) unit = parseUnit(metricName);
      if (!unit || unit.kind !== 'word' || slug(metricName, 40) !== unit.text) note(notes, row.headerOf('metric'), metricName);
    } else if (metricName && /milestone|achieve/i.test(metricName) && !target) note(notes, row.headerOf('metric'), metricName);
    unit ??= target?.unit ?? start?.unit;
    if (target && direction) {
      kr.metric = `keep ${direction} ${quantity(target.value, unit)}`;
      if (start) note(notes, row.headerOf('start'), startText);
    } else if (target && start && start.value !== target.value) kr.metric = `from ${formatNumber(start.value)} to ${quantity(target.value, unit)}`;
    else if (target) {
      kr.metric = `target ${quantity(target.value, unit)}`;
      if (start) note(notes, row.headerOf('start'), startText);
    } else if (start) note(notes, row.headerOf('start'), startText);
    return unit;
  }
}

function kindOf(type: string, row: Row): 'objective' | 'keyResult' | 'deliverable' | 'flat' {
  const t = norm(type);
  if (['keyresult', 'kr', 'keyresults', 'metric', 'measure', 'result'].includes(t)) return 'keyResult';
  if (['objective', 'goal', 'okr', 'objectives', 'strategy', 'mission', 'theme', 'companygoal', 'teamgoal', 'focusarea'].includes(t)) return 'objective';
  if (['deliverable', 'initiative', 'project', 'task', 'milestone', 'action', 'actionitem', 'epic', 'program', 'activity', 'deliverables', 'initiatives', 'projects'].includes(t)) return 'deliverable';
  throw new ImportError(`row ${row.number}: the ${row.headerOf('type')} "${type}" is not an objective, a key result or a deliverable (initiative, project)`);
}

/** `Parent title(weight: 14.29%, Id: 2295776)`, several in one cell; a bare id or title otherwise. */
function alignedTo(cell: string, row: Row): Ref[] {
  const refs: Ref[] = [];
  const pattern = /([^()]*?)\s*\(\s*weight\s*:\s*([-+\d.,]*)\s*%?\s*,\s*id\s*:\s*([^)\s,;]+)\s*\)/gi;
  let rest = cell;
  for (const m of cell.matchAll(pattern)) {
    const title = m[1]!.replace(/^[\s,;|]+/, '').trim();
    const weight = m[2] ? parseNumber(m[2].replace(',', '.')) : undefined;
    refs.push({ id: m[3]!, title: title || undefined, weight: weight?.value, text: m[0].replace(/^[\s,;|]+/, '').trim() });
    rest = rest.replace(m[0], '');
  }
  rest = rest.replace(/^[\s,;|]+|[\s,;|]+$/g, '');
  if (rest) {
    if (refs.length) throw new ImportError(`row ${row.number}: cannot read "${rest}" in ${row.headerOf('aligned-to')}: write each parent as Title(weight: W%, Id: N)`);
    refs.push(/^\d+$/.test(rest) ? { id: rest, text: rest } : { title: rest, text: rest });
  }
  return refs;
}

/**
 * Viva Goals' packed check-ins: `Checkin Date: 2025-01-15; User: Jane Doe; Note: …; Current Value: 40;`
 * one after another in one cell. A check-in without a readable date or value is kept as a note.
 */
function packedCheckins(cell: string, unit: Unit | undefined): (PlanCheckin | { note: string })[] {
  if (!cell.trim()) return [];
  const keys = /(checkin date|check-in date|user|note|current value|value|status|confidence)\s*:\s*/gi;
  const entries: Record<string, string>[] = [];
  const marks = [...cell.matchAll(keys)];
  if (!marks.length) return [{ note: cell }];
  let entry: Record<string, string> | undefined;
  marks.forEach((m, i) => {
    const key = m[1]!.toLowerCase().replace('check-in', 'checkin');
    const end = i + 1 < marks.length ? marks[i + 1]!.index! : cell.length;
    const value = cell.slice(m.index! + m[0].length, end).trim().replace(/;$/, '').trim();
    if (key === 'checkin date' || !entry || key in entry) entries.push((entry = {}));
    entry[key] = value;
  });
  return entries.map((e) => {
    const text = Object.entries(e).map(([k, v]) => `${k}: ${v}`).join('; ');
    const date = e['checkin date'] ? parseDate(e['checkin date']) : undefined;
    const value = parseNumber(e['current value'] ?? e.value ?? '');
    if (!date || !value) return { note: text };
    const note = [e.note, e.status && `[${e.status}]`, e.user && `(${e.user})`].filter(Boolean).join(' ');
    const confidence = e.confidence ? confidenceOf(e.confidence) : undefined;
    return { date, value: quantity(value.value, unit ?? value.unit), ...(confidence !== undefined ? { confidence } : {}), ...(note ? { note } : {}) };
  });
}

/** `0.7`, `70%`, `7` (of 10) → 0.7; words (High, Low) are not numbers. */
function confidenceOf(text: string): number | undefined {
  const n = parseNumber(text);
  if (!n) return undefined;
  const v = n.unit?.kind === 'percent' || n.value > 10 ? n.value / 100 : n.value > 1 ? n.value / 10 : n.value;
  return v >= 0 && v <= 1 ? Number(formatNumber(v)) : undefined;
}

function columnsOf(header: readonly string[], maps: readonly string[]): (Field | undefined)[] {
  const fields: (Field | undefined)[] = header.map((h) => ALIASES[norm(h)]);
  for (const map of maps) {
    const at = map.lastIndexOf('=');
    if (at <= 0) throw new ImportError(`--map ${map}: write --map COLUMN=FIELD (for example --map "Objective Name=title")`);
    const column = map.slice(0, at).trim();
    const field = fieldOf(map.slice(at + 1));
    const index = header.findIndex((h) => h === column) >= 0 ? header.findIndex((h) => h === column) : header.findIndex((h) => norm(h) === norm(column));
    if (index < 0) throw new ImportError(`--map ${map}: there is no column "${column}" (the columns are: ${header.join(', ')})`);
    if (!field) throw new ImportError(`--map ${map}: "${map.slice(at + 1)}" is not a field; the fields are: ${FIELDS.join(', ')}`);
    fields.forEach((f, i) => {
      if (f === field && i !== index && field !== 'ignore') fields[i] = undefined;
    });
    fields[index] = field;
  }
  // One column per field: a second column with the same meaning is kept as notes under its name.
  const seen = new Set<Field>();
  return fields.map((f) => {
    if (!f) return undefined;
    if (f === 'ignore') return f;
    if (seen.has(f)) return undefined;
    seen.add(f);
    return f;
  });
}
