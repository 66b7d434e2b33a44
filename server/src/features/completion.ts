// Completion: what can be written at the cursor.
//  - at the start of a line: the statements valid there (header, objective attributes and `kr`,
//    key result attributes), and snippets for a new objective and a new key result;
//  - after `aligns to `: objectives, key results (`objective.kr`) and strategies of every file,
//    ranked — levels above this objective's first, the same period first — never the objective
//    itself or anything that aligns to it (that would be a cycle);
//  - after `contributes to `: key results, those that roll up (`rollup sum`) first;
//    both reference lists send the best MAX_REFERENCE_ITEMS matches of what is typed, marked
//    incomplete when there are more;
//  - after `level`: the levels; after `owner`: the owners already used; after a number: units;
//  - after `grade`, `status` and `carried over to`: closing.ts.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import { descendantsOf, keyResultAt, objectiveAt, type ObjectiveNode, type Objective, type OkrDocument, type Snapshot } from '../core';
import { offsetIn } from './common';
import { closingCompletion } from './closing';

const HEADER = ['period', 'level', 'owner', 'strategy', 'objective'];
const OBJECTIVE_ATTRIBUTES = ['level', 'owner', 'period', 'aligns to', 'why:', 'committed', 'aspirational', 'grade', 'status', 'learned:', 'kr'];
const KEY_RESULT_ATTRIBUTES = ['from', 'target', 'keep above', 'keep below', 'current', 'checkin', 'step', 'contributes to', 'rollup sum', 'weight', 'owner', 'grade', 'status', 'learned:'];
const KEYWORD_DOCS: Record<string, string> = {
  period: 'The OKR period: 2026-Q1, 2026-H1, 2026, or 2026-01-01..2026-03-31',
  level: 'The level: company, department, team, individual (configurable)',
  owner: 'Who owns it: @handle or "Full Name"',
  strategy: 'A strategy that objectives align to: strategy ID: title',
  objective: 'A new objective: objective ID: title',
  'aligns to': 'What this objective serves: objective, objective.kr or strategy (the first is its place in the tree)',
  'why:': 'The alignment story: how this feeds what it aligns to',
  committed: 'A committed OKR: expected to be fully met',
  aspirational: 'An aspirational OKR: 70% is a success',
  kr: 'A key result: kr ID: title',
  from: 'Baseline and target: from 20 to 35 %',
  target: 'The target: target 80 $M',
  'keep above': 'A threshold to hold: keep above 99.9 %',
  'keep below': 'A threshold to hold: keep below 2 %',
  current: 'The latest value, when there are no check-ins',
  checkin: 'A dated progress report: checkin 2026-01-31 40 confidence 0.6: note',
  'contributes to': "This key result's value adds into objective.kr (summation)",
  'rollup sum': 'This key result is the sum of the key results that contribute to it',
  weight: "Its weight in the objective's progress (default 1)",
  step: 'A step of a milestone key result: step 2026-02-15 done: Checkout live in the US',
  grade: 'Its grade when the period closes, 0.0–1.0: 0.7–1.0 green (delivered), 0.4–0.6 yellow, 0.0–0.3 red',
  status: 'How it closed: done, missed, dropped, or carried over to PERIOD',
  'learned:': 'A reflection: what we learned this period',
};
const UNITS = ['%', '$', '$K', '$M', '$B', '€', '€K', '€M', '£', '£M'];

export function completion(snapshot: Snapshot, document: OkrDocument, position: Position): CompletionItem[] | CompletionList {
  const offset = offsetIn(document, position);
  const lineStart = document.file.lineStarts[position.line] ?? 0;
  const before = document.text.slice(lineStart, offset);
  // Id characters as the lexer reads them: ASCII word characters, `-`, and anything from U+00C0 up
  // (accents, other scripts, emoji), plus the `.` of `objective.kr`.
  const word = /[\w.\u00C0-\u{10FFFF}-]*$/u.exec(before)![0];
  const range: Range = { start: { line: position.line, character: position.character - word.length }, end: position };

  let match = /^\s*aligns\s+to\s+(?:[^,#]+,\s*)*[\w.\u00C0-\u{10FFFF}-]*$/u.exec(before);
  if (match) return alignTargets(snapshot, document.file, offset, range, word);
  match = /^\s*contributes\s+to\s+[\w.\u00C0-\u{10FFFF}-]*$/u.exec(before);
  if (match) return contributionTargets(snapshot, document.file, offset, range, word);
  if (/^\s*level\s+[\w\u00C0-\u{10FFFF}-]*$/u.test(before)) {
    return snapshot.config.levels.map((level, i) => ({ label: level, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, '0'), textEdit: { range, newText: level } }));
  }
  if (/^\s*owner\s+[@"]?[^\s"]*$/u.test(before)) return owners(snapshot, before, position);
  const closing = closingCompletion(snapshot, document.file, offset, before, range);
  if (closing) return closing;
  if (/^\s*(?:from|target|keep\s+(?:above|below)|current|checkin\s+\S+)\s+(?:.*\s)?[$€£¥]?\d[\d.]*[kKMB]?\s+\S*$/u.test(before) && !/\bconfidence\b/.test(before)) {
    return units(snapshot, range);
  }
  if (/^\s*[\p{L}_-]*$/u.test(before)) return keywords(snapshot, document.file, offset, range);
  return [];
}

function keywords(snapshot: Snapshot, file: Parameters<typeof objectiveAt>[0], offset: number, range: Range): CompletionItem[] {
  const objective = objectiveAt(file, offset);
  const kr = objective && keyResultAt(objective, offset);
  const valid = kr ? [...KEY_RESULT_ATTRIBUTES, ...OBJECTIVE_ATTRIBUTES.filter((k) => !KEY_RESULT_ATTRIBUTES.includes(k)), 'objective', 'strategy'] : objective ? [...OBJECTIVE_ATTRIBUTES, 'objective', 'strategy'] : HEADER;
  const items: CompletionItem[] = valid.map((keyword, i) => ({
    label: keyword,
    kind: CompletionItemKind.Keyword,
    detail: KEYWORD_DOCS[keyword],
    sortText: `1${String(i).padStart(3, '0')}`,
    textEdit: { range, newText: `${keyword} ` },
  }));
  items.push({
    label: 'objective (snippet)',
    filterText: 'objective',
    kind: CompletionItemKind.Snippet,
    detail: 'A new objective with a level, an alignment and a key result',
    sortText: '0001',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `objective \${1:id}: \${2:What we want to achieve}\n  level \${3|${snapshot.config.levels.map(snippetChoice).join(',')}|}\n  aligns to \${4}\n  kr \${5:id}: \${6:How we know we got there}\n    target \${7:0}` },
  });
  if (objective) {
    items.push({
      label: 'kr (snippet)',
      filterText: 'kr',
      kind: CompletionItemKind.Snippet,
      detail: 'A new key result with a baseline and a target',
      sortText: '0002',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: 'kr ${1:id}: ${2:How we know we got there}\n  from ${3:0} to ${4:100} ${5:%}' },
    });
  }
  return items;
}

/** A level as a choice of a snippet: `,`, `|`, `$`, `}` and `\\` are escaped (snippet syntax). */
function snippetChoice(level: string): string {
  return level.replace(/[,|$}\\]/g, '\\$&');
}

/**
 * At most this many objectives and key results are sent for a reference; when there are more, the
 * list says it is incomplete and the editor asks again as the user types, so the best matches of
 * what is typed always come first, however large the workspace.
 */
export const MAX_REFERENCE_ITEMS = 100;

/** The best `limit` candidates by sort key, made into items only once chosen. */
class BestCandidates {
  private readonly kept: { key: string; make: () => CompletionItem }[] = [];
  private seen = 0;

  constructor(
    private readonly typed: string,
    private readonly limit = MAX_REFERENCE_ITEMS,
  ) {}

  /**
   * Whether a candidate with this sort key, or any key that starts with it, could still be kept:
   * once the list is full, a whole objective and its key results are passed over at the cost of
   * one comparison.
   */
  wants(key: string): boolean {
    return this.kept.length < this.limit || key < this.kept[this.kept.length - 1]!.key;
  }

  /** Offers a candidate whose `filterText` must match what is typed (its letters in order, any case). */
  offer(key: string, filterText: () => string, make: () => CompletionItem): void {
    if (this.typed && !matches(this.typed, filterText())) return;
    this.seen++;
    const { kept, limit } = this;
    if (kept.length === limit && key >= kept[kept.length - 1]!.key) return;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (kept[middle]!.key <= key) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, { key, make });
    if (kept.length > limit) kept.pop();
  }

  /** Candidates passed over by `wants` count as not sent: the list is then incomplete. */
  skipped(): void {
    this.seen++;
  }

  result(): CompletionList {
    return { isIncomplete: this.seen > this.kept.length, items: this.kept.map((c) => c.make()) };
  }
}

/** Whether the letters of `typed` appear in `text` in order, ignoring case (as editors filter). */
function matches(typed: string, text: string): boolean {
  if (!typed) return true;
  const lower = text.toLowerCase();
  let at = 0;
  for (const char of typed.toLowerCase()) {
    at = lower.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

function alignTargets(snapshot: Snapshot, file: Parameters<typeof objectiveAt>[0], offset: number, range: Range, typed: string): CompletionList {
  const { graph } = snapshot;
  const self = objectiveAt(file, offset);
  const selfNode = self ? graph.node(self) : undefined;
  const excluded = self ? descendantsOf(graph, self) : new Set<Objective>();
  if (self) excluded.add(self);
  const best = new BestCandidates(typed);
  for (const document of snapshot.index.all()) {
    for (const strategy of document.file.strategies) {
      const sortText = `${selfNode?.rank === 0 ? '0' : '3'}${strategy.id.text}`;
      const filterText = `${strategy.id.text} ${strategy.title.text}`;
      best.offer(sortText, () => filterText, () => ({
        label: strategy.id.text,
        kind: CompletionItemKind.Module,
        detail: strategy.title.text,
        labelDetails: { description: `strategy · ${fileName(document.uri)}` },
        filterText,
        sortText,
        textEdit: { range, newText: strategy.id.text },
      }));
    }
  }
  for (const node of graph.nodes.values()) {
    if (excluded.has(node.objective)) continue;
    const sort = rankFor(selfNode, node);
    const id = node.objective.id.text;
    const sortText = `${sort}${id}`;
    // Its key results sort right after it (`id.kr`): when it cannot be kept, neither can they.
    if (!best.wants(sortText)) {
      best.skipped();
      continue;
    }
    const filterText = () => `${id} ${node.objective.title.text}`;
    best.offer(sortText, filterText, () => ({
      label: id,
      kind: CompletionItemKind.Class,
      detail: node.objective.title.text,
      labelDetails: { description: describe(node) },
      filterText: filterText(),
      sortText,
      textEdit: { range, newText: id },
    }));
    for (const kr of node.objective.keyResults) {
      if (!kr.id) continue;
      const krId = `${id}.${kr.id.text}`;
      const krFilter = `${krId} ${kr.title.text}`;
      best.offer(`${sort}${krId}`, () => krFilter, () => ({
        label: krId,
        kind: CompletionItemKind.Field,
        detail: kr.title.text,
        labelDetails: { description: `key result · ${describe(node)}` },
        filterText: krFilter,
        sortText: `${sort}${krId}`,
        textEdit: { range, newText: krId },
      }));
    }
  }
  return best.result();
}

/** Sort key of a candidate parent: one level up first, then higher, same level, lower; same period first. */
function rankFor(self: ObjectiveNode | undefined, node: ObjectiveNode): string {
  let level = 2;
  if (self?.rank !== undefined && node.rank !== undefined) {
    const gap = self.rank - node.rank;
    level = gap === 1 ? 0 : gap > 1 ? 1 : gap === 0 ? 2 : 4;
  }
  const samePeriod = self?.period && node.period && self.period.start === node.period.start && self.period.end === node.period.end;
  return `${level}${samePeriod || !self?.period ? 0 : 1}`;
}

function contributionTargets(snapshot: Snapshot, file: Parameters<typeof objectiveAt>[0], offset: number, range: Range, typed: string): CompletionList {
  const { graph } = snapshot;
  const self = objectiveAt(file, offset);
  const selfKr = self && keyResultAt(self, offset);
  const best = new BestCandidates(typed);
  for (const node of graph.nodes.values()) {
    for (const kr of node.objective.keyResults) {
      if (!kr.id || kr === selfKr) continue;
      const id = `${node.objective.id.text}.${kr.id.text}`;
      const sortText = `${kr.rollupSum ? 0 : 1}${id}`;
      const filterText = `${id} ${kr.title.text}`;
      best.offer(sortText, () => filterText, () => ({
        label: id,
        kind: CompletionItemKind.Field,
        detail: kr.title.text,
        labelDetails: { description: `${kr.rollupSum ? 'rollup sum · ' : ''}${describe(node)}` },
        filterText,
        sortText,
        textEdit: { range, newText: id },
      }));
    }
  }
  return best.result();
}

function owners(snapshot: Snapshot, before: string, position: { line: number; character: number }): CompletionItem[] {
  const typed = /[@"]?[^\s"]*$/.exec(before)![0];
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const seen = new Map<string, number>();
  for (const document of snapshot.index.all()) {
    const { file } = document;
    const all = [file.header.owner, ...file.objectives.flatMap((o) => [o.owner, ...o.keyResults.map((k) => k.owner)])];
    for (const owner of all) if (owner && owner.text.length > 1) seen.set(owner.text, (seen.get(owner.text) ?? 0) + 1);
  }
  return [...seen].map(([owner, count]) => ({
    label: owner,
    kind: CompletionItemKind.Reference,
    detail: `${count} use${count === 1 ? '' : 's'} in the workspace`,
    sortText: String(100000 - count).padStart(6, '0'),
    textEdit: { range, newText: owner },
  }));
}

function units(snapshot: Snapshot, range: Range): CompletionItem[] {
  const used = new Set<string>();
  for (const document of snapshot.index.all()) {
    for (const objective of document.file.objectives) {
      for (const kr of objective.keyResults) {
        for (const quantity of [kr.metric.target, kr.metric.from, kr.metric.keep?.threshold]) if (quantity?.unit) used.add(quantity.unit.text);
      }
    }
  }
  const all = [...new Set([...UNITS, ...used])];
  return all.map((unit) => ({ label: unit, kind: CompletionItemKind.Unit, sortText: used.has(unit) ? `0${unit}` : `1${unit}`, textEdit: { range, newText: unit } }));
}

function describe(node: ObjectiveNode): string {
  return [node.level, node.owner, node.period?.text, fileName(node.uri)].filter(Boolean).join(' · ');
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
