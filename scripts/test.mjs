// `npm test`: type-checks, builds, then runs every suite — unit (core), LSP (the built server over
// stdio), the command line, property-based fuzzing (in process), the preview page in Chromium, the
// workbench's Quick Open and Search view, the extension host (VS Code for the web in headless
// Chromium) — and prints their counts. Exits
// non-zero when anything fails.
// `--skip-web` leaves out the suites that need Chromium.
import { spawn } from 'node:child_process';

const skipWeb = process.argv.includes('--skip-web');

const stages = [
  { name: 'typecheck', command: ['npx', 'tsc', '-p', '.'], counts: false },
  { name: 'build', command: ['node', 'esbuild.mjs'], counts: false },
  { name: 'build tests', command: ['node', 'scripts/build-tests.mjs'], counts: false },
  { name: 'unit', command: ['node', '--test', '--test-reporter=spec', 'dist/test/unit/'], counts: 'node' },
  { name: 'lsp', command: ['node', '--test', '--test-reporter=spec', 'dist/test/lsp/'], counts: 'node' },
  { name: 'cli', command: ['node', '--test', '--test-reporter=spec', 'dist/test/cli/'], counts: 'node' },
  // Property-based: generated and mutated documents through the parser, the analysis and every
  // feature (OKR_FUZZ_RUNS, OKR_FUZZ_SEED; `npm run fuzz` for a long run).
  { name: 'fuzz', command: ['node', '--test', '--test-reporter=spec', 'dist/test/fuzz/'], counts: 'node' },
  // Every test/preview/*.test.mjs, one file at a time: each builds dist/preview/ and drives its own Chromium.
  ...(skipWeb ? [] : [{ name: 'preview page', command: ['node', '--test', '--test-reporter=spec', '--test-concurrency=1', 'test/preview/'], counts: 'node' }]),
  // VS Code for the web as `npm start` serves it, driven in Chromium: Quick Open, the Search view.
  ...(skipWeb ? [] : [{ name: 'workbench', command: ['node', '--test', '--test-reporter=spec', 'test/workbench/'], counts: 'node' }]),
  ...(skipWeb ? [] : [{ name: 'extension host', command: ['node', 'scripts/test-web.mjs'], counts: 'web' }]),
  // Last: it rebuilds dist/ as production bundles.
  { name: 'package', command: ['node', 'scripts/check-package.mjs'], counts: false },
];

function run(stage) {
  return new Promise((resolve) => {
    console.log(`\n── ${stage.name}: ${stage.command.join(' ')}`);
    const child = spawn(stage.command[0], stage.command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream, out) => stream.on('data', (chunk) => { output += chunk; out.write(chunk); });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Counts from node's test runner summary (`# pass N`) or from the web runner's closing line. */
function countsOf(kind, output) {
  if (kind === 'node') {
    const spec = (name) => Number(/^ℹ (\w+) (\d+)$/m.test(output) ? (output.match(new RegExp(`^ℹ ${name} (\\d+)$`, 'm'))?.[1] ?? 0) : (output.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0));
    return { passed: spec('pass'), failed: spec('fail') };
  }
  const match = output.match(/extension-host: (\d+) passed, (\d+) failed/);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
}

const summary = [];
let failedStages = 0;
for (const stage of stages) {
  const started = Date.now();
  const { code, output } = await run(stage);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = stage.counts ? countsOf(stage.counts, output) : undefined;
  if (code !== 0) failedStages++;
  summary.push({ stage: stage.name, status: code === 0 ? 'ok' : `FAILED (exit ${code})`, ...counts, seconds });
  if (code !== 0 && !stage.counts) break; // Nothing to test without a build.
}

console.log('\n── summary');
let passed = 0;
let failed = 0;
for (const row of summary) {
  const counts = row.passed === undefined ? '' : `  ${row.passed} passed, ${row.failed} failed`;
  console.log(`${row.stage.padEnd(16)} ${row.status.padEnd(18)}${counts}  (${row.seconds}s)`);
  passed += row.passed ?? 0;
  failed += row.failed ?? 0;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedStages > 0 || failed > 0 ? 1 : 0);
