// A deep alignment chain over stdio: one file holding a chain of objectives, each aligned to the
// one before (`chainText`), opened in the built server; the time from `didOpen` to its first
// diagnostics. The analysis must stay linear in the depth of the chain. Not a test: it prints the
// times and fails only when the server breaks.
//   node esbuild.mjs && node bench/build.mjs && node dist/bench/chain.js [40000 …] [--rollups] [--cross-links] [--prof DIR] [--server PATH]
// --rollups, --cross-links: the chain again with a `rollup sum` at every step, or with an extra
// alignment to another owner's objective two above (`chainText`).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import { LspClient } from '../test/lsp/client';
import { BENCH_TODAY, chainText } from './generate';

const root = resolve(__dirname, '../..');
const argv = process.argv.slice(2);
const profAt = argv.indexOf('--prof');
const prof = profAt >= 0 ? argv[profAt + 1] : undefined;
const serverAt = argv.indexOf('--server');
/** The server to measure: the built one, or another build (`--server PATH`) to compare with. */
const server = serverAt >= 0 ? resolve(argv[serverAt + 1]!) : join(root, 'dist/server/node.js');
const sizes = argv.filter((a, i) => /^\d+$/.test(a) && (profAt < 0 || i !== profAt + 1)).map(Number);

/** The CPU time a process has used so far (user + system), in ms; NaN where /proc is not there. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/**
 * From opening a chain of `n` objectives to its first diagnostics: the wall-clock time, the CPU
 * time the server spent (what a busy machine does not inflate), and how many diagnostics.
 */
export async function chainToDiagnostics(n: number, serverArgs: string[] = [], shape: { rollups?: boolean; crossLinks?: boolean } = {}): Promise<{ ms: number; serverCpuMs: number; diagnostics: number; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'okr-chain-'));
  const text = chainText(n, shape);
  writeFileSync(join(dir, 'okr.config.json'), JSON.stringify({ today: BENCH_TODAY }));
  const client = new LspClient([process.execPath, ...serverArgs, server, '--stdio']);
  try {
    await client.initialize(dir);
    const uri = URI.file(join(dir, 'chain.okr')).toString();
    const pid = (client as unknown as { process: { pid?: number } }).process.pid;
    const cpuStart = cpuMs(pid);
    const start = performance.now();
    await client.open(uri, text);
    // The last objective has no key result: the analysis is done when that shows.
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((diagnostic) => diagnostic.code === 'no-key-results'), 120_000);
    return { ms: performance.now() - start, serverCpuMs: cpuMs(pid) - cpuStart, diagnostics: diagnostics.length, bytes: Buffer.byteLength(text) };
  } finally {
    if (serverArgs.length) {
      // A profiled server writes its profile as it exits: let it exit before it is killed.
      await client.connection.sendRequest('shutdown');
      await client.connection.sendNotification('exit');
      await new Promise((wake) => setTimeout(wake, 3000));
    }
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (not when bench.ts bundles it for W6).
if (/chain\.js$/.test(process.argv[1] ?? '')) {
  void (async () => {
    const shapes = [{}, ...(argv.includes('--rollups') ? [{ rollups: true }] : []), ...(argv.includes('--cross-links') ? [{ crossLinks: true }] : [])];
    for (const shape of shapes) {
      for (const n of sizes.length ? sizes : [1_000, 2_000, 4_000, 10_000, 40_000]) {
        const { ms, serverCpuMs, diagnostics, bytes } = await chainToDiagnostics(n, prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [], shape);
        const what = 'rollups' in shape ? ' with rollups' : 'crossLinks' in shape ? ' with cross links' : '';
        console.log(`chain of ${n} objectives${what} (${(bytes / 1e6).toFixed(1)} MB): first diagnostics after ${Math.round(ms)} ms, the server's CPU ${Math.round(serverCpuMs)} ms (${diagnostics} diagnostics)`);
      }
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
