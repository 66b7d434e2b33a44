// Hovers over the XSS workspace (every payload of test/preview/fixtures/xss-corpus.json in every
// place the language lets it go), from the built server: read as Markdown, no payload makes HTML,
// an image or a link, and the titles, notes and `why:` read back as written.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { markupIn, readText } from '../markdown';
import { readCorpus, writeXssWorkspace } from '../preview/xss-workspace.mjs';
import { LspClient, repoRoot, workspace } from './client';

const payloads = readCorpus(join(repoRoot, 'test/preview/fixtures/xss-corpus.json'));
/** CommonMark reads U+0000 as U+FFFD: the one change a reader makes to text. */
const asRead = (text: string) => text.replace(/\0/g, '\uFFFD');

describe('hover under the XSS corpus', () => {
  const ws = workspace();
  const { files } = writeXssWorkspace(ws.dir, payloads);
  const client = new LspClient();
  const logged: string[] = [];
  before(async () => {
    client.connection.onNotification('window/logMessage', ({ type, message }: { type: number; message: string }) => {
      if (type <= 2) logged.push(message);
    });
    await client.initialize(ws.dir);
    await client.diagnosticsFor(ws.uri(files[0]!));
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  /** The hover's Markdown on `word` in the first line of file `name` that starts with `line`. */
  async function hoverOn(name: string, line: string, word: string): Promise<string> {
    const text = readFileSync(join(ws.dir, name), 'utf8');
    const start = text.indexOf(`\n${line}`);
    assert.ok(start >= 0 && line.includes(word), `${line} in ${name}`);
    const offset = start + 1 + line.indexOf(word);
    const lines = text.slice(0, offset).split('\n');
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: ws.uri(name) },
      position: { line: lines.length - 1, character: lines[lines.length - 1]!.length },
    });
    assert.ok(hover, `a hover on ${word} in ${name}`);
    return (hover.contents as MarkupContent).value;
  }

  // What the hover writes itself: bold, italics, code for ids and rules, lists.
  const structure = ['strong_open', 'strong_close', 'em_open', 'em_close', 'code_inline', 'bullet_list_open', 'bullet_list_close', 'list_item_open', 'list_item_close'];

  test('objectives, strategies and key results: no markup from a payload; titles, why: and check-in notes read as written', async () => {
    const failures: string[] = [];
    for (let i = 0; i < payloads.length; i++) {
      const { name, text } = payloads[i]!;
      const n = String(i).padStart(3, '0');
      const file = files.find((f) => f.startsWith(`${n} `) || f === `${n}.okr`)!;
      const hovers = {
        objective: await hoverOn(file, `objective o${n}:`, `o${n}`),
        strategy: await hoverOn(file, `strategy s${n}:`, `s${n}`),
        keyResult: await hoverOn(file, '  kr k:', 'k:'),
        catchAll: await hoverOn(file, `objective w${n}:`, `w${n}`),
      };
      for (const [what, markdown] of Object.entries(hovers)) {
        for (const markup of markupIn(markdown, structure)) failures.push(`${name}, ${what}: ${markup}`);
      }
      const read = (markdown: string) => readText(markdown);
      const expectIn = (what: string, markdown: string, expected: string) => {
        if (!read(markdown).includes(asRead(expected))) failures.push(`${name}, ${what}: ${JSON.stringify(expected.slice(0, 80))} does not read back`);
      };
      expectIn('objective title', hovers.objective.split('\n')[0]!, `o${n} ${text}`);
      expectIn('objective why', hovers.objective, `Why: ${text}`);
      expectIn('strategy title', hovers.strategy.split('\n')[0]!, `s${n} (strategy) ${text}`);
      expectIn('key result title', hovers.keyResult.split('\n')[0]!, text);
      expectIn('check-in note', hovers.keyResult, `— ${text}`);
      if (!/\d/.test(text) && text.length <= 200) expectIn('catch-all reason', hovers.catchAll, `"${text}" is business as usual`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(logged, [], 'the server logged no error');
  });
});
