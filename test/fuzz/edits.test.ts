// Edits never lose text, over the samples and generated documents:
//  - formatting is idempotent and changes only whitespace; line endings and the BOM stay; range
//    formatting touches only the lines asked for;
//  - rename changes only the occurrences of the renamed id: undoing it by replacing the new id
//    with the old one gives back every file;
//  - a quick fix or refactoring inserts whole lines or replaces one word; every other line stays
//    as it was, line endings keep the document's style, and the fix breaks no line.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { formatText, parseOkr } from '../../server/src/core';
import { anyText, anyWorkspace, probe, probes, type Files } from './arbitraries';
import { probePosition } from './positions';
import { property } from './property';
import { Lines, applyEdits, problemsOf, show, type Range } from './ranges';
import { InProcessServer } from './server';

const URI = 'file:///ws/doc.okr';
const formatOptions = fc.record({ tabSize: fc.integer({ min: 1, max: 8 }), insertSpaces: fc.boolean() });

/** The text without any whitespace: what formatting must not change. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
/** The line breaks, in order, lone CRs included. */
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g) ?? [];

property('formatting: idempotent, whitespace only, line breaks and BOM kept', fc.record({ text: anyText, options: formatOptions }), async ({ text, options }) => {
  const once = formatText(text, options);
  assert.equal(formatText(once, options), once, 'formatting twice changes nothing more');
  assert.equal(squeeze(once), squeeze(text), 'only whitespace changes');
  assert.deepEqual(lineBreaks(once), lineBreaks(text), 'the line breaks stay');
  assert.equal(once.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'the BOM stays');

  // The same through the server: its edits, applied as an editor applies them.
  const server = new InProcessServer({ [URI]: text });
  const params = { textDocument: { uri: URI }, options };
  const edits = await server.request<TextEdit[]>('DocumentFormatting', params);
  assert.deepEqual(problemsOf(edits, URI, { [URI]: text }, { words: false }), []);
  assert.equal(applyEdits(text, edits), once);
  server.set(URI, once);
  assert.deepEqual(await server.request<TextEdit[]>('DocumentFormatting', params), [], 'a formatted document needs no edit');
}, { runs: 1500 });

property('range formatting: only the lines asked for change, and only in whitespace', fc.record({ text: anyText, options: formatOptions, from: fc.nat(), to: fc.nat() }), async ({ text, options, from, to }) => {
  const lines = new Lines(text);
  const [first, last] = [from % lines.count, to % lines.count].sort((a, b) => a - b) as [number, number];
  const server = new InProcessServer({ [URI]: text });
  const range: Range = { start: { line: first, character: 0 }, end: { line: last, character: lines.length(last) } };
  const edits = await server.request<TextEdit[]>('DocumentRangeFormatting', { textDocument: { uri: URI }, options, range });
  assert.deepEqual(problemsOf(edits, URI, { [URI]: text }, { words: false }), []);
  for (const edit of edits) assert.ok(edit.range.start.line >= first && edit.range.end.line <= last, `edit ${show(edit.range)} outside lines ${first}..${last}`);
  const formatted = applyEdits(text, edits);
  assert.equal(squeeze(formatted), squeeze(text), 'only whitespace changes');
  assert.deepEqual(lineBreaks(formatted), lineBreaks(text), 'the line breaks stay');
  assert.equal(formatText(formatted, options), formatText(text, options), 'formatting the rest gives the formatted document');
}, { runs: 1000 });

/** A name that no file holds, so that undoing the rename by text replacement is exact. */
function freshName(files: Files, base: string): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n}`;
    if (!Object.values(files).some((text) => text.includes(name))) return name;
  }
}

/** Each file's problems by rule and severity (their messages and places move with the name). */
function problemCounts(files: Files): Record<string, string[]> {
  const server = new InProcessServer(files);
  const published = server.publishDiagnostics();
  return Object.fromEntries([...published].map(([uri, list]) => [uri, list.map((d) => `${d.code} ${d.severity}`).sort()]));
}

property('rename: changes only the occurrences of the renamed id, and breaks or fixes nothing', fc.record({ workspace: anyWorkspace, at: probe, base: fc.constantFrom('renamed', 'Ñeu', 'x_y-z') }), async ({ workspace: { files }, at, base }) => {
  const server = new InProcessServer(files);
  const { uri, position } = probePosition(files, { ...at, onName: true });
  const prepared = await server.answer('PrepareRename', { textDocument: { uri }, position });
  if ('error' in prepared || !prepared.result) return; // Nothing to rename here.
  const { range: nameRange, placeholder: oldName } = prepared.result as { range: Range; placeholder: string };
  const newName = freshName(files, base);
  const edit = await server.request<WorkspaceEdit | null>('RenameRequest', { textDocument: { uri }, position, newName });
  assert.ok(edit?.changes, 'a name that prepareRename accepts is renamed');
  assert.deepEqual(problemsOf(edit, uri, files, { words: false }), []);
  assert.ok(edit.changes[uri]?.some((e) => show(e.range) === show(nameRange)), 'the name under the cursor is renamed');

  const renamed: Files = { ...files };
  for (const [changed, edits] of Object.entries(edit.changes)) {
    const text = files[changed]!;
    const lines = new Lines(text);
    for (const e of edits) {
      assert.equal(e.newText, newName);
      assert.equal(text.slice(lines.offset(e.range.start), lines.offset(e.range.end)), oldName, `edit ${show(e.range)} in ${changed} replaces something else than ${oldName}`);
    }
    renamed[changed] = applyEdits(text, edits);
  }
  for (const [changed, text] of Object.entries(renamed)) assert.equal(text.replaceAll(newName, oldName), files[changed], `undoing the rename gives back ${changed}`);

  // With no duplicate of the name (renaming one of two would end the duplicate-id problem), the
  // workspace has the same problems after the rename: no reference lost, none made.
  const duplicated = server.context.index.lookup(oldName).length > 1 || Object.values(files).some((text) => parseOkr(text).objectives.some((o) => o.keyResults.filter((k) => k.id?.text === oldName).length > 1));
  if (!duplicated) assert.deepEqual(problemCounts(renamed), problemCounts(files));
}, { runs: 1000, documents: ({ workspace }) => Object.keys(workspace.files).length });

/** Line-ending styles of a text: LF, CRLF, a lone CR. */
function styles(text: string): Set<string> {
  return new Set(lineBreaks(text));
}

const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

/** Whether `part` appears in `whole` in order (each line whole). */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let i = 0;
  for (const line of whole) if (i < part.length && line === part[i]) i++;
  return i === part.length;
}

property('code actions: insert whole lines or replace one word; every other line stays; no line broken', fc.record({ workspace: anyWorkspace, probes }), async ({ workspace: { files }, probes: at }) => {
  const server = new InProcessServer(files);
  const published = server.publishDiagnostics();
  const requests: { uri: string; range: Range; diagnostics: Diagnostic[] }[] = [];
  for (const [uri, diagnostics] of published) for (const diagnostic of diagnostics.slice(0, 15)) requests.push({ uri, range: diagnostic.range, diagnostics: [diagnostic] });
  for (const p of at) {
    const { uri, position } = probePosition(files, p);
    requests.push({ uri, range: { start: position, end: position }, diagnostics: [] });
  }
  for (const { uri, range, diagnostics } of requests) {
    const text = files[uri]!;
    const lines = new Lines(text);
    const actions = await server.request<CodeAction[]>('CodeAction', { textDocument: { uri }, range, context: { diagnostics } });
    for (const action of actions) {
      const where = `"${action.title}" in ${uri}`;
      assert.deepEqual(Object.keys(action.edit?.changes ?? {}), [uri], `${where}: edits its own document only`);
      assert.deepEqual(problemsOf(action, uri, files, { words: false }), [], where);
      const edits = action.edit!.changes![uri]!;
      let inserts = true;
      const before = linesOf(text);
      for (const e of edits) {
        const replaced = text.slice(lines.offset(e.range.start), lines.offset(e.range.end));
        if (replaced === '' && !/[\r\n]/.test(e.newText)) {
          // Text added within a line: only at its end (a `why:` written without its story gets one).
          assert.equal(e.range.start.character, before[e.range.start.line]?.length, `${where}: inserts ${JSON.stringify(e.newText)} inside a line`);
          inserts = false;
          continue;
        }
        if (replaced === '') continue;
        inserts = false;
        // One word as the lexer reads it (a BOM inside an id is part of the id).
        assert.match(replaced, /^[^ \t\r\n\u00A0]+$/u, `${where}: replaces ${JSON.stringify(replaced)}, more than one word`);
        assert.doesNotMatch(e.newText, /[\r\n]/, `${where}: a replacement breaks the line`);
      }
      const fixed = applyEdits(text, edits);
      const known = styles(text).size ? styles(text) : new Set(['\n']);
      for (const style of styles(fixed)) assert.ok(known.has(style), `${where}: brings ${JSON.stringify(style)} line endings into a document of ${JSON.stringify([...known])}`);
      const after = linesOf(fixed);
      if (inserts) assert.ok(isSubsequence(before, after), `${where}: a line of the document was changed:\n${JSON.stringify(edits)}`);
      else {
        assert.equal(after.length, before.length, `${where}: a replacement adds or removes lines`);
        const changed = new Set(edits.map((e) => e.range.start.line));
        before.forEach((line, i) => changed.has(i) || assert.equal(after[i], line, `${where}: line ${i} changed`));
        for (const e of edits) {
          const at = e.range.start.line;
          if (e.range.start.character === before[at]?.length && e.range.end.line === at && e.range.end.character === e.range.start.character) {
            assert.ok(after[at]!.startsWith(before[at]!), `${where}: line ${at} lost what it said`);
          }
        }
      }
      assert.ok(parseOkr(fixed).problems.length <= parseOkr(text).problems.length, `${where}: the fix adds a syntax problem:\n${JSON.stringify(fixed)}`);
    }
  }
}, { runs: 800, documents: ({ workspace }) => Object.keys(workspace.files).length });
