// `okr export --format markdown` and `--format mermaid` on the XSS workspace (every payload of
// test/preview/fixtures/xss-corpus.json in every place the language lets it go): read back as
// Markdown, and as Mermaid reads a graph, each title is its text again and nothing else: no HTML,
// image or link it made, no heading or list item it opened, no Mermaid label it ended, no
// directive or statement it started.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TreeKeyResult, TreeModel, TreeObjective } from '../../server/src/core/tree';
import { markupIn, readText, tokensOf } from '../markdown';
import { readCorpus, writeXssWorkspace } from '../preview/xss-workspace.mjs';

const repo = resolve(__dirname, '../../..');
const payloads = readCorpus(join(repo, 'test/preview/fixtures/xss-corpus.json'));
let dir: string;
let model: TreeModel;

function exported(format: string): string {
  const result = spawnSync(process.execPath, [join(repo, 'bin/okr.js'), 'export', '--format', format], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '', 'no rule failed');
  return result.stdout;
}

/** Objectives and key results in the order the exports write them (depth first, key results first). */
function nodesInOrder(): ({ objective: TreeObjective } | { kr: TreeKeyResult })[] {
  const out: ({ objective: TreeObjective } | { kr: TreeKeyResult })[] = [];
  const walk = (objective: TreeObjective) => {
    out.push({ objective });
    for (const kr of objective.keyResults) out.push({ kr });
    objective.children.forEach(walk);
  };
  for (const root of model.roots) root.children.forEach(walk);
  return out;
}

/** CommonMark reads U+0000 as U+FFFD: the one change a reader makes to text. */
const asRead = (text: string) => text.replace(/\0/g, '\uFFFD');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'okr-xss-export-'));
  writeXssWorkspace(dir, payloads);
  model = JSON.parse(exported('json')) as TreeModel;
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('okr export under the XSS corpus', () => {
  test('markdown: each heading and list item reads as its id and title, and nothing in it is markup', () => {
    const markdown = exported('markdown');
    const structure = ['heading_open', 'heading_close', 'bullet_list_open', 'bullet_list_close', 'list_item_open', 'list_item_close', 'strong_open', 'strong_close', 'em_open', 'em_close', 'code_inline'];
    assert.deepEqual(markupIn(markdown, structure), []);
    // Code spans are the export's own: key result ids, metrics, `via` keys.
    const own = new Set(nodesInOrder().flatMap((n) => ('kr' in n ? [n.kr.id, n.kr.metric] : [n.objective.viaKeyResult])).filter((x): x is string => !!x));
    assert.deepEqual(tokensOf(markdown).filter((t) => t.type === 'code_inline' && !own.has(t.content)).map((t) => t.content), []);

    const tokens = tokensOf(markdown);
    assert.equal(tokens.filter((t) => t.type === 'heading_open').length, model.roots.length + 1, 'one heading per root, no more');
    const items = markdown.split('\n').filter((line) => /^\s*- /.test(line));
    const nodes = nodesInOrder();
    assert.equal(tokens.filter((t) => t.type === 'list_item_open').length, nodes.length, 'one list item per objective and key result, no more');
    assert.equal(items.length, nodes.length);
    nodes.forEach((node, i) => {
      const read = readText(items[i]!.trim());
      const expected = 'objective' in node ? `${node.objective.id} ${node.objective.title}` : `KR ${node.kr.id ? `${node.kr.id} ` : ''}${node.kr.title}`;
      assert.ok(read.startsWith(asRead(expected).trimEnd()), `item ${i} reads ${JSON.stringify(read.slice(0, 200))}`);
    });
    for (const root of model.roots) {
      const heading = root.kind === 'strategy' ? `${root.id}: ${root.title} (strategy)` : root.title;
      assert.ok(markdown.split('\n').some((line) => line.startsWith('## ') && readText(line.slice(3)) === asRead(heading)), `heading ${heading.slice(0, 80)}`);
    }
  });

  test('mermaid: every line is a statement the export writes, no directive or comment, and each label decodes to its title', () => {
    const text = exported('mermaid');
    // As Mermaid finds directives before it parses (anywhere in the text, not only at the start).
    const directive = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
    assert.deepEqual(text.match(directive), null, 'no directive');
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['```mermaid', 'graph TD']);
    assert.deepEqual(lines.slice(-4), ['  classDef strategy fill:#eef,stroke:#557;', '  classDef catchall stroke:#c60,stroke-width:2px,stroke-dasharray:4;', '```', '']);

    // Labels hold no `"`, and every `#` opens a numeric entity code; Mermaid decodes those.
    // The export writes `id: title`; in the label text itself a `:` is an entity code too.
    const L = String.raw`((?:[^"#\x00-\x1f\x7f%<>&:;]|#\d+;)*)`;
    const node = new RegExp(String.raw`^  (n\d+)(?:\[\["${L}: ${L}"\]\]:::strategy|\["${L}: ${L}(<br/>\d+%)?"\](:::catchall)?|\(\("${L}"\)\))$`);
    const edge = /^ {2}(n\d+) (-->|-\.-\|enables\||==>\|contributes\||-\.->\|also\|) (n\d+)$/;
    const decode = (label: string) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    const labels: string[] = [];
    let edges = 0;
    for (const line of lines.slice(2, -4)) {
      const n = node.exec(line);
      if (n) {
        labels.push(n[2] !== undefined ? `${decode(n[2])}: ${decode(n[3]!)}` : n[4] !== undefined ? `${decode(n[4])}: ${decode(n[5]!)}` : decode(n[8]!));
        continue;
      }
      assert.ok(edge.test(line), `not a statement the export writes: ${line.slice(0, 200)}`);
      edges++;
    }
    const expected: string[] = [];
    const walk = (objective: TreeObjective) => {
      expected.push(`${objective.id}: ${objective.title}`);
      objective.children.forEach(walk);
    };
    for (const root of model.roots) {
      expected.push(root.kind === 'strategy' ? `${root.id}: ${root.title}` : root.title);
      root.children.forEach(walk);
    }
    assert.equal(labels.length, expected.length, 'one node per root and objective');
    labels.forEach((label, i) => assert.equal(label, expected[i]));
    assert.equal(edges, model.objectiveCount + model.links.filter((l) => l.kind !== 'enabling').length, 'one edge per objective and link');
  });
});
