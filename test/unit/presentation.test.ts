// Hover, code lens and inlay hints in process, on a snapshot of a small workspace whose
// configuration fixes today (2026-02-15: 46 of the 90 days of 2026-Q1, so 51% expected), so that
// progress and expected progress are deterministic. Fixtures with a $0 cursor.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, InlayHint, MarkupContent } from 'vscode-languageserver-types';
import { codeLens } from '../../server/src/features/codeLens';
import { hover as hoverOf } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { fixture, uriOf } from './fixture';
import { company, odd, sales, vague } from '../presentation-workspace';

describe('presentation: hover, code lens, inlay hints', () => {
  const files: Record<string, string> = { 'company.okr': company, 'sales.okr': sales, 'odd.okr': odd, 'vague.okr': vague };
  const uri = uriOf;

  /** The hover at `$0` in `marked`, the text of file `name` with a cursor mark. */
  async function hoverAt(name: string, marked: string): Promise<Hover | null> {
    const { snapshot, document, position } = fixture(files, marked, name);
    return hoverOf(snapshot, document, position);
  }
  /** The snapshot of the workspace, and file `name` in it. */
  const file = (name: string) => {
    const { snapshot, document } = fixture(files, `$0${files[name]}`, name);
    return { snapshot, document };
  };
  const lensesOf = (name: string) => {
    const { snapshot, document } = file(name);
    return codeLens(snapshot, document);
  };
  const hintsOf = (name: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    const { snapshot, document } = file(name);
    return inlayHints(snapshot, document, range);
  };
  const markdown = (hover: Hover | null): string => {
    assert.ok(hover, 'a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };

  test('hover on an objective: the story across files up to the strategy, level · owner · period, progress against expected', async () => {
    const hover = await hoverAt('sales.okr', sales.replace('objective us-east:', 'objective us-e$0ast:'));
    const text = markdown(hover);
    assert.match(text, /^`us-east` \*\*Add revenue in US East\*\*/);
    assert.ok(text.includes('team · @us-east-lead · 2026-Q1'), text);
    assert.ok(text.includes('**Story:** `us-east` → `sales-ai` → `revenue` → `ai-search` (strategy)'), text);
    assert.ok(text.includes('- `sales-ai` · department — Add revenue from AI Search subscriptions'), text);
    assert.ok(text.includes('- `revenue` · company — Generate \\$200M new recurring revenue'), text);
    assert.ok(text.includes('- `ai-search` · strategy — Win the market for AI-powered search'), text);
    assert.ok(text.includes('▓▓▓▓▓░░░░░ 50% done · expected 51% · as of 2026-02-15 (okr.config.json)'), text);
    assert.ok(text.includes('- `arr-east` 40 of 80 \\$M · 50% · 16 → 40 ↗'), 'the check-in trend of its key results');
    assert.deepEqual(hover!.range, { start: { line: 9, character: 10 }, end: { line: 9, character: 17 } });
  });

  test('hover on an objective: what aligns to it, by level', async () => {
    const text = markdown(await hoverAt('sales.okr', sales.replace('objective sales-ai:', 'objective $0sales-ai:')));
    assert.ok(text.includes('**Aligned to it**\n- team: `us-east`, `us-west`, `emea`'), text);
    assert.ok(text.includes('▓▓▓▓▓▓░░░░ 60% done · expected 51%'), text);
    const revenue = markdown(await hoverAt('company.okr', company.replace('objective revenue:', 'objective rev$0enue:')));
    assert.ok(revenue.includes('- department: `sales-ai`'), revenue);
  });

  test('hover on a reference: the objective it names, over the span of the reference', async () => {
    const hover = await hoverAt('sales.okr', sales.replace('  aligns to revenue\n', '  aligns to reve$0nue\n'));
    const text = markdown(hover);
    assert.match(text, /^`revenue` \*\*Generate \\\$200M new recurring revenue\*\*/);
    assert.ok(text.includes('company · @ceo · 2026-Q1'), text);
    assert.ok(text.includes('**Story:** `revenue` → `ai-search` (strategy)'), text);
    assert.deepEqual(hover!.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 19 } });
  });

  test('hover on the key result of `objective.kr`: the key result, over the `kr` part', async () => {
    const hover = await hoverAt('sales.okr', sales.replace('contributes to revenue.arr\n    checkin 2026-01-30', 'contributes to revenue.a$0rr\n    checkin 2026-01-30'));
    const text = markdown(hover);
    assert.match(text, /^`revenue\.arr` \*\*Add \\\$200M in recurring revenue\*\*/);
    assert.deepEqual(hover!.range, { start: { line: 14, character: 27 }, end: { line: 14, character: 30 } });
  });

  test('hover on a reference that does not resolve: nothing', async () => {
    assert.equal(await hoverAt('odd.okr', odd.replace('aligns to revenu\n', 'aligns to rev$0enu\n')), null);
  });

  test('hover on a key result with an inferred metric: where it was read and the statement to write', async () => {
    const text = markdown(await hoverAt('sales.okr', sales.replace('kr conversion:', 'kr conv$0ersion:')));
    assert.ok(text.includes('*Metric inferred from the title:* "from 20 to 35%" → `from 20 to 35 %`'), text);
    assert.ok(text.includes('Write it out under the key result: `from 20 to 35 %`'), text);
    assert.ok(text.includes('*Value:* 29%, from 20 to 35 (check-in of 2026-02-14) · ▓▓▓▓▓▓░░░░ 60% done'), text);
    assert.ok(text.includes('*Newest check-in:* 2026-02-14 · 29%'), text);
  });

  test('hover on a key result: its newest check-in, with confidence and an escaped note', async () => {
    const text = markdown(await hoverAt('sales.okr', sales.replace('kr arr-east:', 'kr arr-$0east:')));
    assert.ok(text.includes('*Metric:* `target 80 $M`'), text);
    assert.ok(text.includes('*Newest check-in:* 2026-02-13 · 40 \\$M · confidence 0.7 — Two \\*big\\* deals \\<signed\\>'), text);
    assert.ok(text.includes('*Contributes to* `revenue.arr` Add \\$200M in recurring revenue'), text);
  });

  test('hover on a key result: a check-in dated after today does not count yet', async () => {
    const text = markdown(await hoverAt('sales.okr', sales.replace('kr arr-emea:', 'kr arr-e$0mea:')));
    assert.ok(text.includes('*Value:* 25 of 50 \\$M (check-in of 2026-02-12) · ▓▓▓▓▓░░░░░ 50% done · as of 2026-02-15 (okr.config.json)'), text);
    assert.ok(text.includes('*Newest check-in:* 2026-02-12 · 25 \\$M'), text);
    assert.ok(text.includes('*Not counted yet:* 1 check-in dated after today (2026-02-15): 2026-03-01'), text);
  });

  test('hover on a rollup: the arithmetic of the contributions', async () => {
    const text = markdown(await hoverAt('company.okr', company.replace('kr arr:', 'kr a$0rr:')));
    assert.ok(text.includes('**Rollup sum** of 3 contributions'), text);
    assert.ok(text.includes('- targets: us-east 80 + us-west 70 + emea 50 = 200 \\$M of 200 \\$M'), text);
    assert.ok(text.includes('- values: us-east 40 + us-west 35 + emea 25 = 100 \\$M'), text);
    assert.ok(text.includes('*Value:* 100 of 200 \\$M (sum of its contributions) · ▓▓▓▓▓░░░░░ 50% done'), text);
  });

  test('hover on a strategy: its title and what aligns to it', async () => {
    const text = markdown(await hoverAt('company.okr', company.replace('strategy ai-search:', 'strategy ai-$0search:')));
    assert.match(text, /^`ai-search` \*\(strategy\)\* \*\*Win the market for AI-powered search\*\*/);
    assert.ok(text.includes('**Aligned to it**\n- company: `revenue`\n- team: `markdown`'), text);
  });

  test('markdown in titles is escaped; problems of the objective are listed', async () => {
    const text = markdown(await hoverAt('odd.okr', odd.replace('objective markdown:', 'objective mark$0down:')));
    assert.ok(text.startsWith('`markdown` **Ship \\*fast\\* and \\[break\\] \\<b\\>things\\</b\\> \\_now\\_ \\`x\\`**'), text);
    assert.ok(!/[^\\][*_[<`]fast|<b>/.test(text.split('\n')[0]!.replace(/^`markdown` \*\*/, '').replace(/\*\*$/, '')), 'nothing of the title is read as Markdown');
    assert.match(text, /\*\*Problems\*\*\n- (⛔|⚠️|ℹ️|💡) `[a-z-]+` /);
  });

  test('hover never repeats the problem under the pointer (the editor shows it), and lists the block\'s others', async () => {
    const krHover = markdown(await hoverAt('vague.okr', vague.replace('kr fuzzy:', 'kr fu$0zzy:')));
    assert.ok(!krHover.includes('kr-not-measurable') && !krHover.includes('Problems'), krHover);
    const objectiveHover = markdown(await hoverAt('vague.okr', vague.replace('objective vague:', 'objective va$0gue:')));
    assert.ok(!objectiveHover.includes('`unaligned`'), objectiveHover);
    assert.match(objectiveHover, /\*\*Other problems\*\*\n- ℹ️ `kr-not-measurable` Key result `fuzzy` is not measurable/);
    assert.equal(objectiveHover.match(/not measurable/g)?.length, 1, 'once');
  });

  test('hover: an alignment cycle ends the story', async () => {
    const text = markdown(await hoverAt('odd.okr', odd.replace('objective loop-a:', 'objective loop$0-a:')));
    assert.ok(text.includes('**Story:** `loop-a` → `loop-b` → `loop-a` ↻ (cycle): a cycle, it never reaches a strategy'), text);
  });

  test('code lens on each objective and strategy: aligned count, progress and expected progress, showing references', async () => {
    const lenses = lensesOf('sales.okr');
    // okr.config.json pins today: every lens that shows progress says so.
    const asOf = ' · as of 2026-02-15 (okr.config.json)';
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
      [2, `3 aligned · 60% · expected 51%${asOf}`],
      [9, `0 aligned · 50% · expected 51%${asOf}`],
      [17, `0 aligned · 50% · expected 51%${asOf}`],
      [24, `0 aligned · 50% · expected 51%${asOf}`],
    ]);
    assert.equal(lenses[0]!.command!.command, 'okr.showReferences');
    assert.deepEqual(lenses[0]!.command!.arguments, [uri('sales.okr'), { line: 2, character: 10 }]);
    const companyLenses = lensesOf('company.okr');
    assert.deepEqual(companyLenses.map((l) => [l.range.start.line, l.command?.title]), [[1, '2 aligned'], [2, `1 aligned · 50% · expected 51%${asOf}`]]);
    const oddLenses = lensesOf('odd.okr');
    assert.equal(oddLenses.find((l) => l.range.start.line === 2)?.command?.title, `0 aligned · expected 51%${asOf}`, 'unknown progress is left out');
  });

  const labels = (hints: InlayHint[]) => hints.map((h) => [h.position.line, h.position.character, typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')]);
  const everything = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

  test('inlay hints: an inferred metric, progress, and a rollup sum', async () => {
    const hints = hintsOf('sales.okr', everything);
    const line = 'kr conversion: Up the conversion rate from 20 to 35%';
    assert.deepEqual(labels(hints).slice(0, 3), [
      [6, 2 + line.length, '≈ from 20 to 35 %'],
      [6, 2 + line.length, '60%'],
      [12, 2 + 'kr arr-east: Add $80M'.length, '50%'],
    ]);
    assert.ok(hints.every((h) => h.paddingLeft === true));
    assert.equal(hints[0]!.kind, 1, 'the inferred metric is a Type hint');
    assert.match((hints[0]!.tooltip as MarkupContent).value, /Metric inferred from the title \("from 20 to 35%"\)/);

    const companyHints = hintsOf('company.okr', everything);
    assert.deepEqual(labels(companyHints), [
      [6, 2 + 'kr arr: Add $200M in recurring revenue'.length, '50%'],
      [8, 4 + 'rollup sum'.length, '= 80 + 70 + 50 = 200 $M'],
    ]);
    assert.match((companyHints[1]!.tooltip as MarkupContent).value, /us-east 80 \+ us-west 70 \+ emea 50 = 200 \\\$M of 200 \\\$M/);
  });

  test('inlay hints: only within the requested range', async () => {
    const range = { start: { line: 8, character: 0 }, end: { line: 8, character: 40 } };
    const hints = hintsOf('company.okr', range);
    assert.deepEqual(labels(hints), [[8, 14, '= 80 + 70 + 50 = 200 $M']]);
  });
});
