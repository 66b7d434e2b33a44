// The planning quick fixes (core/fixes/planning.ts) over the protocol: each applied to the text
// and the whole resulting document compared, for a client that takes snippets (as VS Code does:
// placeholders and the cursor) and for one that does not (plain text).
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, quickFixes, workspace } from './client';

const company = `period 2026-Q1
strategy ai-search: Win the market for AI-powered search
strategy efficiency: Stay cost-efficient while we grow
objective revenue: Generate $200M new recurring revenue from AI Search
  level company
  aligns to ai-search
  kr arr: Add $200M in recurring revenue
    from 0 to 200 $M
    checkin 2026-02-10 40
objective costs: Cut the cost of serving a customer by a third
  level company
  aligns to efficiency
  kr serve: Cost per customer from $60 to $40 a month
    from 60 to 40 $
    checkin 2026-02-10 55
`;
const sales = `period 2026-Q1
level department
objective sales-ai: Add revenue from AI Search subscriptions
  aligns to revenue
  kr subs: Sell 400 AI Search subscriptions
    target 400 subscriptions
    checkin 2026-02-10 120
`;

/** A snippet's text as the editor inserts it when the user keeps every placeholder's default. */
function expand(snippet: string): string {
  let text = snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, value: string) => value).replace(/\$\d+/g, '');
  text = text.replace(/\\([$}\\,|])/g, '$1');
  return text;
}

for (const snippetEdits of [false, true]) {
  describe(`planning quick fixes (${snippetEdits ? 'snippets' : 'plain text'})`, () => {
    const ws = workspace({ 'company.okr': company, 'sales.okr': sales, 'okr.config.json': '{ "today": "2026-03-02" }' });
    const client = new LspClient();
    before(async () => {
      await client.initialize(ws.dir, { snippetEdits });
      await client.diagnosticsFor(ws.uri('company.okr'));
    });
    after(async () => {
      await client.shutdown();
      ws.dispose();
    });

    let n = 0;
    const fixes = (text: string, rule: string) => quickFixes(client, ws.uri(`plan${n++}.okr`), text, rule);
    /** The document after the action, and the snippets it carried. */
    const apply = (text: string, uri: string, action: CodeAction | undefined): { text: string; snippets: string[] } => {
      assert.ok(action, 'the action is offered');
      const edit = action.edit!;
      if (edit.changes) return { text: applyEdits(text, edit.changes[uri]!), snippets: [] };
      const [change] = edit.documentChanges as TextDocumentEdit[];
      assert.equal(change!.textDocument.uri, uri);
      const snippets: string[] = [];
      const edits = change!.edits.map((e) => {
        if ('snippet' in e) {
          snippets.push(e.snippet.value);
          return { range: e.range, newText: expand(e.snippet.value) };
        }
        return e as { range: typeof e.range; newText: string };
      });
      return { text: applyEdits(text, edits), snippets };
    };
    const titled = (actions: CodeAction[], prefix: string) => actions.find((a) => a.title.startsWith(prefix));

    test('unaligned: the three best parents at a proper level, the best preferred', async () => {
      const text = 'period 2026-Q1\nobjective us-east: Add revenue from AI Search in US East\n  level team\n  kr k: Sign 40 AI Search deals\n    target 40 deals\n';
      const { uri, actions } = await fixes(text, 'unaligned');
      const aligns = actions.filter((a) => a.title.startsWith('Align to'));
      assert.equal(aligns.length, 3, aligns.map((a) => a.title).join(' | '));
      assert.equal(aligns[0]!.title, 'Align to `sales-ai`: Add revenue from AI Search subscriptions');
      assert.equal(aligns[0]!.isPreferred, true);
      assert.equal(apply(text, uri, aligns[0]).text, text.replace('US East\n', 'US East\n  aligns to sales-ai\n'));
    });

    test('level-inversion: better parents replace the reference, before any change of level', async () => {
      const text = 'period 2026-Q1\nobjective small: Run AI Search demos for prospects\n  level team\n  aligns to sales-ai\n  kr k: Run 30 demos\n    target 30 demos\nobjective big: Grow AI Search revenue with partners\n  level department\n  aligns to small\n  kr j: Sign 10 partners\n    target 10 partners\n';
      const { uri, actions } = await fixes(text, 'level-inversion');
      const titles = actions.map((a) => a.title);
      const first = titles.findIndex((t) => t.startsWith('Align to'));
      const level = titles.findIndex((t) => t.startsWith('Change the level'));
      assert.ok(first === 0 && level > first, titles.join(' | '));
      assert.equal(actions[0]!.title, 'Align to `revenue` instead of `small`: Generate $200M new recurring revenue from AI Search');
      assert.equal(actions[0]!.isPreferred, true);
      assert.equal(actions[level]!.isPreferred, false);
      assert.equal(apply(text, uri, actions[0]).text, text.replace('aligns to small\n', 'aligns to revenue\n'));
      assert.ok(!titles.some((t) => t.includes('`sales-ai` instead')), 'never a parent at the same level or below');
    });

    test('stale-checkin: a check-in for today after the last one, the value a placeholder', async () => {
      const text = 'period 2026-Q1\nobjective us-east: Add revenue from AI Search in US East\n  level team\n  aligns to sales-ai\n  kr deals: Sign 40 AI Search deals\n    target 40 deals\n    checkin 2026-01-20 12\n  kr other: Run 30 demos\n    target 30 demos\n    checkin 2026-02-27 20\n';
      const { uri, actions } = await fixes(text, 'stale-checkin');
      const fix = titled(actions, 'Add a check-in for today: `checkin 2026-03-02 VALUE`');
      const { text: result, snippets } = apply(text, uri, fix);
      assert.equal(result, text.replace('    checkin 2026-01-20 12\n', '    checkin 2026-01-20 12\n    checkin 2026-03-02 12\n'));
      if (snippetEdits) assert.deepEqual(snippets, ['\n    checkin 2026-03-02 ${1:12}']);
    });

    test('stale-checkin with no check-in yet: under the key result, from its baseline', async () => {
      const text = 'period 2026-Q1\nobjective us-east: Add revenue from AI Search in US East\n  level team\n  aligns to sales-ai\n  kr deals: Grow AI Search deals from 5 to 40\n    from 5 to 40 deals\n';
      const { uri, actions } = await fixes(text, 'stale-checkin');
      const { text: result, snippets } = apply(text, uri, titled(actions, 'Add a check-in for today'));
      assert.equal(result, `${text}    checkin 2026-03-02 5\n`.replace('40 deals\n    checkin', '40 deals\n    checkin'));
      if (snippetEdits) assert.deepEqual(snippets, ['\n    checkin 2026-03-02 ${1:5}']);
    });

    test('missing-story: `why: ` under the enabling alignment, the cursor after it', async () => {
      const text = 'period 2026-Q1\nlevel department\nobjective people: Engineering has the AI expertise it needs\n  aligns to sales-ai\n  kr hires: Hire 5 AI engineers\n    target 5 engineers\n';
      const { uri, actions } = await fixes(text, 'missing-story');
      const { text: result, snippets } = apply(text, uri, titled(actions, 'Add a `why:` line'));
      if (snippetEdits) {
        assert.equal(result, text.replace('aligns to sales-ai\n', 'aligns to sales-ai\n  why: \n'));
        assert.deepEqual(snippets, ['\n  why: $0']);
      } else assert.equal(result, text.replace('aligns to sales-ai\n', 'aligns to sales-ai\n  why: How this enables sales-ai\n'));
    });

    test('okr/parents (the preview\'s "Align to…"): the ranked parents, each with the edit that aligns there', async () => {
      if (snippetEdits) return; // the same request either way
      const text = 'period 2026-Q1\nobjective east-new: Add revenue from AI Search in US East\n  level team\n  aligns to costs\n  kr deals: Sign 40 AI Search deals\n    target 40 deals\n';
      const uri = ws.uri(`plan${n++}.okr`);
      await client.open(uri, text);
      const result = await client.request<{ objective: string; parents: { id: string; detail: string; catchAll: boolean; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[] } | null>('okr/parents', { uri, line: 2 });
      assert.equal(result?.objective, 'east-new');
      assert.deepEqual(result.parents.slice(0, 1).map((p) => p.id), ['sales-ai']);
      assert.match(result.parents[0]!.detail, /^department · 2026-Q1 · one level up · same period · same folder · shares add, revenue, ai$/);
      assert.ok(!result.parents.some((p) => p.id === 'east-new'), 'never itself');
      // Its first reference is replaced (its place in the tree).
      assert.equal(applyEdits(text, result.parents[0]!.edits), text.replace('aligns to costs', 'aligns to sales-ai'));
      // With no alignment yet, a line is added under the objective.
      const bare = text.replace('  aligns to costs\n', '');
      await client.change(uri, bare);
      const again = await client.request<typeof result>('okr/parents', { uri, line: 1 });
      assert.equal(applyEdits(bare, again!.parents[0]!.edits), bare.replace('US East\n', 'US East\n  aligns to sales-ai\n'));
      assert.equal(await client.request('okr/parents', { uri, line: 0 }), null, 'no objective on the header line');
    });

    test('kr-not-measurable: `target N unit` or `from A to B unit`, each part a placeholder', async () => {
      const text = 'period 2026-Q1\nobjective us-east: Add revenue from AI Search in US East\n  level team\n  aligns to sales-ai\n  kr happy: Increase customer satisfaction\n  kr deals: Sign 40 AI Search deals\n    target 40 deals\n';
      const { uri, actions } = await fixes(text, 'kr-not-measurable');
      const target = apply(text, uri, titled(actions, 'Add a target: `target N unit`'));
      assert.equal(target.text, text.replace('satisfaction\n', 'satisfaction\n    target 100 %\n'));
      const range = apply(text, uri, titled(actions, 'Add a baseline and a target: `from A to B unit`'));
      assert.equal(range.text, text.replace('satisfaction\n', 'satisfaction\n    from 0 to 100 %\n'));
      if (snippetEdits) {
        assert.deepEqual(target.snippets, ['\n    target ${1:100} ${2:%}']);
        assert.deepEqual(range.snippets, ['\n    from ${1:0} to ${2:100} ${3:%}']);
      }
    });
  });
}
