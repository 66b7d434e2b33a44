// The alignment tree over the protocol: `okr/tree` answers the workspace's TreeModel, and
// `okr/didChangeTree` tells the client to ask again, after the diagnostics of a change.
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { TreeModel, TreeObjective } from '../../server/src/core/tree';
import { TreeChangedNotification, TreeRequest } from '../../server/src/protocol';
import { LspClient, recordNotifications, workspace } from './client';

const company = `period 2026-Q1
level company
strategy ai-search: Win the market for AI-powered search
objective revenue: Generate $200M new recurring revenue
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
    rollup sum
`;
const sales = `period 2026-Q1
level department
objective sales-ai: Add revenue from AI Search subscriptions
  owner @head-of-sales
  aligns to revenue
  kr arr-sales: Add $200M
    target 200 $M
    contributes to revenue.arr
    checkin 2026-02-10 50
`;

function all(model: TreeModel): TreeObjective[] {
  const found: TreeObjective[] = [];
  const stack = model.roots.flatMap((r) => r.children);
  while (stack.length) {
    const node = stack.pop()!;
    found.push(node);
    stack.push(...node.children);
  }
  return found;
}

describe('tree: okr/tree and okr/didChangeTree', () => {
  const ws = workspace({ 'company.okr': company, 'sales.okr': sales, 'okr.config.json': '{ "today": "2026-02-15" }' });
  const client = new LspClient();
  const changes = recordNotifications(client, TreeChangedNotification.method);
  const uri = (name: string) => ws.uri(name);
  before(async () => {
    await client.initialize(ws.dir);
    await client.diagnosticsFor(uri('sales.okr'));
    await changes.waitFor(1);
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  test('okr/tree: the workspace as a TreeModel', async () => {
    const model = await client.request<TreeRequest.Result>(TreeRequest.method, {} satisfies TreeRequest.Params);
    assert.equal(model.today, '2026-02-15');
    assert.equal(model.objectiveCount, 2);
    assert.deepEqual(model.roots.map((r) => `${r.kind}:${r.key}`), ['strategy:ai-search']);
    const [revenue] = model.roots[0]!.children;
    assert.equal(revenue!.key, 'revenue');
    assert.deepEqual(revenue!.children.map((c) => c.key), ['sales-ai']);
    assert.equal(revenue!.keyResults[0]!.rollup, '200 = 200 $M of 200 $M');
    assert.equal(revenue!.keyResults[0]!.value, '50 $M');
    assert.deepEqual(revenue!.location, { uri: uri('company.okr'), startLine: 3, endLine: 7 });
    assert.deepEqual(model.links, [{ from: 'sales-ai.arr-sales', to: 'revenue.arr', kind: 'contributes' }]);
    assert.deepEqual(model.levels, ['company', 'department']);
    assert.deepEqual(model.owners, ['@head-of-sales']);
  });

  test('okr/didChangeTree after a change, once its diagnostics are out; the tree follows the editor', async () => {
    const seen = changes.received.length;
    await client.open(uri('sales.okr'), sales);
    const edited = `${sales}objective us-east: Add revenue in US East
  level team
  aligns to sales-ai, revenu
  kr: Add $80M
`;
    await client.change(uri('sales.okr'), edited);
    const params = await changes.waitFor(seen + 1);
    assert.equal(params ?? undefined, undefined, 'no params');
    const diagnostics = client.published(uri('sales.okr')) ?? [];
    assert.ok(diagnostics.some((d) => d.code === 'unknown-reference'), 'the diagnostics of the change were published first');
    const model = await client.request<TreeModel>(TreeRequest.method, {});
    assert.equal(model.objectiveCount, 3);
    const usEast = all(model).find((o) => o.key === 'us-east');
    assert.ok(usEast, 'the new objective is in the tree');
    assert.deepEqual(usEast.problems.map((p) => p.rule), ['unknown-reference']);
    assert.deepEqual(all(model).find((o) => o.key === 'sales-ai')!.children.map((c) => c.key), ['us-east']);
  });
});
