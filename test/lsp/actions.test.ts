// Semantic tokens over the protocol: the legend the server announces, and the tokens it sends.
// (Quick fixes are tested in process: test/unit/codeActions.test.ts.)
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { SemanticTokens, InitializeResult } from 'vscode-languageserver-protocol';
import { LspClient, decodeSemanticTokens, workspace } from './client';

const company = `period 2026-Q1
strategy ai-search: Win the market for AI-powered search
objective revenue: Generate $200M new recurring revenue
  level company
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
`;

describe('semantic tokens', () => {
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

  test('semantic tokens: legend, definitions, references, unresolved references', async () => {
    const legend = init.capabilities.semanticTokensProvider!.legend;
    const text = 'objective o: O\n  aligns to revenue, nowhere\n';
    const uri = ws.uri('tokens.okr');
    await client.open(uri, text);
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded = decodeSemanticTokens(text, data, legend);
    assert.deepEqual(decoded, ['objective:keyword', 'o:class.declaration', 'aligns:keyword', 'to:keyword', 'revenue:class', 'nowhere:class.unresolved']);
  });
});
