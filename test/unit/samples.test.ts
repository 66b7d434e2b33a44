// Every sample workspace parses cleanly and resolves: no syntax error and no error-level
// problem. (The expected warnings and hints of each sample are checked by the analysis tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer, WorkspaceIndex, positionAt } from '../../server/src/core';
import { repoPath } from './helpers';

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
