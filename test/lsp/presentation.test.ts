// Hover, code lens and inlay hints over the protocol: half-typed lines crash nothing in the
// server process. (What they show is tested in process: test/unit/presentation.test.ts.)
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, workspace } from './client';

const company = `period 2026-Q1
strategy ai-search: Win the market for AI-powered search
objective revenue: Generate $200M new recurring revenue
  level company
  owner @ceo
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
    rollup sum   # the regions add up to it
`;
const sales = `period 2026-Q1
level team
objective sales-ai: Add revenue from AI Search subscriptions
  level department
  owner @head-of-sales
  aligns to revenue
  kr conversion: Up the conversion rate from 20 to 35%
    checkin 2026-01-31 23
    checkin 2026-02-14 29
objective us-east: Add revenue in US East
  owner @us-east-lead
  aligns to sales-ai
  kr arr-east: Add $80M
    target 80 $M
    contributes to revenue.arr
    checkin 2026-01-30 16 confidence 0.6
    checkin 2026-02-13 40 confidence 0.7: Two *big* deals <signed>
objective us-west: Add revenue in US West
  owner @us-west-lead
  aligns to sales-ai
  kr arr-west: Add $70M
    target 70 $M
    contributes to revenue.arr
    checkin 2026-02-10 35
objective emea: Add revenue in EMEA
  owner @emea-lead
  aligns to sales-ai
  kr arr-emea: Add $50M
    target 50 $M
    contributes to revenue.arr
    checkin 2026-02-12 25
    checkin 2026-03-01 45: planned, not yet
`;
const odd = `period 2026-Q1
level team
objective markdown: Ship *fast* and [break] <b>things</b> _now_ \`x\`
  owner @odd
  aligns to ai-search
  kr: Ship it
objective loop-a: Loop A
  aligns to loop-b
  kr la: 3 loops
    target 3 loops
objective loop-b: Loop B
  aligns to loop-a
  kr lb: 3 loops
    target 3 loops
objective lost: Aligns to nothing that exists
  aligns to revenu
  kr lost-kr: 5 things
    target 5 things
`;

const vague = `period 2026-Q1
level team
objective vague: Be better
  kr fuzzy: Be more awesome
`;

describe('presentation: hover, code lens, inlay hints', () => {
  const ws = workspace({ 'company.okr': company, 'sales.okr': sales, 'odd.okr': odd, 'vague.okr': vague, 'okr.config.json': '{ "today": "2026-02-15" }' });
  const client = new LspClient();
  const uri = (name: string) => ws.uri(name);
  before(async () => {
    await client.initialize(ws.dir);
    await client.diagnosticsFor(uri('odd.okr'));
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  const markdown = (hover: Hover | null): string => {
    assert.ok(hover, 'a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };

  const everything = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

  test('nothing crashes on half-typed lines', async () => {
    const half = 'period 2026-Q\nobjective \nobjective h: \n  aligns to revenue\n  aligns to \n  aligns to sales-ai.\n  kr : \n  kr k: Grow from\n    rollup sum\n    contributes to \n    checkin 2026-\n    from 5 to\nstrategy \n';
    const halfUri = uri('half.okr');
    await client.open(halfUri, half);
    const lines = half.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line]!.length; character++) {
        await client.request('textDocument/hover', { textDocument: { uri: halfUri }, position: { line, character } });
      }
    }
    await client.request('textDocument/codeLens', { textDocument: { uri: halfUri } });
    await client.request('textDocument/inlayHint', { textDocument: { uri: halfUri }, range: everything });
    const reference = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: halfUri }, position: { line: 3, character: 14 } }));
    assert.match(reference, /^`revenue`/, 'a reference on a half-typed line still hovers');
    await client.close(halfUri);
    assert.equal(client.stderr.includes('Error'), false, client.stderr);
  });
});
