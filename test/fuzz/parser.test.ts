// The parser over generated and mutated documents: it never throws; every span it gives lies
// inside the text, on a position an editor can show; a name's span holds exactly that name; a
// broken line gives one diagnostic; and the same text always gives the same tree, whatever was
// parsed before (the parser instance is shared).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseOkr, type OkrFile, type Span } from '../../server/src/core';
import { anyText, okrText } from './arbitraries';
import { property } from './property';
import { Lines } from './ranges';

const NAMES = new Set(['id', 'objective', 'keyResult', 'owner', 'level', 'title', 'why', 'note', 'date', 'unit', 'prefix', 'learned', 'word', 'due', 'done', 'doneOn']);

/** Every span in the tree, with where it was found (and, for a name, the name). */
function spansOf(file: OkrFile): { path: string; span: Span; text?: string }[] {
  const found: { path: string; span: Span; text?: string }[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`));
    const object = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(object)) {
      if (key === 'span' || key === 'blockSpan' || key === 'keyword' || key === 'rollupSum') {
        const span = child as Span;
        // Names are kept as written (rename and navigation replace exactly their span); values such
        // as periods are normalised, so only names are compared with their text.
        const named = key === 'span' && typeof object.text === 'string' && NAMES.has(path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, ''));
        found.push({ path: `${path}.${key}`, span, text: named ? (object.text as string) : undefined });
      } else walk(child, `${path}.${key}`);
    }
  };
  walk(file, 'file');
  return found;
}

property('parseOkr: every span lies inside the text, on positions an editor can show', anyText, (text) => {
  const file = parseOkr(text);
  const lines = new Lines(text);
  assert.equal(file.textLength, text.length);
  assert.equal(file.lineStarts.length, lines.count, 'the parser counts the lines an editor counts');
  for (const { path, span } of spansOf(file)) {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length, `${path} ${JSON.stringify(span)} in a text of ${text.length}`);
    for (const offset of [span.start, span.end]) {
      // An offset between the CR and the LF of a line break is on no position of the editor's.
      assert.ok(!(text[offset - 1] === '\r' && text[offset] === '\n'), `${path} ${JSON.stringify(span)}: offset ${offset} splits a CRLF`);
    }
  }
}, { runs: 3000 });

property('parseOkr: an id, a reference, an owner, a level or a title is exactly the text its span covers', anyText, (text) => {
  for (const { path, span, text: written } of spansOf(parseOkr(text))) {
    if (written !== undefined) assert.equal(text.slice(span.start, span.end), written, `${path} ${JSON.stringify(span)}`);
  }
}, { runs: 3000 });

property('parseOkr: one broken line gives at most one syntax problem', okrText, (text) => {
  const file = parseOkr(text);
  const lines = new Lines(text);
  const perLine = new Map<number, string[]>();
  for (const problem of file.problems) {
    const line = lines.position(problem.span.start).line;
    perLine.set(line, [...(perLine.get(line) ?? []), problem.message]);
  }
  for (const [line, messages] of perLine) assert.ok(messages.length === 1, `line ${line} (${JSON.stringify(text.split('\n')[line])}) has ${messages.length} problems: ${messages.join(' | ')}`);
}, { runs: 3000 });

property('parseOkr: the same text gives the same tree, whatever was parsed before', fc.tuple(anyText, anyText), ([text, other]) => {
  const first = parseOkr(text);
  parseOkr(other);
  assert.deepStrictEqual(parseOkr(text), first);
}, { runs: 1500, documents: () => 2 });

