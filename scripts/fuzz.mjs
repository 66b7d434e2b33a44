// `npm run fuzz`: the properties of test/fuzz with many more inputs than in `npm test` (10,000 per
// property by default: several hundred thousand documents). Prints, per property, how many inputs
// and documents ran and how long it took, then each failure with its seed, the command that
// replays it and the shrunk counterexample. Exits 1 when a property fails.
// Usage: node scripts/fuzz.mjs [--runs N] [--seed S]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const runs = Number(option('runs', process.env.OKR_FUZZ_RUNS ?? 10_000));
const seed = Number(option('seed', process.env.OKR_FUZZ_SEED ?? Math.floor(Math.random() * 0x7fffffff)));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: node scripts/fuzz.mjs [--runs N] [--seed S]');
  process.exit(2);
}

const build = spawnSync('node', ['scripts/build-tests.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'okr-fuzz-'));
const reportFile = join(dir, 'report.jsonl');
console.log(`fuzz: ${runs} inputs per property, seed ${seed}`);
const started = Date.now();
const code = await new Promise((resolve) => {
  const child = spawn('node', ['--test', '--test-reporter=dot', 'dist/test/fuzz/'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, OKR_FUZZ_RUNS: String(runs), OKR_FUZZ_SEED: String(seed), OKR_FUZZ_REPORT: reportFile },
  });
  child.on('close', (status) => resolve(status ?? 1));
});
const seconds = (Date.now() - started) / 1000;

const reports = existsSync(reportFile) ? readFileSync(reportFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
rmSync(dir, { recursive: true, force: true });

const number = (n) => n.toLocaleString('en-US');
console.log(`\n${'property'.padEnd(90)}${'inputs'.padStart(10)}${'documents'.padStart(12)}${'time'.padStart(10)}  result`);
let documents = 0;
for (const r of reports) {
  documents += r.documents;
  const name = r.property.length > 89 ? `${r.property.slice(0, 88)}…` : r.property;
  console.log(`${name.padEnd(90)}${number(r.runs).padStart(10)}${number(r.documents).padStart(12)}${`${(r.milliseconds / 1000).toFixed(1)}s`.padStart(10)}  ${r.failure ? 'FAILED' : 'ok'}`);
}
const failures = reports.filter((r) => r.failure);
console.log(`\n${reports.length} properties, ${number(documents)} documents in ${seconds.toFixed(1)}s, ${failures.length} failed (seed ${seed})`);
for (const r of failures) {
  console.log(`\n── FAILED ${r.file}: ${r.property}`);
  console.log(`replay: OKR_FUZZ_SEED=${r.seed} OKR_FUZZ_PATH=${r.failure.path} node --test --test-name-pattern=${JSON.stringify(r.property)} dist/test/fuzz/${r.file}`);
  console.log(`shrunk ${r.failure.shrinks} times to: ${r.failure.counterexample}`);
  console.log(r.failure.error.split('\n').slice(0, 30).join('\n'));
}
if (reports.length === 0) console.log('no property reported: see the test output above');
process.exit(failures.length > 0 || code !== 0 || reports.length === 0 ? 1 : 0);
