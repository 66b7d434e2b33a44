// Every sample workspace parses cleanly and resolves: no syntax error and no error-level
// problem. (The expected warnings and hints of each sample are checked by the analysis tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer, WorkspaceIndex, parseConfig, positionAt, rules } from '../../server/src/core';
import { readFolder, repoPath } from './helpers';

const samples = repoPath('samples');
const workspaces = readdirSync(samples, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

test('there are sample workspaces, each with several files', () => {
  assert.ok(workspaces.length >= 4, workspaces.join());
  for (const name of workspaces) assert.ok(readdirSync(join(samples, name)).filter((f) => f.endsWith('.okr')).length >= 2, name);
});

/** The whole samples/ folder is one workspace too (npm start opens it): ids must not collide. */
for (const scope of [...workspaces, '.']) {
  test(`samples/${scope}: no syntax error and no error-level problem`, () => {
    const index = new WorkspaceIndex();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.okr')) index.set(`file://${full}`, readFileSync(full, 'utf8'));
      }
    };
    walk(join(samples, scope));
    assert.ok(index.size > 0);
    const problems = [...new Analyzer(index).analyse().problems.values()].flat().filter((p) => p.severity === 'error');
    const described = problems.map((p) => `${p.uri}:${positionAt(index.get(p.uri)!.file.lineStarts, p.span.start).line + 1} ${p.rule} ${p.message}`);
    assert.deepEqual(described, []);
  });
}

/**
 * The golden file is samples/README.md itself: each workspace's section lists the diagnostics it
 * is expected to show (with samples/okr.config.json, which pins today's date). The analysis must
 * produce exactly those. `UPDATE_SAMPLES=1 npm run test:unit` rewrites the lists after a deliberate
 * change; review the diff.
 */
test('samples/README.md lists exactly the diagnostics each sample workspace shows', () => {
  const readmePath = repoPath('samples/README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const { config, problems: configProblems } = parseConfig(readFileSync(repoPath('samples/okr.config.json'), 'utf8'), rules.map((r) => r.meta.id));
  assert.deepEqual(configProblems, []);
  let updated = readme;
  for (const name of workspaces) {
    const files = readFolder(join(samples, name));
    const index = new WorkspaceIndex();
    for (const [file, text] of Object.entries(files)) index.set(`file:///${name}/${file}`, text);
    const analyzer = new Analyzer(index);
    analyzer.setConfig(config);
    const lines = [...analyzer.analyse().problems.values()]
      .flat()
      .map((p) => {
        const line = positionAt(index.get(p.uri)!.file.lineStarts, p.span.start).line + 1;
        return { file: p.uri.slice(`file:///${name}/`.length), line, text: `- \`${p.uri.slice(`file:///${name}/`.length)}:${line}\` ${p.severity} **${p.rule}**: ${p.message.replace(/\s+/g, ' ')}` };
      })
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.text.localeCompare(b.text))
      .map((l) => l.text);
    const block = `<!-- diagnostics:${name} -->\n${lines.length ? lines.join('\n') : '(none)'}\n<!-- /diagnostics -->`;
    const pattern = new RegExp(`<!-- diagnostics:${name} -->[\\s\\S]*?<!-- /diagnostics -->`);
    assert.match(readme, pattern, `samples/README.md has a <!-- diagnostics:${name} --> section`);
    updated = updated.replace(pattern, () => block);
  }
  if (process.env.UPDATE_SAMPLES) writeFileSync(readmePath, updated);
  else assert.equal(readme, updated, 'the samples show other diagnostics than samples/README.md lists (UPDATE_SAMPLES=1 to rewrite, then review)');
});
