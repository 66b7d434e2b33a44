// The samples are formatted as `okr fmt` formats them: the check a CI runs on its own OKRs, run here
// on the ones this repository ships, from the repository's root as a person would type it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../../..');

test('okr fmt --check samples/ finds nothing to reformat and exits 0', () => {
  const result = spawnSync(process.execPath, [join(repo, 'bin/okr.js'), 'fmt', '--check', 'samples/'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  assert.equal(result.stdout.match(/^would reformat .*$/gm), null, `files the formatter would change:\n${result.stdout}`);
  assert.match(result.stdout, /^0 files would be reformatted, 22 already formatted$/m);
  assert.equal(result.status, 0, result.stderr);
});
