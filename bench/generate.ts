// A deterministic generator of synthetic OKR workspaces for the benchmarks (bench/bench.ts) and
// their smoke test. Same (n, seed, options) → the same files, byte for byte: a seeded PRNG
// (mulberry32), never Math.random, no clock.
//
// The shape of a big company:
//  - levels: a few company objectives (0.2 %, 3…40) → department (4 %) → team (20 %) → individual
//    (the rest); each level's objectives are spread over files of ~100 objectives
//    (`company.okr`, `department-001.okr`, `team-001.okr`, `individual-001.okr`, …);
//  - alignment: company objectives align to a strategy; the others' primary `aligns to` names an
//    objective (or one of its key results) one level up, children of one parent kept together so a
//    file is a slice of the tree; 10 % carry an extra link one level up (or to a strategy);
//    6 % enable an earlier objective of their own level instead, with a `why:` (a few without);
//  - key results: 3–4 per objective, with explicit metrics (`from … to … %`, `target N $M`,
//    `target N signups`, `keep above/below`), titles a metric can be read from, some with no
//    metric line at all (inferred from the title), `weight`, `owner`; check-ins with
//    confidence and notes, or `current`;
//  - summation: a third of the company objectives' revenue key results are `rollup sum`; their
//    department children contribute (`contributes to`) amounts that add up to the target;
//  - comments, `committed` / `aspirational`, a period override now and then;
//  - a few problems: unknown references (a misspelt parent id), catch-all wording ("Continue
//    improving our core product", with no measurable key result), key results with no metric.
// Today, for progress and staleness, is BENCH_TODAY: writeWorkspace pins it in okr.config.json.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const BENCH_TODAY = '2026-03-02';

export interface GenerateOptions {
  /** Objectives per file (default 100). `Infinity`: the whole workspace in one file, `all.okr`. */
  objectivesPerFile?: number;
  /** Whether to plant the few problems (default true). */
  problems?: boolean;
}

export interface GeneratedStats {
  objectives: number;
  keyResults: number;
  strategies: number;
  byLevel: Record<string, number>;
  files: number;
  bytes: number;
  /** The problems planted on purpose, by the rule that should report them. */
  planted: { unknownReference: string[]; catchAll: string[]; krWithoutMetric: string[] };
}

export interface GeneratedWorkspace {
  files: Map<string, string>;
  stats: GeneratedStats;
}

const LEVELS = ['company', 'department', 'team', 'individual'] as const;
const PREFIX = ['c', 'd', 't', 'i'];

/** mulberry32: a small, fast, good-enough PRNG with a 32-bit state. */
export function prng(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['search', 'revenue', 'checkout', 'onboarding', 'billing', 'mobile', 'payments', 'analytics', 'support', 'security', 'pricing', 'hiring', 'retention', 'docs', 'platform', 'latency', 'marketplace', 'partners', 'growth', 'quality'];
const REGIONS = ['US East', 'US West', 'EMEA', 'APAC', 'LATAM', 'the Nordics', 'Japan', 'Canada', 'DACH', 'India'];
const SEGMENTS = ['enterprise', 'mid-market', 'small business', 'developer', 'public sector', 'education', 'healthcare', 'retail'];
const PRODUCTS = ['AI Search', 'the mobile app', 'the data platform', 'the API', 'the admin console', 'self-serve checkout', 'the partner portal', 'the analytics suite'];
const STRATEGIES = [
  ['ai-search', 'Win the market for AI-powered search'],
  ['efficiency', 'Stay cost-efficient while we grow'],
  ['enterprise', 'Become the default choice of enterprise buyers'],
  ['platform', 'Turn the product into a platform others build on'],
  ['talent', 'Be the place where the best engineers want to work'],
  ['trust', 'Earn customer trust with security and reliability'],
  ['global', 'Grow outside North America'],
  ['self-serve', 'Let customers start without talking to sales'],
] as const;
const NOTES = [
  'Two enterprise deals signed',
  'Slow January, pipeline is strong',
  'Blocked on the security review',
  'Hiring is behind plan',
  'Launch moved by a week: #142 needs a fix',
  'Better than expected after the pricing change',
  'Data is from the new dashboard',
  'On track, nothing to report',
  'Two people out sick, catching up in March',
  'Partner integration went live',
];
const FIRST = ['maria', 'li', 'omar', 'anna', 'kenji', 'sofia', 'david', 'fatima', 'lucas', 'ines', 'noah', 'chen', 'aisha', 'jonas', 'elena', 'raj'];
const LAST = ['lopez', 'wang', 'haddad', 'berg', 'sato', 'rossi', 'kim', 'ali', 'silva', 'garcia', 'novak', 'okafor', 'meyer', 'dubois', 'patel', 'jensen'];
const FULL_NAMES = ['Maria Lopez', 'Dana Whitfield', 'Kenji Sato', 'Aisha Okafor', 'Jonas Berg', 'Elena Rossi', 'Raj Patel', 'Ines Dubois'];

interface KeyResultSpec {
  id?: string;
  title: string;
  lines: string[];
  /** For rollups: the amount in $M this key result contributes or targets. */
  money?: number;
  rollup?: boolean;
}

interface ObjectiveSpec {
  level: number;
  /** Index within its level. */
  index: number;
  id: string;
  slug: string;
  title: string;
  owner: string;
  period: string;
  /** Primary alignment first. */
  alignsTo: string[];
  /** The objective (by level and index) the primary alignment names, for rollups. */
  parent?: ObjectiveSpec;
  enabling: boolean;
  why?: string;
  commitment?: 'committed' | 'aspirational';
  keyResults: KeyResultSpec[];
  comment?: string;
  catchAll: boolean;
  /** The money key result children contribute to (`rollup sum`). */
  rollupKr?: KeyResultSpec;
}

/** The whole workspace as file name → text. */
export function generateWorkspace(n: number, seed = 1, options: GenerateOptions = {}): Map<string, string> {
  return generate(n, seed, options).files;
}

/** The workspace and what it holds (counts, the planted problems). */
export function generate(n: number, seed = 1, options: GenerateOptions = {}): GeneratedWorkspace {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const chance = (p: number) => rand() < p;
  const perFile = options.objectivesPerFile ?? 100;
  const withProblems = options.problems ?? true;
  const planted: GeneratedStats['planted'] = { unknownReference: [], catchAll: [], krWithoutMetric: [] };

  // ── How many at each level ──────────────────────────────────────────────────────────────────
  const total = Math.max(1, Math.floor(n));
  const company = Math.min(total, Math.max(3, Math.min(40, Math.round(total * 0.002))));
  const department = Math.min(total - company, Math.round(total * 0.04));
  const team = Math.min(total - company - department, Math.round(total * 0.2));
  const individual = total - company - department - team;
  const counts = [company, department, team, individual];
  const strategyCount = Math.max(2, Math.min(STRATEGIES.length, Math.round(company / 3)));
  const strategies = STRATEGIES.slice(0, strategyCount);

  // ── Objectives, level by level ──────────────────────────────────────────────────────────────
  const levels: ObjectiveSpec[][] = [];
  for (let level = 0; level < 4; level++) {
    const list: ObjectiveSpec[] = [];
    const above = level > 0 ? levels[level - 1]! : [];
    for (let index = 0; index < counts[level]!; index++) {
      const slug = pick(AREAS);
      const id = `${PREFIX[level]}${index + 1}-${slug}`;
      const spec: ObjectiveSpec = {
        level,
        index,
        id,
        slug,
        title: objectiveTitle(level, slug, pick, int),
        owner: ownerOf(level, index, pick),
        period: level === 0 ? '2026' : '2026-Q1',
        alignsTo: [],
        enabling: false,
        keyResults: [],
        catchAll: false,
      };
      if (level === 3 && chance(0.02)) spec.period = '2026-01-05..2026-02-27';
      if (chance(0.08)) spec.commitment = chance(0.5) ? 'committed' : 'aspirational';
      if (chance(0.03)) spec.comment = pick(['# reviewed with the leadership team', '# TODO: confirm the baseline with finance', '# carried over from last quarter']);

      // Primary alignment.
      if (level === 0 || above.length === 0) {
        spec.alignsTo.push(strategies[index % strategies.length]![0]);
      } else if (index > 0 && chance(0.06)) {
        // Enabling: an earlier objective of the same level (earlier → no cycle), with its story.
        const target = list[Math.max(0, index - int(1, 150))]!;
        spec.alignsTo.push(target.id);
        spec.parent = target;
        spec.enabling = true;
        if (!chance(0.05)) spec.why = `${cap(target.slug)} cannot move without ${spec.slug} work from this team`;
      } else {
        // Children of one parent together: an even spread, a few strays.
        const parentIndex = chance(0.05) ? int(0, above.length - 1) : Math.min(above.length - 1, Math.floor((index * above.length) / counts[level]!));
        const parent = above[parentIndex]!;
        spec.parent = parent;
        spec.alignsTo.push(parent.id); // a key result of it is chosen below, once it has some
      }
      // An extra link one level up, or to a strategy.
      if (chance(0.1)) {
        const extra = level === 0 || above.length < 2 ? strategies[(index + 1) % strategies.length]![0] : above[int(0, above.length - 1)]!.id;
        if (!spec.alignsTo.includes(extra)) {
          spec.alignsTo.push(extra);
          // Another owner's branch: that is enabling too, and it deserves its story.
          if (!spec.why && level > 0 && chance(0.8)) spec.why = `Our ${spec.slug} work also unblocks ${extra}`;
        }
      }
      list.push(spec);
    }
    levels.push(list);
  }

  // ── Key results ─────────────────────────────────────────────────────────────────────────────
  for (const list of levels) {
    for (const spec of list) {
      const count = int(3, 4);
      const used = new Set<string>();
      for (let k = 0; k < count; k++) spec.keyResults.push(keyResult(spec, k, used, rand, pick, int, chance));
    }
  }
  // Primary alignments to a key result of the parent (20 %).
  for (const list of levels) {
    for (const spec of list) {
      if (!spec.parent || spec.enabling || !chance(0.2)) continue;
      const kr = spec.parent.keyResults.find((k) => k.id);
      if (kr) spec.alignsTo[0] = `${spec.parent.id}.${kr.id}`;
    }
  }

  // ── Rollups: a third of the company objectives' revenue is the sum of their departments' ──────
  for (const parent of levels[0]!) {
    if (parent.index % 3 !== 0) continue;
    const children = (levels[1] ?? []).filter((c) => c.parent === parent && !c.enabling);
    if (children.length === 0) continue;
    let sum = 0;
    const krId = 'arr';
    for (const child of children) {
      const amount = int(2, 40);
      sum += amount;
      child.keyResults.unshift({
        id: uniqueId('arr-share', child.keyResults),
        title: `Add $${amount}M in recurring revenue from ${pick(SEGMENTS)} customers`,
        lines: [`target ${amount} $M`, `contributes to ${parent.id}.${krId}`, ...checkins(amount, 0, rand, pick, int, chance)],
        money: amount,
      });
    }
    parent.keyResults = parent.keyResults.filter((k) => k.id !== krId);
    parent.keyResults.unshift({
      id: krId,
      title: `Add $${sum}M in new recurring revenue`,
      lines: [`from 0 to ${sum} $M`, 'rollup sum'],
      money: sum,
      rollup: true,
    });
    if (parent.keyResults.length > 5) parent.keyResults.length = 5;
  }
  for (const list of levels) for (const spec of list) if (spec.keyResults.length > 5) spec.keyResults.length = 5;

  // ── The planted problems ────────────────────────────────────────────────────────────────────
  if (withProblems) {
    const all = levels.flat();
    // Unknown references: a misspelt parent id (about 1 objective in 150, at least one).
    for (const spec of all) {
      if (spec.level === 0 || !(spec.index % 150 === 7 || (all.length < 150 && spec === all[all.length - 1]))) continue;
      const primary = spec.alignsTo[0]!.split('.')[0]!;
      const misspelt = `${primary.slice(0, -2)}${primary.slice(-1)}${primary.slice(-2, -1)}x`;
      spec.alignsTo[0] = misspelt;
      planted.unknownReference.push(misspelt);
    }
    // Catch-all wording (about 1 department or team objective in 200, at least one).
    // Never one whose key results others add into (that would break a rollup's arithmetic).
    const candidates = all.filter((s) => (s.level === 1 || s.level === 2) && !s.keyResults.some((kr) => kr.money !== undefined));
    candidates.forEach((spec, i) => {
      if (i % 200 !== 11 && !(candidates.length <= 11 && i === 0)) return;
      spec.title = pick(['Continue improving our core product', 'Keep the lights on', 'Sell more of our core product', 'Do our job as usual']);
      spec.catchAll = true;
      spec.rollupKr = undefined;
      spec.keyResults = [
        { id: 'happy', title: 'Customers are happy with the product', lines: [] },
        { id: 'smooth', title: 'Operations run smoothly', lines: [] },
        { id: 'quality-bar', title: 'The team keeps a high quality bar', lines: [] },
      ];
      planted.catchAll.push(spec.id);
    });
    // Whatever aligned to one of their former key results now aligns to the objective itself.
    const catchAlls = new Set(planted.catchAll);
    for (const spec of all) {
      const [objective, kr] = spec.alignsTo[0]!.split('.');
      if (kr && catchAlls.has(objective!)) spec.alignsTo[0] = objective!;
    }
    // Key results with no metric, written nor readable from the title (1 % of the others).
    for (const spec of all) {
      if (spec.catchAll || spec.index % 97 !== 13) continue;
      // The last one: primary alignments name a first key result, never the last.
      const k = spec.keyResults.length - 1;
      const last = spec.keyResults[k]!;
      if (last.rollup || last.money !== undefined) continue;
      spec.keyResults[k] = { title: pick(['Improve the onboarding experience', 'Make the dashboards easier to read', 'Strengthen the relationship with partners']), lines: [] };
      planted.krWithoutMetric.push(spec.id);
    }
  }

  // ── Files ───────────────────────────────────────────────────────────────────────────────────
  const files = new Map<string, string>();
  const chunks: { name: string; objectives: ObjectiveSpec[] }[] = [];
  if (!Number.isFinite(perFile)) {
    chunks.push({ name: 'all.okr', objectives: levels.flat() });
  } else {
    const size = Math.max(1, Math.floor(perFile));
    for (let level = 0; level < 4; level++) {
      const list = levels[level]!;
      if (level === 0) {
        chunks.push({ name: 'company.okr', objectives: list });
        continue;
      }
      const fileCount = Math.ceil(list.length / size);
      for (let f = 0; f < fileCount; f++) {
        const from = Math.floor((f * list.length) / fileCount);
        const to = Math.floor(((f + 1) * list.length) / fileCount);
        chunks.push({ name: `${LEVELS[level]}-${String(f + 1).padStart(fileCount >= 1000 ? 4 : 3, '0')}.okr`, objectives: list.slice(from, to) });
      }
    }
  }
  let keyResults = 0;
  let bytes = 0;
  chunks.forEach((chunk, c) => {
    const text = fileText(chunk.objectives, c === 0 ? strategies : [], chunk.name);
    keyResults += chunk.objectives.reduce((sum, o) => sum + o.keyResults.length, 0);
    bytes += text.length;
    files.set(chunk.name, text);
  });
  return {
    files,
    stats: {
      objectives: total,
      keyResults,
      strategies: strategies.length,
      byLevel: Object.fromEntries(LEVELS.map((l, i) => [l, counts[i]!])),
      files: files.size,
      bytes,
      planted,
    },
  };
}

/** Writes the workspace (and an okr.config.json pinning today) to `dir`, a new temp folder by default. */
export function writeWorkspace(files: Map<string, string>, dir = mkdtempSync(join(tmpdir(), 'okr-bench-')), config: object | false = { today: BENCH_TODAY }): string {
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  if (config) writeFileSync(join(dir, 'okr.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

/** One `.okr` text of about `bytes` characters (a whole workspace in one file). */
export function generateText(bytes: number, seed = 1): { text: string; objectives: number } {
  const sample = generate(1000, seed, { objectivesPerFile: Infinity }).files.get('all.okr')!;
  let objectives = Math.max(1, Math.round((bytes / sample.length) * 1000));
  let text = generate(objectives, seed, { objectivesPerFile: Infinity }).files.get('all.okr')!;
  // One correction step: sizes are not quite linear in n (rollups, file headers).
  objectives = Math.max(1, Math.round((objectives * bytes) / text.length));
  text = generate(objectives, seed, { objectivesPerFile: Infinity }).files.get('all.okr')!;
  return { text, objectives };
}

// ── Text ──────────────────────────────────────────────────────────────────────────────────────

function fileText(objectives: ObjectiveSpec[], strategies: readonly (readonly [string, string])[], name: string): string {
  const level = mostCommon(objectives.map((o) => o.level)) ?? 0;
  const period = mostCommon(objectives.map((o) => o.period)) ?? '2026-Q1';
  const out: string[] = [];
  out.push(`# ${name}: generated by bench/generate.ts`);
  out.push(`period ${period}`);
  out.push(`level ${LEVELS[level]}`);
  out.push('');
  for (const [id, title] of strategies) out.push(`strategy ${id}: ${title}`);
  if (strategies.length) out.push('');
  for (const o of objectives) {
    if (o.comment) out.push(o.comment);
    out.push(`objective ${o.id}: ${o.title}`);
    if (o.level !== level) out.push(`  level ${LEVELS[o.level]}`);
    out.push(`  owner ${o.owner}`);
    if (o.period !== period) out.push(`  period ${o.period}`);
    out.push(`  aligns to ${o.alignsTo.join(', ')}`);
    if (o.why) out.push(`  why: ${o.why}`);
    if (o.commitment) out.push(`  ${o.commitment}`);
    for (const kr of o.keyResults) {
      out.push(kr.id ? `  kr ${kr.id}: ${kr.title}` : `  kr: ${kr.title}`);
      for (const line of kr.lines) out.push(`    ${line}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

function objectiveTitle(level: number, slug: string, pick: <T>(list: readonly T[]) => T, int: (lo: number, hi: number) => number): string {
  const templates: (() => string)[] = [
    () => `Make ${pick(PRODUCTS)} the first choice of ${pick(SEGMENTS)} teams`,
    () => `Win ${pick(SEGMENTS)} customers in ${pick(REGIONS)}`,
    () => `Cut the cost of ${slug} without slowing delivery`,
    () => `Delight ${pick(SEGMENTS)} users with faster ${slug}`,
    () => `Ship a ${slug} experience customers rave about`,
    () => `Turn ${slug} into a competitive advantage`,
    () => `Launch ${pick(PRODUCTS)} in ${pick(REGIONS)}`,
    () => `Open a ${slug} hub in ${pick(REGIONS)}`,
    () => `Earn the trust of ${pick(SEGMENTS)} buyers on ${slug}`,
  ];
  if (level === 0) templates.push(() => `Generate $${int(50, 400)}M new recurring revenue from ${pick(PRODUCTS)}`);
  if (level === 3) templates.push(() => `Get better at ${slug} for my team`);
  return pick(templates)();
}

function ownerOf(level: number, index: number, pick: <T>(list: readonly T[]) => T): string {
  // At most two objectives per owner, so too-many-objectives stays quiet.
  const n = Math.floor(index / 2);
  if (level === 0) return index < 2 * FULL_NAMES.length && index % 3 === 1 ? `"${FULL_NAMES[n % FULL_NAMES.length]}"` : `@exec-${n}`;
  if (level === 1) return `@head-${pick(AREAS)}-${n}`;
  if (level === 2) return `@lead-${n}`;
  return `@${FIRST[n % FIRST.length]}.${LAST[Math.floor(n / FIRST.length) % LAST.length]}${n >= FIRST.length * LAST.length ? `-${n}` : ''}`;
}

function uniqueId(base: string, existing: readonly KeyResultSpec[]): string {
  let id = base;
  for (let i = 2; existing.some((k) => k.id === id); i++) id = `${base}-${i}`;
  return id;
}

function keyResult(
  spec: ObjectiveSpec,
  k: number,
  used: Set<string>,
  rand: () => number,
  pick: <T>(list: readonly T[]) => T,
  int: (lo: number, hi: number) => number,
  chance: (p: number) => boolean,
): KeyResultSpec {
  const kind = int(0, 6);
  let id: string;
  let title: string;
  let metric: string | undefined;
  let target: number;
  let baseline = 0;
  switch (kind) {
    case 0: {
      const a = int(5, 40);
      const b = a + int(5, 30);
      id = 'conversion';
      title = `Raise ${pick(['trial-to-paid conversion', 'activation', 'weekly retention', 'NPS promoters', 'search success rate'])} from ${a} to ${b}%`;
      metric = `from ${a} to ${b} %`;
      baseline = a;
      target = b;
      break;
    }
    case 1: {
      const m = int(1, 60);
      id = 'arr';
      title = `Add $${m}M in ${pick(['recurring', 'new', 'expansion'])} revenue`;
      metric = `target ${m} $M`;
      target = m;
      break;
    }
    case 2: {
      const noun = pick(['signups', 'customers', 'articles', 'demos', 'hires', 'integrations', 'prospects', 'releases']);
      const count = int(2, 90) * (chance(0.3) ? 100 : 1);
      id = noun;
      title = `${pick(['Get', 'Win', 'Reach', 'Land', 'Publish'])} ${count} ${noun} ${pick(['from ' + pick(REGIONS), 'this quarter', 'in ' + pick(SEGMENTS)])}`;
      metric = `target ${count} ${noun}`;
      target = count;
      break;
    }
    case 3: {
      const v = pick([99, 99.5, 99.9, 99.95]);
      id = 'uptime';
      title = `Keep ${pick(['API', 'search', 'checkout', 'login'])} availability above ${v}%`;
      metric = `keep above ${v} %`;
      target = v;
      break;
    }
    case 4: {
      const v = int(2, 30) * 10;
      id = 'latency';
      title = `Keep p95 ${spec.slug} latency below ${v} ms`;
      metric = `keep below ${v} ms`;
      target = v;
      break;
    }
    case 5: {
      const v = int(1, 50);
      id = 'signups';
      // No metric line: read from the title.
      title = `Get ${v}K signups from ${pick(REGIONS)}`;
      target = v * 1000;
      break;
    }
    default: {
      const a = int(10, 40);
      const b = a + int(5, 25);
      id = 'coverage';
      title = `Grow ${pick(['test coverage', 'self-serve share', 'docs coverage', 'on-call readiness'])} from ${a} to ${b}%`;
      metric = chance(0.5) ? `from ${a} to ${b} %` : `target ${b} %`;
      baseline = a;
      target = b;
    }
  }
  let unique = id;
  for (let i = 2; used.has(unique); i++) unique = `${id}-${i}`;
  used.add(unique);
  const lines: string[] = [];
  if (metric) lines.push(metric);
  if (k === 1 && chance(0.1)) lines.push(`weight ${int(2, 3)}`);
  if (spec.level <= 1 && chance(0.2)) lines.push(`owner @kr-owner-${spec.index}-${k}`);
  if (kind === 3 || kind === 4) {
    // Thresholds: checked in near the line they hold, or an undated `current`.
    const r = rand();
    if (r < 0.2) lines.push(`current ${kind === 3 ? target + 0.05 : target - 10}`);
    else if (r < 0.9) lines.push(...checkins(kind === 3 ? Math.min(100, target + 0.04) : target - 5, kind === 3 ? Math.min(100, target + 0.02) : target - 20, rand, pick, int, chance));
  } else if (chance(0.1)) {
    lines.push(`current ${Math.round(baseline + (target - baseline) * rand() * 0.8)}`);
  } else {
    lines.push(...checkins(target, baseline, rand, pick, int, chance));
  }
  return { id: unique, title, lines };
}

function checkins(target: number, baseline: number, rand: () => number, pick: <T>(list: readonly T[]) => T, int: (lo: number, hi: number) => number, chance: (p: number) => boolean): string[] {
  const out: string[] = [];
  const count = chance(0.1) ? 0 : int(1, 3);
  const days = ['2026-01-16', '2026-01-30', '2026-02-13', '2026-02-27'];
  let progress = 0;
  for (let c = 0; c < count; c++) {
    progress = Math.min(1, progress + 0.1 + rand() * 0.3);
    const value = Math.round((baseline + (target - baseline) * progress) * 10) / 10;
    let line = `checkin ${days[days.length - count + c]} ${value}`;
    if (chance(0.6)) line += ` confidence ${pick(['0.5', '0.6', '0.7', '0.8', '0.9'])}`;
    if (chance(0.4)) line += `: ${pick(NOTES)}`;
    out.push(line);
  }
  return out;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One file holding a chain of `n` objectives, each aligned to the one before (the first to a
 * strategy), each saying why: the deepest alignment tree a workspace can have, and a clean one.
 * 40,000 objectives are about 5 MB. The last objective has no key result: the one problem, whatever
 * the date, so that a client knows when the analysis is done. With `rollups`, each key result is
 * also a `rollup sum` that the next one contributes to: a chain of sums as deep as the tree. With
 * `crossLinks`, each objective has its own owner and no level or `why:`, and also aligns to the
 * one two above it: an extra alignment to another owner, which missing-story checks against the
 * objectives above it in its tree.
 */
export function chainText(n: number, options: { rollups?: boolean; crossLinks?: boolean } = {}): string {
  const lines = ['period 2026-Q1', ...(options.crossLinks ? [] : ['level team']), 'strategy s: The strategy'];
  for (let i = 0; i < n; i++) {
    const parent = i === 0 ? 's' : `o${i - 1}`;
    if (options.crossLinks) lines.push(`objective o${i}: Objective number ${i}`, `  owner @owner${i}`, `  aligns to ${parent}${i > 1 ? `, o${i - 2}` : ''}`);
    else lines.push(`objective o${i}: Objective number ${i}`, `  aligns to ${parent}`, `  why: It enables ${parent}`);
    if (i === n - 1) break;
    lines.push(`  kr k: Reach ${n} signups`, `    target ${n} signups`, `    current ${i}`);
    if (options.rollups) lines.push('    rollup sum', ...(i > 0 ? [`    contributes to o${i - 1}.k`] : []));
  }
  return `${lines.join('\n')}\n`;
}
