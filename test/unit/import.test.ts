// The import's pieces in process: cell values into the language's forms, and whatever text a cell
// holds written so that the parser reads it back as that text (titles, notes, owners, comments).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseOkr } from '../../server/src/core';
import { importOkrs, ImportError } from '../../server/src/import';
import { idFromTitle, oneLine, owner, parseDate, parseNumber, parsePeriodLabel, parseUnit, periodOfDates } from '../../server/src/import/values';

describe('import: cell values', () => {
  test('dates as spreadsheets write them', () => {
    assert.equal(parseDate('2026-01-15'), '2026-01-15');
    assert.equal(parseDate('2026-01-15T08:00:00Z'), '2026-01-15');
    assert.equal(parseDate('1/20/2026'), '2026-01-20');
    assert.equal(parseDate('20/1/2026'), '2026-01-20');
    assert.equal(parseDate('15-Jan-2026'), '2026-01-15');
    assert.equal(parseDate('Jan 15, 2026'), '2026-01-15');
    assert.equal(parseDate('2026-02-30'), undefined);
    assert.equal(parseDate('soon'), undefined);
  });

  test('numbers, units, periods', () => {
    assert.deepEqual(parseNumber('$1,100,000'), { value: 1100000, unit: { kind: 'currency', text: '$' } });
    assert.deepEqual(parseNumber('45%'), { value: 45, unit: { kind: 'percent', text: '%' } });
    assert.equal(parseNumber('1.5K')?.value, 1500);
    assert.equal(parseNumber('1,2,3'), undefined);
    assert.deepEqual(parseUnit('croissants per week'), { kind: 'word', text: 'croissants per week' });
    assert.deepEqual(parseUnit('USD'), { kind: 'currency', text: '$' });
    assert.equal(parseUnit('Number'), undefined);
    assert.deepEqual(parseUnit('new signups'), { kind: 'word', text: 'new-signups' });
    assert.equal(parsePeriodLabel('Q1 2026'), '2026-Q1');
    assert.equal(parsePeriodLabel('2026 H2'), '2026-H2');
    assert.equal(parsePeriodLabel('FY26 Q1'), undefined);
    assert.equal(periodOfDates('2026-04-01', '2026-06-30'), '2026-Q2');
    assert.equal(periodOfDates('2026-01-01', '2026-12-31'), '2026');
    assert.equal(periodOfDates('2026-01-15', '2026-04-30'), '2026-01-15..2026-04-30');
  });

  test('ids from titles: readable, starting with a letter', () => {
    assert.equal(idFromTitle('Grow revenue in EMEA'), 'grow-revenue-emea');
    assert.equal(idFromTitle('Build a $2,000,000 qualified pipeline'), 'build-2000000-qualified');
    assert.equal(idFromTitle('2026: the year of Ünïcode'), 'year-unicode');
    assert.equal(idFromTitle('!!!'), 'item');
  });

  test('any title, note and owner reads back as written', () => {
    const titles = ['Fix bug #42 for good', 'Pipeline # 2 is strong', 'Ends with #', 'Quotes "and" colons: fine', 'Tab\there', 'Two\nlines'];
    for (const title of titles) {
      const text = `objective o: ${oneLine(title)}\n  owner ${owner('Jane "JJ" Doe')}\n  kr k: x\n    checkin 2026-01-01 1: ${oneLine(title)}\n`;
      const file = parseOkr(text);
      assert.deepEqual(file.problems, [], text);
      const read = file.objectives[0]!.title.text.replace(/\u00a0/g, ' ');
      assert.equal(read, title.replace(/\s+/g, ' ').trim(), text);
      assert.equal(file.objectives[0]!.keyResults[0]!.checkins[0]!.note?.text.replace(/\u00a0/g, ' '), title.replace(/\s+/g, ' ').trim());
    }
    assert.equal(owner('jane@contoso.com'), '@jane@contoso.com');
    assert.equal(owner('Jane Doe <jane@contoso.com>'), '@jane@contoso.com');
    assert.equal(owner('Maria López'), '"Maria López"');
  });
});

describe('import: in process', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  test('a UTF-16 CSV with a byte order mark and semicolons', () => {
    const text = '\ufeffObjective;Key Result;Target\nGrow;Sell more;10\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text.slice(1)].map((c) => c.charCodeAt(0))).buffer)]);
    const result = importOkrs(utf16, 'plan.csv');
    assert.match(result.files[0]!.text, /objective grow: Grow\n {2}kr sell: Sell more\n {4}target 10\n/);
  });

  test('bad input throws ImportError, with the row', () => {
    assert.throws(() => importOkrs(bytes('Objective,Key Result\nGrow,"x\n'), 'a.csv'), (e: unknown) => e instanceof ImportError && /row 2/.test(e.message));
    assert.throws(() => importOkrs(bytes('Title,Type\nGrow,Banana\n'), 'a.csv'), /row 2: the Type "Banana" is not an objective, a key result or a deliverable/);
    assert.throws(() => importOkrs(bytes('Title\n'), 'a.csv'), /a header row but no rows/);
    assert.throws(() => importOkrs(bytes(''), 'a.csv'), /the file is empty/);
  });
});
