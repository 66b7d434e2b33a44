// The formatter: canonical indentation and spacing; idempotent; never changes anything but
// whitespace; never touches a line it cannot read.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatEdits, formatText } from '../../server/src/core';
import { readFolder, repoPath } from './helpers';

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('formatter', () => {
  test('indents blocks and normalises spacing', () => {
    const messy = [
      'period   2026-Q1',
      '   objective revenue :   Grow revenue,  a lot   # big',
      'level company',
      '      aligns to   a ,b.k',
      'kr arr:Add $200M',
      'from 0   to 200 $M',
      ' checkin 2026-01-31   40  confidence 0.6 :  slow  January ',
      '        owner @cfo',
      '  why:   Because',
      '',
      'strategy   s: S',
    ].join('\n');
    assert.equal(
      formatText(messy),
      [
        'period 2026-Q1',
        'objective revenue: Grow revenue,  a lot # big',
        '  level company',
        '  aligns to a, b.k',
        '  kr arr: Add $200M',
        '    from 0 to 200 $M',
        '    checkin 2026-01-31 40 confidence 0.6: slow  January',
        '    owner @cfo',
        '  why: Because',
        '',
        'strategy s: S',
      ].join('\n'),
    );
  });

  test('trailing comments on consecutive lines line up one space after the longest line', () => {
    const messy = [
      'objective o: O',
      'kr k: K',
      'from 30 to 45 points   # surveyed in March',
      'weight 2 # counts double',
      '     owner @cs-lead  # with the support team',
      'current 40',
      'checkin 2026-01-31 35      # lone: one space',
      '',
      'kr k2: K2 # title, then a comment',
      '  # a comment on its own line ends the run',
      'target 5 # after it, a new run',
    ].join('\n');
    const formatted = [
      'objective o: O',
      '  kr k: K',
      '    from 30 to 45 points # surveyed in March',
      '    weight 2             # counts double',
      '    owner @cs-lead       # with the support team',
      '    current 40',
      '    checkin 2026-01-31 35 # lone: one space',
      '',
      '  kr k2: K2 # title, then a comment',
      '    # a comment on its own line ends the run',
      '    target 5 # after it, a new run',
    ].join('\n');
    assert.equal(formatText(messy), formatted);
    assert.equal(formatText(formatted), formatted);
  });

  test('a line left as it is ends a run of trailing comments; tabs count as the tab size', () => {
    const text = 'objective o: O\n  kr k: K\n    target 5 # a\n    levle    team # unreadable\n    weight 2 # b\n';
    assert.equal(formatText(text), text);
    assert.equal(
      formatText('objective o: O # x\nkr k: K # y\ntarget 5 # z\n', { insertSpaces: false, tabSize: 4 }),
      'objective o: O   # x\n\tkr k: K      # y\n\t\ttarget 5 # z\n', // 14, 4 + 7 and 8 + 8 columns
    );
  });

  test('range formatting aligns a line with the run it belongs to, lines outside the range included', () => {
    const text = 'objective o: O\n  kr k: K\n    target 5 # a\n    weight 2    # b\n    owner @cs-lead # c\n';
    const edits = formatEdits(text, {}, 3, 3);
    assert.deepEqual(
      edits.map((edit) => edit.newText),
      ['    weight 2       # b'],
    );
  });

  test('keeps `35%` and `$80M` tight, as written', () => {
    assert.equal(formatText('objective o: O\nkr k: K\nfrom 20 to 35%\n'), 'objective o: O\n  kr k: K\n    from 20 to 35%\n');
    assert.equal(formatText('objective o: O\n kr k: K\n target $80M\n'), 'objective o: O\n  kr k: K\n    target $80M\n');
  });

  test('own-line comments are indented like the statement after them', () => {
    assert.equal(formatText('objective o: O\n# about the kr\nkr k: K\n      # about the target\ntarget 5\n'), 'objective o: O\n  # about the kr\n  kr k: K\n    # about the target\n    target 5\n');
  });

  test('a line that does not parse is left exactly as it is', () => {
    const text = 'objective o: O\n      levle    team\n   level team\n';
    assert.equal(formatText(text), 'objective o: O\n      levle    team\n  level team\n');
  });

  test('a line with a character the lexer cannot read (a vertical tab) is left as it is', () => {
    assert.equal(formatText('\n    \nobjective o: O\n   level\u000bteam\n   kr k:K\n'), '\n\nobjective o: O\n   level\u000bteam\n  kr k: K\n');
  });

  test('a lone CR is a line break: its lines are formatted, and every line break stays as written', () => {
    assert.equal(formatText('\n\r    \robjective o: O\r   level team\r\n   kr k:\rK\n'), '\n\r\robjective o: O\r  level team\r\n  kr k:\rK\n');
    // Emptied, a line between a lone CR and an LF would join them into one CRLF: it keeps its spaces.
    assert.equal(formatText('objective o: O\r    \n  level team\n'), 'objective o: O\r    \n  level team\n');
  });

  test('a comment right after `:` gets one space, and formatting again keeps it one', () => {
    const once = formatText('objective o: O\n  kr:# (outputs, not outcomes): later\r\n  kr k:   \n');
    assert.equal(once, 'objective o: O\n  kr: # (outputs, not outcomes): later\r\n  kr k:\n');
    assert.equal(formatText(once), once);
  });

  test('CRLF stays CRLF, a BOM stays, tabs can be asked for', () => {
    assert.equal(formatText('\uFEFFobjective o: O\r\nlevel team\r\n'), '\uFEFFobjective o: O\r\n  level team\r\n');
    assert.equal(formatText('objective o: O\nkr k: K\ntarget 5\n', { insertSpaces: false }), 'objective o: O\n\tkr k: K\n\t\ttarget 5\n');
  });

  for (const [name, text] of Object.entries(readFolder(repoPath('samples')))) {
    test(`samples/${name}: formatting twice equals formatting once, and only whitespace changes`, () => {
      const once = formatText(text);
      assert.equal(formatText(once), once);
      assert.equal(squeeze(once), squeeze(text));
    });
  }
});
