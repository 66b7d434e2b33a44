// Counterexamples the fuzz properties found in the features, as plain tests (the ones of the core
// are in test/unit). Each one is the shrunk input, with the behaviour a user sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver';
import { parseOkr } from '../../server/src/core';
import { applyEdits } from './ranges';
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
