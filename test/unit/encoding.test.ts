// Bytes → text (decodeText), the `encoding` rule, how invisible characters are named, and the
// limits that keep thousands of copies of an id or steps of a cycle from multiplying diagnostics.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, describeCharacter, firstInvalidUtf8, notText } from '../../server/src/core/encoding';
import { formatText, parseOkr } from '../../server/src/core';
import { analyse, uriOf } from './helpers';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeText', () => {
  test('UTF-8, with or without a byte order mark: the text, no encoding to report', () => {
    assert.deepEqual(decodeText(Buffer.from('objective größe: 😀\n')), { text: 'objective größe: 😀\n' });
    assert.deepEqual(decodeText(Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('period 2026')])), { text: 'period 2026' });
  });

  test('UTF-16 with a byte order mark, either byte order: decoded, and said so', () => {
    const text = 'strategy s: Straté🚀gie\n';
    assert.deepEqual(decodeText(Buffer.concat([bytes(0xff, 0xfe), Buffer.from(text, 'utf16le')])), { text, encoding: { name: 'utf-16le' } });
    const be = Buffer.from(text, 'utf16le').swap16();
    assert.deepEqual(decodeText(Buffer.concat([bytes(0xfe, 0xff), be])), { text, encoding: { name: 'utf-16be' } });
  });

  test('anything else that is not UTF-8: Windows-1252, with the first bad byte and where it is', () => {
    const decoded = decodeText(Buffer.from('objective größe: €\n', 'latin1'));
    assert.equal(decoded.text.slice(0, 15), 'objective größe');
    assert.deepEqual(decoded.encoding, { name: 'windows-1252', invalidAt: 12, invalidByte: 0xf6 });
    // Windows-1252, not ISO-8859-1: 0x80 is the euro sign.
    assert.equal(decodeText(bytes(0x41, 0x80)).text, 'A€');
    // One character per byte, so positions match an editor's: a UTF-8 é before the bad byte counts twice.
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from('é'), bytes(0xff)])).encoding, { name: 'windows-1252', invalidAt: 2, invalidByte: 0xff });
  });

  test('firstInvalidUtf8: overlong forms, surrogates, sequences cut short and stray continuation bytes', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('aé😀')), -1);
    assert.equal(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80)), 1, 'overlong');
    assert.equal(firstInvalidUtf8(bytes(0xe0, 0x80, 0x80)), 0, 'overlong, three bytes');
    assert.equal(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80)), 0, 'a surrogate');
    assert.equal(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80)), 0, 'past U+10FFFF');
    assert.equal(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82)), 1, 'cut short');
    assert.equal(firstInvalidUtf8(bytes(0x61, 0x80)), 1, 'a continuation byte alone');
  });
});

describe('describeCharacter', () => {
  test('visible characters are quoted; invisible ones are named by code point', () => {
    assert.equal(describeCharacter('!'), "the character '!'");
    assert.equal(describeCharacter('\u0000'), 'the NUL character (U+0000)');
    assert.equal(describeCharacter('\u001b'), 'the control character U+001B (ESC)');
    assert.equal(describeCharacter('\u0001'), 'the control character U+0001');
    assert.equal(describeCharacter('\u3000'), 'the character U+3000');
    assert.equal(describeCharacter('\ufffd'), 'the replacement character (U+FFFD)');
  });

  test('syntax messages name invisible characters instead of showing them', () => {
    const [problem] = parseOkr('objective o\u0000: T\n').problems;
    assert.equal(problem!.message, "Expected ':' but found the NUL character (U+0000)");
    assert.deepEqual(parseOkr('objective o: T\r  level team\n').problems, [], 'a lone CR is a line break');
    assert.match(parseOkr('level\u000bteam\n').problems[0]!.message, /^The control character U\+000B \(VT\) cannot stand here/);
  });
});

describe('encoding', () => {
  test('fires on a file read as Windows-1252, at its first byte that is not UTF-8', () => {
    const { text, encoding } = decodeText(Buffer.from('strategy s: Stratégie\n', 'latin1'));
    const ws = analyse({});
    ws.index.set(uriOf('a.okr'), text, encoding);
    const [problem] = ws.analyzer.analyse().problems.get(uriOf('a.okr'))!.filter((p) => p.rule === 'encoding');
    assert.deepEqual(problem!.span, { start: 17, end: 18 });
    assert.match(problem!.message, /^This file is not UTF-8 text \(byte 0xE9 here is not valid UTF-8\); the OKR checks read it as Windows-1252/);
  });

  test('fires on control and replacement characters in text and comments, once per line', () => {
    const ws = analyse({ 'a.okr': 'objective o: A\u0007B\u0007C\n  why: x # note \u0000\nobjective p: Gr\ufffde\n' });
    assert.deepEqual(ws.lines('encoding'), ['a.okr:1:15 encoding', 'a.okr:2:17 encoding', 'a.okr:3:16 encoding']);
  });

  test('a file that is not text: one diagnostic, at its first control character, and no other problem', () => {
    // An executable's start, read as Windows-1252: NULs, controls, a few letters, no line breaks.
    const elf = decodeText(Buffer.concat([bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, 0xd0, 0x67), Buffer.from('objective leaked: from the data\n  aligns to nowhere\n'), new Uint8Array(400)]));
    const ws = analyse({ 'user.okr': 'objective user: U\n  aligns to leaked\n' });
    ws.index.set(uriOf('binary.okr'), elf.text, elf.encoding);
    const problems = ws.analyzer.analyse().problems;
    assert.deepEqual(problems.get(uriOf('binary.okr'))!.map((p) => [p.rule, p.span.start]), [['encoding', 0]]);
    assert.match(problems.get(uriOf('binary.okr'))![0]!.message, /^This file is not text: 420 of its 478 characters are control characters or undecodable bytes, starting here with the control character U\+007F \(DEL\)\. It is probably binary data, or UTF-16 saved without a byte order mark/);
    assert.ok(problems.get(uriOf('user.okr'))!.some((p) => p.rule === 'unknown-reference'), 'nothing is read from it: not even an id that happens to be there');
    assert.equal(formatText(elf.text), elf.text, 'and the formatter leaves it alone');
  });

  test('UTF-16 saved without a byte order mark and compressed data are not text; plans with odd characters are', () => {
    assert.ok(notText(Buffer.from('objective o: O\n', 'utf16le').toString('latin1')));
    let seed = 7;
    const random = Buffer.from(Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)));
    assert.ok(notText(decodeText(random).text), 'random bytes, as compressed data is');
    assert.equal(notText('objective o: x\u0000\n'.repeat(30)), undefined, 'one NUL in 16 characters');
    // Control characters pasted into every title: 1 in 7 characters, yet the rest is plain text.
    assert.equal(notText('objective o: a\u0000b\u0007c\bd\u000be\ff\u001bg\n'.repeat(20)), undefined);
    // A Windows-1251 plan read as Windows-1252: letters in U+00C0–U+00FF, no control characters.
    assert.equal(notText(decodeText(Buffer.from('objective o: \xcf\xee\xe2\xfb\xf1\xe8\xf2\xfc \xe2\xfb\xf0\xf3\xf7\xea\xf3\n', 'latin1')).text), undefined);
    assert.equal(notText(''), undefined);
    // Only the first 8,192 characters are looked at.
    assert.equal(notText('objective o: O\n'.repeat(600) + '\u0000'.repeat(10_000)), undefined);
    assert.deepEqual(notText('\u0000'.repeat(10_000)), { at: 0, count: 8192, sample: 8192 });
  });

  test('after 20 lines, one more diagnostic counts the rest', () => {
    const ws = analyse({ 'a.okr': 'objective o: x\u0000\n'.repeat(30) });
    assert.equal(ws.of('encoding').length, 21);
    assert.match(ws.of('encoding')[20]!.message, /^10 more lines hold control or replacement characters/);
  });

  test('does not fire on UTF-8 text: tabs, CRLF, a byte order mark, emoji, no-break spaces', () => {
    const ws = analyse({ 'a.okr': '\ufeffobjective größe-😀: Grow\u00a0🚀\r\n\tlevel company\r\n' });
    assert.deepEqual(ws.of('encoding'), []);
  });

  test('a control character that breaks a statement is the syntax error only', () => {
    const ws = analyse({ 'a.okr': 'objective o: O\n  level te\u001bam\n' });
    assert.deepEqual(ws.lines('encoding', 'syntax'), ['a.okr:2:11 syntax']);
  });
});

describe('many copies', () => {
  test('10,000 objectives with one id: each is reported, linking at most 20 others; the first definition wins', () => {
    const files: Record<string, string> = {};
    for (let f = 9; f >= 0; f--) files[`dup-${f}.okr`] = 'objective dup: Copy\n'.repeat(1000);
    const ws = analyse(files);
    const duplicates = ws.of('duplicate-id');
    assert.equal(duplicates.length, 10_000);
    assert.ok(duplicates.every((p) => p.related!.length === 20));
    const first = ws.index.resolve('dup')!;
    assert.deepEqual([first.uri, first.node.span.start], [uriOf('dup-0.okr'), 0], 'by file, then position, whatever the loading order');
    // Replacing one file keeps the order: its definitions go back in their place.
    ws.index.set(uriOf('dup-0.okr'), 'objective dup: Copy\n'.repeat(2));
    assert.equal(ws.index.lookup('dup').length, 9002);
    assert.equal(ws.index.resolve('dup')!.uri, uriOf('dup-0.okr'));
  });

  test('a cycle through 30 objectives: each step links the 20 steps from itself on', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `objective o${i}: O\n  aligns to o${(i + 1) % 30}\n`);
    const ws = analyse({ 'a.okr': lines.join('') });
    const cycle = ws.of('alignment-cycle');
    assert.equal(cycle.length, 30);
    for (const problem of cycle) {
      assert.equal(problem.related!.length, 20);
      assert.equal(problem.related![0]!.span.start, problem.span.start, 'starting at the reported step');
    }
  });
});
