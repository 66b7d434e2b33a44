// Closing a period over the protocol: the quick fixes "Grade from progress" and "Carry over to
// NEXT", hover and lenses with grades beside progress, completion after `grade` and `status`,
// semantic tokens of the closing statements.
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CodeLens, CompletionItem, Hover, InitializeResult, SemanticTokens } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, cursor, decodeSemanticTokens, quickFixes, workspace } from './client';

const q4 = `period 2025-Q4
objective self-serve: Small teams can buy without talking to sales
  aspirational
  learned: Pricing pages convert better with a calculator
  kr signups: Grow self-serve signups
    from 200 to 500 signups
    checkin 2025-12-20 430
    grade 0.8: two markets of three
    status done
  kr checkout: Checkout in three markets
    step 2025-10-31 done 2025-10-28: Checkout live in the US
    step 2025-11-30 done: Checkout live in Canada
    step 2025-12-15: Checkout live in Mexico
    grade 0.6
    status carried over to 2026-Q1
`;
const q1 = 'period 2026-Q1\nobjective next: Plan the next quarter\n  kr k: K\n    target 5 wins\n';

describe('closing a period', () => {
  const ws = workspace({ 'q4.okr': q4, 'q1.okr': q1, 'okr.config.json': '{ "today": "2026-01-15" }' });
  const client = new LspClient();
  let init: InitializeResult;
  before(async () => {
    init = await client.initialize(ws.dir);
    await client.diagnosticsFor(ws.uri('q4.okr'));
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  let n = 0;
  const fixes = (text: string, rule: string) => quickFixes(client, ws.uri(`fix${n++}.okr`), text, rule);
  const titled = (actions: CodeAction[], title: string) => actions.find((a) => a.title === title);

  test('ungraded-key-result: Grade from progress writes the grade under the key result; Carry over to NEXT writes the status', async () => {
    const text = 'period 2025-Q4\nobjective o: O\n  kr k: K\n    from 0 to 100 signups\n    checkin 2025-12-01 64\n  kr j: J\n';
    const { uri, actions } = await fixes(text, 'ungraded-key-result');
    const grade = titled(actions, 'Grade from progress: `grade 0.6`');
    assert.ok(grade, actions.map((a) => a.title).join(', '));
    assert.equal(grade.isPreferred, true);
    assert.equal(applyEdits(text, grade.edit!.changes![uri]!), text.replace('64\n', '64\n    grade 0.6\n'));
    const carry = titled(actions, 'Carry over to 2026-Q1')!;
    assert.equal(applyEdits(text, carry.edit!.changes![uri]!), text.replace('64\n', '64\n    status carried over to 2026-Q1\n'));
  });

  test('Carry over replaces a status already written; a key result with only its kr line gets the line under it', async () => {
    const text = 'period 2025-Q4\nobjective o: O\n  kr k: Be loved\n    status missed\n';
    const { uri, actions } = await fixes(text, 'ungraded-key-result');
    assert.equal(applyEdits(text, titled(actions, 'Carry over to 2026-Q1')!.edit!.changes![uri]!), text.replace('status missed', 'status carried over to 2026-Q1'));
    const bare = 'period 2025-Q4\nobjective o: O\n  kr k: Be loved\n';
    const second = await fixes(bare, 'ungraded-key-result');
    assert.equal(applyEdits(bare, titled(second.actions, 'Carry over to 2026-Q1')!.edit!.changes![second.uri]!), `${bare}    status carried over to 2026-Q1\n`);
  });

  test('grade-far-from-progress: Grade from progress replaces the grade', async () => {
    const text = 'period 2025-Q4\nobjective o: O\n  kr k: K\n    from 0 to 100 signups\n    checkin 2025-12-01 30\n    grade 0.9\n';
    const { uri, actions } = await fixes(text, 'grade-far-from-progress');
    assert.equal(applyEdits(text, titled(actions, 'Grade from progress: `grade 0.3`')!.edit!.changes![uri]!), text.replace('grade 0.9', 'grade 0.3'));
  });

  test('hover: the grade beside progress, the status, what was learned, the steps of a milestone key result', async () => {
    const uri = ws.uri('q4.okr');
    const hover = async (line: number, character: number) => (await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }))!.contents as { value: string };
    const objective = (await hover(1, 12)).value;
    assert.match(objective, /\*Grade:\* 🟢 grade 0\.7 \(mean of its key results\): delivered/);
    assert.match(objective, /\*Learned:\*\n- Pricing pages convert better with a calculator/);
    assert.match(objective, /`signups` 430 signups, from 200 to 500 · 77% · 🟢 grade 0\.8 · done/);
    assert.match(objective, /`checkout` 67% · 2 of 3 steps · 🟡 grade 0\.6 · carried over to 2026-Q1/);
    const milestone = (await hover(9, 6)).value;
    assert.match(milestone, /\*Milestones:\* 2 of 3 steps done \(67%\)\n- ☑ Checkout live in the US · due 2025-10-31 · done 2025-10-28\n- ☑ Checkout live in Canada · due 2025-11-30 · done\n- ☐ Checkout live in Mexico · due 2025-12-15/);
    assert.match(milestone, /\*Grade:\* 🟡 grade 0\.6: progress, but fell short · \*Status:\* carried over to 2026-Q1/);
    assert.doesNotMatch(milestone, /No metric/);
    const kr = (await hover(4, 6)).value;
    assert.match(kr, /\*Grade:\* 🟢 grade 0\.8: delivered: the sweet spot for aspirational key results — two markets of three · \*Status:\* done/);
  });

  test('code lens: the objective\'s grade after its progress', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: ws.uri('q4.okr') } });
    assert.match(lenses[0]!.command!.title, /^0 aligned · 72% · expected 70% · 🟢 grade 0\.7 · as of 2026-01-15/);
  });

  async function complete(marked: string): Promise<CompletionItem[]> {
    const { text, position } = cursor(marked);
    const uri = ws.uri(`complete${n++}.okr`);
    await client.open(uri, text);
    const items = await client.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position });
    await client.close(uri);
    const list = Array.isArray(items) ? items : items.items;
    return [...list].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  }

  test('completion: grades with their meaning, the measured one first; statuses; the next period', async () => {
    const grades = await complete('period 2025-Q4\nobjective o: O\n  kr k: K\n    from 0 to 100 signups\n    checkin 2025-12-01 64\n    grade $0\n');
    assert.equal(grades[0]!.label, '0.6');
    assert.equal(grades[0]!.detail, 'yellow: progress, but fell short · the measured progress (64%)');
    assert.equal(grades.find((g) => g.label === '0.7')!.detail, 'green: delivered: the sweet spot for aspirational key results');
    assert.equal(grades.find((g) => g.label === '0.2')!.detail, 'red: no real progress');
    const statuses = await complete('period 2025-Q4\nobjective o: O\n  kr k: K\n    status $0\n');
    assert.deepEqual(statuses.map((s) => s.label), ['done', 'missed', 'dropped', 'carried over to 2026-Q1']);
    const periods = await complete('period 2025-Q4\nobjective o: O\n  kr k: K\n    status carried over to $0\n');
    assert.deepEqual(periods.map((s) => s.label).slice(0, 2), ['2026-Q1', '2025-Q4']);
    const keywords = await complete('objective o: O\n  kr k: K\n    $0\n');
    for (const keyword of ['step', 'grade', 'status', 'learned:']) assert.ok(keywords.some((k) => k.label === keyword), keyword);
  });

  test('semantic tokens: status words and a step\'s done', async () => {
    const legend = init.capabilities.semanticTokensProvider!.legend;
    const text = 'objective o: O\n  kr k: K\n    step 2026-01-01 done: x\n    grade 0.5\n    status carried over to 2026-Q2\n';
    const uri = ws.uri('tokens.okr');
    await client.open(uri, text);
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded = decodeSemanticTokens(text, data, legend);
    assert.deepEqual(decoded.slice(4), ['step:keyword', '2026-01-01:string', 'done:enumMember', 'grade:keyword', '0.5:number', 'status:keyword', 'carried:enumMember', 'to:keyword', '2026-Q2:string']);
  });
});
