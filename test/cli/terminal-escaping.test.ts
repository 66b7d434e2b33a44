// Nothing but text reaches the terminal: `okr check` and `okr tree` (and the JSON formats) on the
// XSS workspace built from test/preview/fixtures/xss-corpus.json, and on one built the same way
// from test/cli/fixtures/terminal-corpus.json (CSI, OSC, DCS, C1 controls, BEL, backspace, bidi
// overrides… in titles, ids, owners, notes and file names). The output holds no control character
// but the line feed, and no bidi control; each title shows, escaped. With `--color` the only ESC
// bytes are the command line's own colours.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readCorpus, writeXssWorkspace } from '../preview/xss-workspace.mjs';
import { terminalText } from '../../server/src/cli/terminal';

const repo = resolve(__dirname, '../../..');
const corpora = {
  xss: readCorpus(join(repo, 'test/preview/fixtures/xss-corpus.json')),
  terminal: readCorpus(join(repo, 'test/cli/fixtures/terminal-corpus.json')),
};

/** Control characters (but LF), C1 controls, bidi controls and line separators. */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** The command line's own colours: SGR sequences with numbers only. */
const OWN_COLOURS = /\u001b\[\d+m/g;

function unsafeIn(text: string): string | undefined {
  const match = UNSAFE.exec(text);
  if (!match) return undefined;
  const at = match.index;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`;
}

function okr(dir: string, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [join(repo, 'bin/okr.js'), ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

for (const [name, payloads] of Object.entries(corpora)) {
  describe(`the ${name} corpus through okr check and okr tree: text only`, () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), `okr-terminal-${name}-`));
      writeXssWorkspace(dir, payloads);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const args of [['check'], ['tree'], ['check', '--format', 'json'], ['check', '--format', 'sarif'], ['export', '--format', 'json']]) {
      test(`okr ${args.join(' ')}: no control character but the line feed, no bidi control`, () => {
        const { stdout, stderr, status } = okr(dir, ...args);
        assert.ok(status === 0 || status === 1, stderr);
        assert.ok(stdout.length > 0);
        assert.equal(unsafeIn(stdout), undefined);
        assert.equal(unsafeIn(stderr), undefined);
        if (args.includes('json') || args.includes('sarif')) JSON.parse(stdout); // Escaped, and still JSON.
      });
    }

    test('okr tree: each title shows, escaped', () => {
      const { stdout } = okr(dir, 'tree');
      const missing = payloads.filter((p) => !stdout.includes(terminalText(p.text))).map((p) => p.name);
      assert.deepEqual(missing, []);
    });

    test('okr check and okr tree --color: the only ESC bytes are the command line\'s own colours', () => {
      for (const command of ['check', 'tree']) {
        const { stdout } = okr(dir, command, '--color');
        assert.match(stdout, OWN_COLOURS, 'colours are on');
        assert.equal(unsafeIn(stdout.replace(OWN_COLOURS, '')), undefined, command);
      }
    });

    test('the JSON output reads back as the text written', () => {
      const { stdout } = okr(dir, 'export', '--format', 'json');
      const titles = new Set<string>();
      const walk = (node: { title?: string; children?: unknown[]; keyResults?: unknown[] }) => {
        if (node.title) titles.add(node.title);
        for (const child of [...(node.children ?? []), ...(node.keyResults ?? [])]) walk(child as typeof node);
      };
      for (const root of (JSON.parse(stdout) as { roots: { children: unknown[] }[] }).roots) walk(root as never);
      const missing = payloads.filter((p) => !titles.has(p.text)).map((p) => p.name);
      assert.deepEqual(missing, []);
    });
  });
}

test('terminalText: each control character as its escape, the rest as written', () => {
  assert.equal(terminalText('a\u001b[2Jb\u0007\u009b\u202e\t\n\u00e9\u{1F3AF}'), 'a\\x1B[2Jb\\x07\\x9B\\u202E\\x09\\x0A\u00e9\u{1F3AF}');
});
