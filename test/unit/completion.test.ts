// Completion in process, on a snapshot, as fixtures with a $0 cursor.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { completion } from '../../server/src/features/completion';
import { fixture } from './fixture';

const company = `period 2026-Q1
strategy ai-search: Win the market for AI-powered search
objective revenue: Generate $200M new recurring revenue
  level company
  owner @ceo
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
    rollup sum
objective next-year: Plan the next year
  level company
  period 2027
`;
const sales = `period 2026-Q1
level department
objective sales-ai: Add revenue from AI Search subscriptions
  owner @head-of-sales
  aligns to revenue
objective us-east: Add revenue in US East
  level team
  aligns to sales-ai
  kr arr-east: Add $80M
    target 80 $M
`;

describe('completion', () => {
  const files = { 'company.okr': company, 'sales.okr': sales };

  /** Completes in a new file, or in an existing one (`name`) whose editor text is the fixture. */
  async function complete(marked: string, name?: string): Promise<CompletionItem[]> {
    const { snapshot, document, position } = fixture(files, marked, name);
    const items = completion(snapshot, document, position);
    const list = Array.isArray(items) ? items : items.items;
    return [...list].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  test('after `aligns to `: objectives one level up first, same period first; never itself or what aligns to it', async () => {
    const items = await complete('period 2026-Q1\nobjective sales-new: New sales objective\n  level department\n  aligns to $0\n');
    const ids = labels(items);
    assert.equal(ids[0], 'revenue', 'the company objective of the same period comes first');
    assert.ok(ids.indexOf('next-year') > ids.indexOf('revenue.arr'), 'another period comes after');
    assert.ok(ids.indexOf('us-east') > ids.indexOf('sales-ai'), 'a lower level comes after the same level');
    const revenue = items.find((i) => i.label === 'revenue')!;
    assert.equal(revenue.detail, 'Generate $200M new recurring revenue');
    assert.match(revenue.labelDetails!.description!, /company · @ceo · 2026-Q1 · company\.okr/);
    assert.ok(ids.includes('ai-search'), 'strategies are offered');
  });

  test('after `aligns to ` inside an existing objective: itself and its descendants are left out', async () => {
    const items = await complete(sales.replace('  aligns to revenue\n', '  aligns to revenue, $0\n'), 'sales.okr');
    const ids = labels(items);
    assert.ok(!ids.includes('sales-ai'), 'not itself');
    assert.ok(!ids.includes('us-east') && !ids.includes('us-east.arr-east'), 'not an objective that aligns to it (a cycle)');
    assert.ok(ids.includes('revenue'));
  });

  test('matching on title words: filterText holds id and title', async () => {
    const items = await complete('objective x: X\n  aligns to recur$0\n');
    const revenue = items.find((i) => i.label === 'revenue')!;
    assert.match(revenue.filterText!, /recurring/);
    assert.deepEqual((revenue.textEdit as { range: { start: { character: number } } }).range.start.character, 12);
  });

  test('after `contributes to `: key results, the ones that roll up first', async () => {
    const items = await complete('objective x: X\n  kr k: K\n    target 5\n    contributes to $0\n');
    assert.equal(labels(items)[0], 'revenue.arr');
    assert.ok(labels(items).includes('us-east.arr-east'));
    assert.ok(!labels(items).includes('revenue'), 'objectives are not offered');
  });

  test('after `level`: the levels in order; after `owner`: owners already used', async () => {
    assert.deepEqual(labels(await complete('objective x: X\n  level $0\n')), ['company', 'department', 'team', 'individual']);
    assert.deepEqual(labels(await complete('objective x: X\n  owner @$0\n')).sort(), ['@ceo', '@head-of-sales']);
  });

  test('units after a number', async () => {
    const items = labels(await complete('objective x: X\n  kr k: K\n    target 80 $0\n'));
    assert.ok(items.includes('%') && items.includes('$M'));
    assert.equal(items[0], '$M', 'units used in the workspace come first');
  });

  test('keywords valid at the spot, and snippets', async () => {
    const header = labels(await complete('$0\n'));
    assert.ok(header.includes('period') && header.includes('objective (snippet)'));
    assert.ok(!header.includes('target') && !header.includes('kr (snippet)'));
    const inObjective = labels(await complete('objective x: X\n  $0\n'));
    assert.ok(inObjective.includes('aligns to') && inObjective.includes('kr') && inObjective.includes('kr (snippet)'));
    assert.ok(!inObjective.includes('target'));
    const inKr = labels(await complete('objective x: X\n  kr k: K\n    $0\n'));
    assert.ok(inKr.includes('target') && inKr.includes('contributes to') && inKr.includes('checkin'));
  });

  test('nothing inside a title', async () => {
    assert.deepEqual(await complete('objective x: Grow the $0\n'), []);
  });
});

describe('completion: the objective snippet', () => {
  const files = { 'company.okr': company, 'sales.okr': sales };
  const snippetOf = (levels?: string[]) => {
    const { snapshot, document, position } = fixture(files, '$0\n', 'edit.okr', levels ? { levels } : {});
    const items = completion(snapshot, document, position) as CompletionItem[];
    return (items.find((i) => i.label === 'objective (snippet)')!.textEdit as { newText: string }).newText;
  };

  test('offers the default levels', () => {
    assert.match(snippetOf(), /level \$\{3\|company,department,team,individual\|\}/);
  });

  test('offers the configured levels, in their order, escaped for the snippet syntax', () => {
    assert.match(snippetOf(['group', 'division', 'squad']), /level \$\{3\|group,division,squad\|\}/);
    assert.match(snippetOf(['a,b', 'c|d']), /level \$\{3\|a\\,b,c\\\|d\|\}/);
  });
});

describe('completion in a large workspace', () => {
  // 300 team objectives and one company objective: more candidates than one list carries.
  const teams = Array.from({ length: 300 }, (_, i) => `objective team-${String(i).padStart(3, '0')}: Team objective ${i}\n  level team\n  aligns to growth\n  kr kr${i}: Reach ${i} customers\n    target ${i + 1} customers\n`).join('');
  const files = {
    'company.okr': 'period 2026-Q1\nobjective growth: Grow to 1000 customers\n  level company\n',
    'teams.okr': `period 2026-Q1\n${teams}`,
    'dept.okr': 'period 2026-Q1\nobjective zz-dept: A department objective\n  level department\n  aligns to growth\n',
  };

  async function completeList(marked: string) {
    const { snapshot, document, position } = fixture(files, marked);
    return completion(snapshot, document, position) as CompletionList;
  }

  test('after `aligns to `: the best matches only, marked incomplete, the level above first', async () => {
    const list = await completeList('period 2026-Q1\nobjective new-team: A new team objective\n  level team\n  aligns to $0\n');
    assert.equal(list.isIncomplete, true, 'there are more than the list carries');
    assert.ok(list.items.length <= 100 && list.items.length >= 50, `${list.items.length} items`);
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    // One level up (department) first, then higher (company), then the same level.
    assert.equal(sorted[0], 'zz-dept');
    assert.equal(sorted[1], 'growth');
  });

  test('typing narrows the list to what matches, beyond the first list', async () => {
    const list = await completeList('period 2026-Q1\nobjective new-team: A new team objective\n  level team\n  aligns to team-29$0\n');
    const labels = list.items.map((i) => i.label).sort();
    assert.ok(labels.includes('team-299'), 'an objective far down the full ranking is offered once typed');
    assert.ok(labels.every((label) => /t.*e.*a.*m.*-.*2.*9/i.test(`${label} ${list.items.find((i) => i.label === label)!.filterText}`)), 'only matches of what is typed');
    assert.equal(list.isIncomplete, false, 'everything that matches fits in the list');
  });
});
