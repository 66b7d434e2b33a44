// Quick fixes in process, on a snapshot: the problems of a rule become diagnostics (as the server
// publishes them), and the fixes offered for each are applied to the text and the result compared
// whole: the rest of the document must stay exactly as it was. The data a fix reads is the data
// its rule declared (RuleData), through the diagnostic's JSON.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/features/codeActions';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { applyEdits } from '../lsp/client';
import { fixture } from './fixture';

const company = `period 2026-Q1
strategy ai-search: Win the market for AI-powered search
objective revenue: Generate $200M new recurring revenue
  level company
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
`;

describe('code actions', () => {
  const files = { 'company.okr': company };

  let n = 0;
  /** The fixes offered for the first diagnostic of `rule` in `text` (a new file beside company.okr). */
  async function fixes(text: string, rule: string): Promise<{ uri: string; diagnostic: Diagnostic; actions: CodeAction[] }> {
    const { snapshot, document } = fixture(files, `${text}$0`, `fix${n++}.okr`);
    const problem = snapshot.problems.get(document.uri)!.find((p) => p.rule === rule);
    assert.ok(problem, `a ${rule} problem`);
    // As it travels to the client and back: JSON.
    const diagnostic = JSON.parse(JSON.stringify(toDiagnostic(snapshot, problem, undefined))) as Diagnostic;
    const actions = codeActions(snapshot, document, diagnostic.range, [diagnostic], undefined);
    return { uri: document.uri, diagnostic, actions };
  }
  const apply = (text: string, uri: string, action: CodeAction | undefined) => {
    assert.ok(action, 'the action is offered');
    return applyEdits(text, action.edit!.changes![uri]!);
  };
  const titled = (actions: CodeAction[], title: string) => actions.find((a) => a.title === title);

  test('unknown-reference: the did-you-mean candidate, preferred', async () => {
    const text = 'objective us-east: East\n  level department\n  aligns to revenu\n  kr k: K\n    target 5\n';
    const { uri, actions } = await fixes(text, 'unknown-reference');
    const change = titled(actions, 'Change to `revenue`')!;
    assert.equal(change.isPreferred, true);
    assert.equal(apply(text, uri, change), text.replace('revenu\n', 'revenue\n'));
  });

  test('unknown-reference on a key result: the key result part is replaced', async () => {
    const text = 'objective us-east: East\n  level department\n  aligns to revenue\n  kr k: K\n    target 5 $M\n    contributes to revenue.ar\n';
    const { uri, actions } = await fixes(text, 'unknown-reference');
    assert.equal(apply(text, uri, titled(actions, 'Change to `revenue.arr`')), text.replace('revenue.ar\n', 'revenue.arr\n'));
  });

  test('unknown-reference: create the missing objective as a stub at the end', async () => {
    const text = 'objective us-east: East\n  level department\n  aligns to sales-growth\n';
    const { uri, actions } = await fixes(text, 'unknown-reference');
    assert.equal(apply(text, uri, titled(actions, 'Create objective `sales-growth`')), `${text}\nobjective sales-growth: Sales growth\n`);
  });

  test('kr-not-measurable: add a target line under the key result', async () => {
    const text = 'objective o: O\n  level department\n  aligns to revenue\n  kr k: Be loved by customers\n  kr j: Other\n    target 3\n';
    const { uri, actions } = await fixes(text, 'kr-not-measurable');
    assert.equal(apply(text, uri, actions.find((a) => a.title.startsWith('Add a target'))), text.replace('customers\n', 'customers\n    target 100 %\n'));
  });

  test('suppress any rule for this line, with the line\'s indentation', async () => {
    const text = 'objective o: O\n  level department\n  aligns to revenu\n';
    const { uri, actions } = await fixes(text, 'unknown-reference');
    assert.equal(apply(text, uri, titled(actions, 'Suppress `unknown-reference` for this line')), text.replace('  aligns to revenu', '  # okr-disable-next-line unknown-reference\n  aligns to revenu'));
  });

  test('level-inversion: change the level to one below the target', async () => {
    const text = 'objective small: Small\n  level team\n  aligns to revenue\n  kr k: K\n    target 1\nobjective big: Big\n  level department\n  aligns to small\n  kr k: K\n    target 1\n';
    const { uri, actions } = await fixes(text, 'level-inversion');
    const change = titled(actions, 'Change the level to `individual` (below `team`)');
    assert.equal(apply(text, uri, change), text.replace('level department', 'level individual'));
  });

  test('an inferred metric can be written out', async () => {
    const text = 'objective o: O\n  level department\n  aligns to revenue\n  kr conv: Up the conversion rate from 20 to 35%\n';
    const { snapshot, document } = fixture(files, `${text}$0`, 'infer.okr');
    const uri = document.uri;
    const actions = codeActions(snapshot, document, { start: { line: 3, character: 5 }, end: { line: 3, character: 5 } }, [], ['refactor']);
    assert.equal(apply(text, uri, actions.find((a) => a.title.startsWith('Write the metric out'))), text.replace('35%\n', '35%\n    from 20 to 35 %\n'));
  });

  test('a diagnostic whose data is not what its rule declares offers no fix from it, and does not throw', () => {
    const text = 'objective us-east: East\n  level department\n  aligns to revenu\n';
    const { snapshot, document } = fixture(files, `${text}$0`, 'odd.okr');
    const range = { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } };
    for (const data of [undefined, null, 7, 'x', { candidates: 'revenue' }, { candidates: [1, 'revenue'] }, { missing: 3 }]) {
      const diagnostic: Diagnostic = { range, message: 'm', source: 'okr', code: 'unknown-reference', data };
      const titles = codeActions(snapshot, document, range, [diagnostic], undefined).map((a) => a.title);
      assert.ok(titles.includes('Suppress `unknown-reference` for this line'), JSON.stringify(data));
      assert.ok(titles.every((t) => t === 'Change to `revenue`' || t.startsWith('Suppress')), `${JSON.stringify(data)}: ${titles.join(', ')}`);
    }
  });
});
