// `npm run judgement [-- --all] [-- FOLDER]`: builds the corpus scorer (test/judgement/) and prints
// how the wording rules agree with a coach's labels on real OKRs (../shared/real-okrs by default).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

await esbuild.build({
  entryPoints: ['test/judgement/report.ts'],
  outfile: 'dist/test/judgement/report.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  logLevel: 'warning',
  mainFields: ['module', 'main'],
});
const run = spawnSync(process.execPath, ['dist/test/judgement/report.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
