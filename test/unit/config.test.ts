// okr.config.json: settings, clear problems for bad files, and suppression comments.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, rules, defaultConfig } from '../../server/src/core';
import { analyse } from './helpers';

const ruleIds = rules.map((r) => r.meta.id);
const problemsOf = (text: string) => parseConfig(text, ruleIds).problems.map((p) => `${text.slice(p.span.start, p.span.end)} → ${p.message}`);

describe('okr.config.json', () => {
  test('every setting is read', () => {
    const { config, problems } = parseConfig(
      `{
        // comments and trailing commas are fine
        "levels": ["company", "tribe", "squad"],
        "rules": { "catch-all": "error", "stale-checkin": "off" },
        "catchAll": { "phrases": ["keep the lights on"], "minAligned": 6, "minOwners": 2 },
        "staleCheckinDays": 7, "behindPacePoints": 30, "maxKeyResults": 4,
        "maxObjectivesPerOwner": 3, "maxAlignments": 2, "today": "2026-02-15",
      }`,
      ruleIds,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.levels, ['company', 'tribe', 'squad']);
    assert.deepEqual(config.rules, { 'catch-all': 'error', 'stale-checkin': 'off' });
    assert.deepEqual(config.catchAll, { phrases: ['keep the lights on'], minAligned: 6, minOwners: 2 });
    assert.equal(config.staleCheckinDays, 7);
    assert.equal(config.behindPacePoints, 30);
    assert.equal(config.maxKeyResults, 4);
    assert.equal(config.maxObjectivesPerOwner, 3);
    assert.equal(config.maxAlignments, 2);
    assert.equal(config.today, '2026-02-15');
  });

  test('an empty object means the defaults', () => {
    assert.deepEqual(parseConfig('{}', ruleIds), { config: defaultConfig, problems: [] });
  });

  test('broken JSON is a problem, never a crash, and the defaults apply', () => {
    const { config, problems } = parseConfig('{ "rules": { "catch-all": "off" ', ruleIds);
    assert.ok(problems.length >= 1);
    assert.match(problems[0]!.message, /not valid JSON/);
    assert.equal(problems[0]!.severity, 'error');
    assert.ok(config);
  });

  test('JSON that ends too early is marked on its last character, inside the file', () => {
    const text = '{ "rules": ';
    const { problems } = parseConfig(text, ruleIds);
    assert.ok(problems.length >= 1);
    for (const problem of problems) assert.deepEqual([problem.span.start, problem.span.end], [text.length - 1, text.length], problem.message);
    assert.deepEqual(parseConfig('', ruleIds).problems.map((p) => [p.span.start, p.span.end]), [[0, 0]]);
  });

  test('each bad value is pointed at and says what is expected; good values still apply', () => {
    const text = '{ "rules": { "catch-al": "off", "unaligned": "loud", "syntax": "warning" }, "levels": [], "staleCheckinDays": -1, "today": "someday", "color": 1 }';
    assert.deepEqual(problemsOf(text), [
      '"color" → Unknown setting "color": the settings are levels, rules, catchAll, staleCheckinDays, behindPacePoints, maxKeyResults, maxObjectivesPerOwner, maxAlignments, today',
      '[] → "levels" lists the levels top to bottom as ids, e.g. ["company", "department", "team", "individual"]',
      '"catch-al" → Unknown rule "catch-al": did you mean "catch-all"?',
      '"loud" → A rule is set to one of "off", "hint", "info", "warning", "error"',
      '-1 → "staleCheckinDays" is a number of days',
      '"someday" → "today" is a date, YYYY-MM-DD (leave it out to use the real date)',
    ]);
    assert.deepEqual(parseConfig(text, ruleIds).config.rules, { syntax: 'warning' });
  });

  test('a catch-all phrase of thousands of characters is refused, and the catch-all rules still run', () => {
    const long = `${'A'.repeat(8000)} and ${'Z'.repeat(8000)}`;
    const text = JSON.stringify({ catchAll: { phrases: ['keep the lights on', long] } });
    assert.deepEqual(problemsOf(text).map((p) => p.slice(p.indexOf(' → '))), [' → "phrases" are short phrases: 200 characters at most']);
    const { config } = parseConfig(text, ruleIds);
    assert.deepEqual(config.catchAll.phrases, defaultConfig.catchAll.phrases);
    // The limit keeps far from what the regular expression compiler cannot take.
    const ws = analyse({ 'a.okr': `objective o: ${'A'.repeat(200)}\n  kr: Something\n` }, parseConfig(JSON.stringify({ catchAll: { phrases: ['A'.repeat(200)] } }), ruleIds).config);
    assert.equal(ws.of('catch-all').length, 1);
  });

  test('a misspelt setting gets a did-you-mean', () => {
    assert.match(problemsOf('{ "level": ["a"] }')[0]!, /did you mean "levels"\?/);
  });

  test('a file that is not an object', () => {
    assert.match(problemsOf('[1, 2]')[0]!, /holds one object/);
  });
});

describe('# okr-disable-next-line', () => {
  const text = (directive: string) => `objective o: O\n${directive}\n  aligns to nowhere\n`;

  test('silences the named rule on the next line', () => {
    assert.deepEqual(analyse({ 'a.okr': text('  # okr-disable-next-line unknown-reference') }).of('unknown-reference'), []);
  });
  test('silences every rule when none is named; a reason after -- is allowed', () => {
    assert.deepEqual(analyse({ 'a.okr': text('  # okr-disable-next-line') }).of('unknown-reference'), []);
    assert.deepEqual(analyse({ 'a.okr': text('  # okr-disable-next-line catch-all, unknown-reference -- agreed in planning') }).of('unknown-reference'), []);
  });
  test('near miss: another rule named, or the directive two lines above', () => {
    assert.equal(analyse({ 'a.okr': text('  # okr-disable-next-line catch-all') }).of('unknown-reference').length, 1);
    assert.equal(analyse({ 'a.okr': `objective o: O\n  # okr-disable-next-line unknown-reference\n\n  aligns to nowhere\n` }).of('unknown-reference').length, 1);
  });
  test('syntax errors cannot be silenced', () => {
    assert.equal(analyse({ 'a.okr': 'objective o: O\n# okr-disable-next-line\n  levle team\n' }).of('syntax').length, 1);
  });
});
