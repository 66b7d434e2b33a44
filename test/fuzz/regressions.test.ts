// Counterexamples the fuzz properties found in the features, as plain tests (the ones of the core
// are in test/unit). Each one is the shrunk input, with the behaviour a user sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver';
import { parseOkr } from '../../server/src/core';
import { applyEdits } from './ranges';
import type { TreeModel } from '../../server/src/core';
import { InProcessServer } from './server';

test('"Write the metric out" after a key result line that ends with a lone CR adds no syntax problem', async () => {
  const uri = 'file:///ws/a.okr';
  const text = 'objective revenue: \nkr : Add $200M in recurring revenue\rObjective \r';
  const server = new InProcessServer({ [uri]: text });
  const actions = await server.request<CodeAction[]>('CodeAction', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } });
  const write = actions.find((action) => action.title === 'Write the metric out: target 200 $M');
  assert.ok(write, actions.map((a) => a.title).join());
  const fixed = applyEdits(text, write.edit!.changes![uri]!);
  // A lone CR is a line break: the new line goes before it, as before any other line break.
  assert.equal(fixed, 'objective revenue: \nkr : Add $200M in recurring revenue\n  target 200 $M\rObjective \r');
  assert.equal(parseOkr(fixed).problems.length, parseOkr(text).problems.length);
});

test('"Create objective" for an id of ideographic spaces gives the new objective a title', async () => {
  const uri = 'file:///ws/a.okr';
  const text = 'objective revenue: Add $200M in recurring revenue\naligns  to \u3000 ';
  const server = new InProcessServer({ [uri]: text });
  const diagnostic = server.publishDiagnostics().get(uri)!.find((d) => d.code === 'unknown-reference');
  assert.ok(diagnostic);
  const actions = await server.request<CodeAction[]>('CodeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const create = actions.find((action) => action.title === 'Create objective `\u3000`');
  assert.ok(create, actions.map((a) => a.title).join());
  const fixed = applyEdits(text, create.edit!.changes![uri]!);
  assert.equal(fixed, `${text}\n\nobjective \u3000: New objective\n`);
  assert.equal(parseOkr(fixed).problems.length, parseOkr(text).problems.length);
});

test('"Add a `why:` line" fills in a `why:` written without its story instead of adding a second one', async () => {
  const uri = 'file:///ws/a.okr';
  const text = 'objective top: Top\n  level company\nobjective side: Side\n  level department\n  aligns to top\nobjective mine: Mine\n  level department\n  aligns to top, side\n  why:';
  const server = new InProcessServer({ [uri]: text });
  const diagnostic = server.publishDiagnostics().get(uri)!.find((d) => d.code === 'missing-story');
  assert.ok(diagnostic, 'missing-story fires on the alignment to `side`');
  const actions = await server.request<CodeAction[]>('CodeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const add = actions.find((action) => action.title.startsWith('Add a `why:` line'));
  assert.ok(add, actions.map((a) => a.title).join());
  const fixed = applyEdits(text, add.edit!.changes![uri]!);
  assert.equal(fixed, `${text} How this enables side`);
  assert.equal(parseOkr(fixed).problems.length, 0);
});

test('the tree asked just before an edit is the tree of one moment: an objective added meanwhile is in both its count and its roots', async () => {
  const a = 'file:///ws/a.okr';
  const b = 'file:///ws/b.okr';
  const server = new InProcessServer({ [a]: 'objective one: One\n' });
  server.publishDiagnostics();
  const asked = server.request<TreeModel>('okr/tree', {});
  server.set(b, 'objective two: Two\n'); // Arrives while the request waits for its turn.
  const model = await asked;
  const listed = model.roots.flatMap((root) => root.children.map((child) => child.id));
  assert.equal(model.objectiveCount, listed.length, 'the count is of the objectives listed');
  assert.deepEqual(listed.sort(), ['one', 'two'], 'the tree of the latest texts when the request answered');
});

test('an analysis during the wait (which updates the graph in place) does not leak into an answer made from the snapshot before it', async () => {
  const a = 'file:///ws/a.okr';
  const b = 'file:///ws/b.okr';
  const server = new InProcessServer({ [a]: 'objective top: Top\n  level company\n', [b]: 'objective one: One\n  level team\n  aligns to top\n' });
  server.publishDiagnostics();
  const asked = server.request<TreeModel>('okr/tree', {});
  server.set(b, 'objective one: One\n  level department\n  aligns to top\n'); // The same shape: the graph is updated in place.
  await server.answer('Hover', { textDocument: { uri: a }, position: { line: 0, character: 11 } });
  const model = await asked;
  const one = model.roots.flatMap((root) => root.children).flatMap((top) => top.children).find((child) => child.id === 'one');
  assert.equal(one?.level, 'department');
});
