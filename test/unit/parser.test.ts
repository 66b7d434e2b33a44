import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { okr, parse, slice, at, repoPath } from './helpers';
import { computeLineStarts, lineEndOf } from '../../server/src/core';
import { amountOf, formatAmount, parseUnit, sameDimension } from '../../server/src/core/model/units';

const company = okr`
  # company.okr
  period 2026-Q1
  level company
  owner @ceo

  strategy ai-search: Win the market for AI-powered search

  objective revenue: Generate $200M new recurring revenue from AI Search # the big one
    owner "Ada Lovelace"
    period 2026-H1
    aligns to ai-search, efficiency
    why: Revenue funds the strategy
    committed
    kr arr: Add $200M in recurring revenue
      from 0 to 200 $M
      rollup sum
      weight 2
      owner @cfo
      checkin 2026-01-31 40 confidence 0.6: Slow January, pipeline is strong
      checkin 2026-02-28 95
    kr: Have conversations with 80 new prospects
      target 80 prospects
      current 27
    kr uptime: Keep the search up
      keep above 99.9 %
    kr east: Add $80M from the east
      target $80M
      contributes to revenue.arr
`;

describe('parser: every statement', () => {
  const file = parse(company);

  test('a well-formed file has no problems', () => {
    assert.deepEqual(file.problems, []);
  });

  test('file header: period, level, owner', () => {
    assert.equal(file.header.period?.text, '2026-Q1');
    assert.equal(file.header.level?.text, 'company');
    assert.equal(file.header.owner?.text, '@ceo');
  });

  test('strategy with id and title, exact ranges', () => {
    const [strategy] = file.strategies;
    assert.equal(slice(company, strategy!.id.span), 'ai-search');
    assert.equal(slice(company, strategy!.title.span), 'Win the market for AI-powered search');
  });

  test('objective: id, title without its trailing comment, and every attribute', () => {
    const [objective] = file.objectives;
    assert.ok(objective);
    assert.equal(slice(company, objective.id.span), 'revenue');
    assert.equal(objective.title.text, 'Generate $200M new recurring revenue from AI Search');
    assert.equal(slice(company, objective.title.span), objective.title.text);
    assert.equal(objective.owner?.text, '"Ada Lovelace"');
    assert.equal(objective.period?.text, '2026-H1');
    assert.deepEqual(objective.alignsTo.map((r) => slice(company, r.span)), ['ai-search', 'efficiency']);
    assert.equal(objective.why?.text, 'Revenue funds the strategy');
    assert.equal(objective.commitment?.kind, 'committed');
    assert.equal(objective.keyResults.length, 4);
    assert.equal(file.comments.map((c) => c.text).join('|'), '# company.okr|# the big one');
  });

  test('key result: metric, rollup, weight, owner, check-ins with confidence and note', () => {
    const arr = file.objectives[0]!.keyResults[0]!;
    assert.equal(arr.id?.text, 'arr');
    assert.equal(arr.metric.from?.number.value, 0);
    assert.equal(arr.metric.target?.number.value, 200);
    assert.equal(arr.metric.target?.unit?.text, '$M');
    assert.ok(arr.rollupSum);
    assert.equal(arr.weight?.value, 2);
    assert.equal(arr.owner?.text, '@cfo');
    assert.equal(arr.checkins.length, 2);
    const [first, second] = arr.checkins;
    assert.equal(first!.date.text, '2026-01-31');
    assert.equal(first!.value?.number.value, 40);
    assert.equal(first!.confidence?.value, 0.6);
    assert.equal(first!.note?.text, 'Slow January, pipeline is strong');
    assert.equal(second!.note, undefined);
    assert.equal(slice(company, arr.blockSpan)?.split('\n').length, 7);
  });

  test('key result without id; target with unit word; current', () => {
    const kr = file.objectives[0]!.keyResults[1]!;
    assert.equal(kr.id, undefined);
    assert.equal(kr.title.text, 'Have conversations with 80 new prospects');
    assert.equal(kr.metric.target?.unit?.text, 'prospects');
    assert.equal(kr.metric.current?.number.value, 27);
  });

  test('keep above with %, currency prefix with scale, contributes to objective.kr', () => {
    const [, , uptime, east] = file.objectives[0]!.keyResults;
    assert.equal(uptime!.metric.keep?.direction, 'above');
    assert.equal(uptime!.metric.keep?.threshold?.number.value, 99.9);
    assert.equal(uptime!.metric.keep?.threshold?.unit?.text, '%');
    assert.equal(east!.metric.target?.prefix?.text, '$');
    assert.equal(east!.metric.target?.number.raw, '80M');
    assert.equal(east!.metric.target?.number.value, 80_000_000);
    assert.equal(slice(company, east!.contributesTo?.objective.span), 'revenue');
    assert.equal(slice(company, east!.contributesTo?.keyResult?.span), 'arr');
  });

  test('numbers: 10K, 1.5M, 35%, negative', () => {
    const f = parse(okr`
      objective o: Numbers
        kr a: a
          target 10K
        kr b: b
          target 1.5M signups
        kr c: c
          from -2.5 to 35%
    `);
    assert.deepEqual(f.problems, []);
    const [a, b, c] = f.objectives[0]!.keyResults;
    assert.equal(a!.metric.target?.number.value, 10_000);
    assert.equal(b!.metric.target?.number.value, 1_500_000);
    assert.equal(c!.metric.from?.number.value, -2.5);
    assert.equal(c!.metric.target?.unit?.text, '%');
  });

  test('periods: quarter, half, year, date range', () => {
    for (const period of ['2026-Q1', '2026-H2', '2026', '2026-01-01..2026-03-31']) {
      const f = parse(`period ${period}\n`);
      assert.deepEqual(f.problems, [], period);
      assert.equal(f.header.period?.text, period);
    }
  });

  test('aspirational, and keywords usable as ids', () => {
    const f = parse('objective target: Hit the target\n  aspirational\n  aligns to current\n');
    assert.deepEqual(f.problems, []);
    assert.equal(f.objectives[0]!.id.text, 'target');
    assert.equal(f.objectives[0]!.commitment?.kind, 'aspirational');
    assert.equal(f.objectives[0]!.alignsTo[0]!.objective.text, 'current');
  });
});

describe('parser: free text and comments', () => {
  test('`#42` stays in a title; `# ` starts a comment', () => {
    const f = parse('objective o: Fix bug #42 for good # tracked in the board\n');
    assert.equal(f.objectives[0]!.title.text, 'Fix bug #42 for good');
    assert.equal(f.comments[0]!.text, '# tracked in the board');
  });

  test('a `#` glued to the word before it is text: "C# driver", "F# support"; one standing apart starts a comment', () => {
    const f = parse('objective o: Ship the C# driver # for the Q3 review\n  kr k: F# support in the SDK#\n  why: Teams asked # twice\n');
    assert.equal(f.objectives[0]!.title.text, 'Ship the C# driver');
    assert.equal(f.objectives[0]!.keyResults[0]!.title.text, 'F# support in the SDK#');
    assert.equal(f.objectives[0]!.why?.text, 'Teams asked');
    assert.deepEqual(f.comments.map((c) => c.text), ['# for the Q3 review', '# twice']);
    assert.deepEqual(f.problems, []);
  });

  test('a comment after a structured statement', () => {
    const f = parse('objective o: T\n  level team # for now\n');
    assert.deepEqual(f.problems, []);
    assert.equal(f.objectives[0]!.level?.text, 'team');
  });

  test('titles keep unicode, emoji and colons exactly', () => {
    const text = 'objective ü: Größer werden 🚀: über alles\n';
    const f = parse(text);
    assert.deepEqual(f.problems, []);
    assert.equal(f.objectives[0]!.id.text, 'ü');
    assert.equal(f.objectives[0]!.title.text, 'Größer werden 🚀: über alles');
  });

  test('CRLF line endings and a BOM', () => {
    const text = '\uFEFFperiod 2026-Q1\r\nobjective o: Title\r\n  level team\r\n  kr k: Key\r\n    target 5\r\n';
    const f = parse(text);
    assert.deepEqual(f.problems, []);
    assert.equal(f.objectives[0]!.title.text, 'Title');
    assert.equal(slice(text, f.objectives[0]!.title.span), 'Title');
    assert.equal(f.objectives[0]!.keyResults[0]!.metric.target?.number.value, 5);
  });
});

describe('parser: recovery', () => {
  test('a broken line gives one clear problem and the next line parses', () => {
    const text = okr`
      objective o: Title
        aligns to
        level team
        kr k: Key
          target
          owner @me
    `;
    const f = parse(text);
    assert.equal(f.problems.length, 2);
    assert.match(f.problems[0]!.message, /Expected an id but found the end of the line/);
    assert.equal(at(text, f.problems[0]!.span.start), '2:11', 'at the end of the line, where the id is missing');
    assert.match(f.problems[1]!.message, /Expected .*number.* but found the end of the line/);
    assert.equal(f.objectives[0]!.level?.text, 'team');
    assert.equal(f.objectives[0]!.keyResults[0]!.owner?.text, '@me');
  });

  test('an unknown statement says which keyword was probably meant', () => {
    const f = parse('objective o: T\n  levle team\n  owner @me\n');
    assert.equal(f.problems.length, 1);
    assert.match(f.problems[0]!.message, /Unknown statement 'levle': did you mean `level`\?/);
    assert.equal(f.objectives[0]!.owner?.text, '@me');
  });

  test('garbage characters are one problem on their line', () => {
    const text = 'objective o: T\n  %%% !!\n  level team\n';
    const f = parse(text);
    assert.equal(f.problems.length, 1);
    assert.equal(at(text, f.problems[0]!.span.start), '2:3');
    assert.equal(f.objectives[0]!.level?.text, 'team');
  });

  test('an objective line without a colon still opens its block', () => {
    const f = parse('objective first: One\n  kr a: A\nobjective second Two words\n  level team\n');
    assert.equal(f.problems.length, 1);
    assert.match(f.problems[0]!.message, /Expected ':'/);
    assert.equal(f.objectives.length, 2);
    assert.equal(f.objectives[1]!.id.text, 'second');
    assert.equal(f.objectives[1]!.title.text, 'Two words');
    assert.equal(f.objectives[1]!.level?.text, 'team');
    assert.equal(f.objectives[0]!.level, undefined);
  });

  test('statements out of place say where they belong', () => {
    const f = parse('target 5\naligns to x\nkr a: A\nobjective o: T\n  target 5\n');
    assert.deepEqual(
      f.problems.map((p) => p.message.split(':')[0]),
      ['`target` cannot stand here', '`aligns to` cannot stand here', '`kr` cannot stand here', '`target` cannot stand here'],
    );
  });

  test('a missing title is reported, the block still opens', () => {
    const f = parse('objective o:\n  level team\n  kr k:   # later\n');
    assert.deepEqual(f.problems.map((p) => p.message), ["An objective needs a title after ':'", "A key result needs a title after ':'"]);
    assert.equal(f.objectives[0]!.level?.text, 'team');
    assert.equal(f.objectives[0]!.keyResults.length, 1);
  });

  test('an attribute given twice is reported', () => {
    const f = parse('objective o: T\n  level team\n  level company\n  kr k: K\n    target 5\n    from 1 to 2\n');
    assert.equal(f.problems.length, 2);
    assert.match(f.problems[0]!.message, /`level` is already given for objective o/);
    assert.match(f.problems[1]!.message, /already has a metric/);
    assert.equal(f.objectives[0]!.level?.text, 'team');
  });

  test('a character the lexer cannot read is one problem on its line, named in the message', () => {
    const text = 'period 2026-Q1\nobjective o: T\n\u000b com\u000bpany\n  level team\n';
    const f = parse(text);
    assert.deepEqual(f.problems.map((p) => `${at(text, p.span.start)} ${p.message}`), [
      '3:1 The control character U+000B (VT) cannot stand here: words are separated by spaces and tabs, and lines end with LF, CRLF or CR',
    ]);
    assert.equal(f.objectives[0]!.level?.text, 'team');
  });

  test('a lone CR ends a line, as LF and CRLF do (the Language Server Protocol counts all three)', () => {
    const text = 'period 2026-Q1\robjective o: T\r\n  level team\r  kr k: Reach 10 deals\n    target 10 deals\r';
    const f = parse(text);
    assert.deepEqual(f.problems, []);
    assert.deepEqual(computeLineStarts(text), [0, 15, 31, 44, 67, 87]);
    const [o] = f.objectives;
    assert.equal(o!.level?.text, 'team');
    assert.equal(o!.keyResults[0]!.id?.text, 'k');
    assert.equal(at(text, o!.keyResults[0]!.span.start), '4:3');
    assert.equal(lineEndOf(text, computeLineStarts(text), 0), 14);
    assert.equal(lineEndOf(text, computeLineStarts(text), 1), 29, 'before the CRLF');
    assert.equal(lineEndOf(text, computeLineStarts(text), 5), text.length);
  });

  test('a key result with neither a place nor a title is one problem: its place', () => {
    const f = parse('kr : #\nstrategy s: S\nkr:\n');
    assert.deepEqual(f.problems.map((p) => p.message.split(':')[0]), ['`kr` cannot stand here', '`kr` cannot stand here']);
  });

  test('half-typed lines never throw', () => {
    for (const line of ['objective', 'objective x', 'objective x:', 'kr', 'aligns', 'aligns to a,', 'aligns to a.', 'checkin', 'checkin 2026-01-01', 'from 1 to', 'keep', 'owner "unterminated', 'period 2026-', 'rollup', '"', ':', '..', '@']) {
      const f = parse(`objective o: T\n  kr k: K\n${line}\n`);
      assert.ok(f.problems.length <= 1, `${line}: ${JSON.stringify(f.problems)}`);
    }
  });
});

describe('units: one word, a currency, %, or a rate (`croissants per week`)', () => {
  const kr = (line: string) => {
    const f = parse(`period 2026-Q1\nobjective o: O\n  kr k: Bake\n    ${line}\n`);
    return { problems: f.problems.map((p) => p.message), metric: f.objectives[0]!.keyResults[0]!.metric };
  };

  test('a rate is read as one unit, whatever the spacing, with the base unit and what it is per', () => {
    const text = 'period 2026-Q1\nobjective o: O\n  kr k: Bake\n    target 500 croissants  per   week\n';
    const target = parse(text).objectives[0]!.keyResults[0]!.metric.target!;
    assert.equal(target.unit?.text, 'croissants per week');
    assert.equal(slice(text, target.unit?.span), 'croissants  per   week');
    assert.deepEqual(kr('from $10 per user to $12 per user').problems, []);
    assert.equal(amountOf(kr('from $10 per user to $12 per user').metric.target!).unit?.label, '$ per user');
    assert.equal(kr('target 5 per week').metric.target?.unit?.text, 'per week');
    assert.equal(kr('keep above 2 % per month').metric.keep?.threshold?.unit?.text, '% per month');
    assert.equal(kr('checkin 2026-01-05 300 croissants per week: good week').metric.target, undefined);
    assert.deepEqual(kr('checkin 2026-01-05 300 croissants per week confidence 0.8: good week').problems, []);
  });

  test('rates compare as units: singular or plural, scales convert, a rate never adds to its base unit', () => {
    assert.ok(sameDimension(parseUnit('croissants per week'), parseUnit('croissant per weeks')));
    assert.ok(sameDimension(parseUnit('$K per month'), parseUnit('$M per month')));
    assert.equal(parseUnit('$M per month').scale, 1e6);
    assert.ok(!sameDimension(parseUnit('croissants per week'), parseUnit('croissants')));
    assert.ok(!sameDimension(parseUnit('croissants per week'), parseUnit('croissants per day')));
    assert.equal(formatAmount(300, parseUnit('croissants per week')), '300 croissants per week');
    assert.equal(formatAmount(2, parseUnit('% per month')), '2% per month');
  });

  test('more words after a unit: one problem that says what a unit may be and how to write this one', () => {
    assert.deepEqual(kr('target 10 new signups').problems, ['`new signups` is not a unit: a unit is one word (`signups`), a currency (`$M`), `%`, or a rate (`croissants per week`). Write `new-signups`']);
    assert.match(kr('target 500 croissants a week').problems[0]!, /^`croissants a week` is not a unit: .* Write `croissants per week`$/);
    assert.match(kr('checkin 2026-01-05 300 new signups: ok').problems[0]!, /^`new signups` is not a unit/);
    assert.match(kr('target 5 signups per').problems[0]!, /^`signups per` needs what it is per: write a rate such as `signups per week`$/);
    assert.equal(kr('target 10 new signups').problems.length, 1);
  });

  test('the highlighting grammar colours a rate as a unit, and `to` still ends a quantity', () => {
    const grammar = JSON.parse(readFileSync(repoPath('syntaxes/okr.tmLanguage.json'), 'utf8'));
    const value = new RegExp(grammar.repository.value.patterns[0].match);
    const units = (text: string) => { const m = value.exec(text)!; return [m[1], ...[2, 3, 4, 5, 6].map((i) => m[i]).filter(Boolean)]; };
    assert.deepEqual(units('500 croissants per week'), ['500', 'croissants', 'per', 'week']);
    assert.deepEqual(units('12 $ per user'), ['12', '$', 'per', 'user']);
    assert.deepEqual(units('5 per week'), ['5', 'per', 'week']);
    assert.deepEqual(units('10 signups'), ['10', 'signups']);
    assert.deepEqual(units('3 to 10'), ['3']);
    for (const [name, scope] of Object.entries(grammar.repository.value.patterns[0].captures as Record<string, { name: string }>)) {
      if (name !== '1') assert.match(scope.name, /^keyword\.other\.unit/);
    }
  });
  test('the grammar ends a title where the parser does: at a `#` standing apart, not at `C#` or `#42`', () => {
    const grammar = JSON.parse(readFileSync(repoPath('syntaxes/okr.tmLanguage.json'), 'utf8'));
    const objective = new RegExp(grammar.repository.declaration.patterns[0].match);
    for (const line of ['objective o: Ship the C# driver # for the review', 'objective o: Fix #42 and C# # later', 'objective o: Plain title']) {
      assert.equal(objective.exec(line)![4]!.trimEnd(), parse(`${line}\n`).objectives[0]!.title.text, line);
    }
  });
});
