// What the command-line tests share: the repository's paths, `okr` run as a user runs it (node
// bin/okr.js, no colours), and golden files. Bundled into each test file (dist/test/cli/), so
// paths are found from there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repo = resolve(__dirname, '../../..');
export const samples = join(repo, 'samples');
export const bin = join(repo, 'bin/okr.js');

/** `okr ARGS` in `cwd` (samples/ by default): its exit code and output. */
export function okr(args: string[], cwd = samples): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Compares `actual` with test/cli/golden/NAME (written when missing, or with UPDATE_GOLDEN=1). */
export function golden(name: string, actual: string): void {
  const file = join(repo, 'test/cli/golden', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from test/cli/golden/${name} (UPDATE_GOLDEN=1 to rewrite, then review)`);
}
