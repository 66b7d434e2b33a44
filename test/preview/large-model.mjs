// A TreeModel of many objectives for the scale smoke test (deterministic: same size, same model).
// Shape of a big company: 4 strategies → 20 company objectives → 200 department → 2,000 team →
// the rest individual; three key results each; some problems, links of each kind, a few periods.
// Run alone to write a fixture: node test/preview/large-model.mjs 10000 > /tmp/large.json

const LEVELS = ['company', 'department', 'team', 'individual'];
const PERIODS = ['2026-Q1', '2026-Q2', '2026-H1'];
const WORDS = ['revenue', 'search', 'latency', 'hiring', 'retention', 'pricing', 'onboarding', 'quality', 'support', 'costs', 'security', 'docs'];

/** A small deterministic PRNG (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @returns {import('../../server/src/core/tree').TreeModel} */
export function largeModel(objectives = 10_000, seed = 42) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const perLevel = [20, 200, 2000];
  const totals = { error: 0, warning: 0, info: 0, hint: 0 };
  const owners = new Set();
  const links = [];
  let made = 0;
  let line = 0;

  const problemsFor = (what) => {
    const r = rand();
    const problems = [];
    const add = (severity, rule, message) => {
      totals[severity]++;
      problems.push({ severity, rule, message, line });
    };
    if (r < 0.01) add('error', 'unknown-reference', `${what}: unknown reference, did you mean another objective?`);
    else if (r < 0.05) add('warning', 'period-mismatch', `${what} aligns to an objective of another period`);
    else if (r < 0.1) add('info', 'stale-checkin', `${what}: no check-in for 21 days`);
    else if (r < 0.12) add('hint', 'missing-story', `${what} enables its parent without a why`);
    return problems;
  };

  const objective = (depth, index, parentKey) => {
    made++;
    const key = `o${made}`;
    const level = LEVELS[Math.min(depth, LEVELS.length - 1)];
    const owner = `@owner-${Math.floor(rand() * 500)}`;
    owners.add(owner);
    const uri = `file:///big/${level}/${Math.floor(made / 200)}.okr`;
    const start = (line += 2);
    const keyResults = [];
    for (let k = 1; k <= 3; k++) {
      const krKey = `${key}.kr${k}`;
      const progress = Math.round(rand() * 100) / 100;
      keyResults.push({
        key: krKey,
        id: `kr${k}`,
        title: `Move ${pick(WORDS)} metric ${k} of ${key} from ${k * 10} to ${k * 20}`,
        metric: `from ${k * 10} to ${k * 20}`,
        value: String(Math.round(k * 10 + progress * k * 10)),
        progress,
        problems: problemsFor(krKey),
        location: { uri, startLine: ++line, endLine: ++line },
      });
      if (parentKey && k === 3 && rand() < 0.2) links.push({ from: krKey, to: `${parentKey}.kr1`, kind: 'contributes' });
    }
    const progress = keyResults.reduce((sum, kr) => sum + kr.progress, 0) / keyResults.length;
    const period = rand() < 0.8 ? PERIODS[0] : pick(PERIODS);
    return {
      kind: 'objective',
      key,
      id: key,
      title: `${index % 7 === 0 ? 'Improve' : 'Grow'} ${pick(WORDS)} for ${level} ${made}`,
      level,
      rank: Math.min(depth, LEVELS.length - 1),
      owner,
      period,
      progress: Math.round(progress * 1000) / 1000,
      expected: 0.66,
      keyResults,
      problems: problemsFor(key),
      children: [],
      location: { uri, startLine: start, endLine: line },
    };
  };

  const strategies = [];
  for (let s = 0; s < 4; s++) {
    strategies.push({ kind: 'strategy', key: `s${s}`, id: `s${s}`, title: `Strategy ${s}: win at ${WORDS[s]}`, children: [], location: { uri: 'file:///big/company.okr', startLine: s, endLine: s } });
  }
  // Breadth first, level by level, until `objectives` are made.
  let layer = strategies.map((strategy) => ({ node: strategy, key: undefined }));
  for (let depth = 0; made < objectives && layer.length; depth++) {
    const want = depth < perLevel.length ? Math.min(perLevel[depth], objectives - made) : objectives - made;
    const next = [];
    for (let i = 0; i < want; i++) {
      const parent = layer[i % layer.length];
      const child = objective(depth, i, parent.key);
      parent.node.children.push(child);
      next.push({ node: child, key: child.key });
      if (i % 50 === 7 && next.length > 2) links.push({ from: child.key, to: next[next.length - 2].key, kind: depth > 0 ? 'enabling' : 'extra' });
      if (i % 97 === 3) links.push({ from: child.key, to: `s${(i + 1) % 4}`, kind: 'extra' });
    }
    layer = next;
  }
  return {
    today: '2026-03-01',
    levels: LEVELS,
    periods: PERIODS,
    owners: [...owners].sort(),
    roots: strategies,
    links,
    totals,
    objectiveCount: made,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(JSON.stringify(largeModel(Number(process.argv[2]) || 10_000)));
}
