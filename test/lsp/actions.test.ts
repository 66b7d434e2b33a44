// Quick fixes and semantic tokens over the protocol. Every fix is applied to the text and the
// result compared whole: the rest of the document must stay exactly as it was.
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, SemanticTokens, InitializeResult } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, ofRule, workspace } from './client';

const company = `period 2026-Q1
strategy ai-search: Win the market for AI-powered search
objective revenue: Generate $200M new recurring revenue
  level company
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
`;

describe('code actions', () => {
  const ws = workspace({ 'company.okr': company, 'okr.config.json': '{ "today": "2026-02-15" }' });
  const client = new LspClient();
  let init: InitializeResult;
  before(async () => {
    init = await client.initialize(ws.dir);
    await client.diagnosticsFor(ws.uri('company.okr'));
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  let n = 0;
  /** Opens `text`, waits for a diagnostic of `rule`, and returns the fixes offered for it. */
  async function fixes(text: string, rule: string): Promise<{ uri: string; diagnostic: Diagnostic; actions: CodeAction[] }> {
    const uri = ws.uri(`fix${n++}.okr`);
    await client.open(uri, text);
    const [diagnostic] = ofRule(await client.diagnosticsFor(uri, (d) => ofRule(d, rule).length > 0), rule);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } });
    return { uri, diagnostic: diagnostic!, actions };
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
    const text = 'objective o: O\n  level department\n  aligns to revenue\n  kr k: Increase customer satisfaction\n  kr j: Other\n    target 3\n';
    const { uri, actions } = await fixes(text, 'kr-not-measurable');
    assert.equal(apply(text, uri, actions.find((a) => a.title.startsWith('Add a target'))), text.replace('satisfaction\n', 'satisfaction\n    target 100 %\n'));
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
    const uri = ws.uri('infer.okr');
    await client.open(uri, text);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 3, character: 5 }, end: { line: 3, character: 5 } },
      context: { diagnostics: [], only: ['refactor'] },
    });
    assert.equal(apply(text, uri, actions.find((a) => a.title.startsWith('Write the metric out'))), text.replace('35%\n', '35%\n    from 20 to 35 %\n'));
  });

  test('semantic tokens: legend, definitions, references, unresolved references', async () => {
    const legend = init.capabilities.semanticTokensProvider!.legend;
    const text = 'objective o: O\n  aligns to revenue, nowhere\n';
    const uri = ws.uri('tokens.okr');
    await client.open(uri, text);
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
      const mods = legend.tokenModifiers.filter((_, bit) => data[i + 4]! & (1 << bit));
      const word = text.split('\n')[line]!.slice(character, character + data[i + 2]!);
      decoded.push(`${word}:${legend.tokenTypes[data[i + 3]!]}${mods.length ? `.${mods.join('.')}` : ''}`);
    }
    assert.deepEqual(decoded, ['objective:keyword', 'o:class.declaration', 'aligns:keyword', 'to:keyword', 'revenue:class', 'nowhere:class.unresolved']);
  });
});
