// Every rule, given 200 copies of what it reports on, links at most MAX_RELATED (20) related
// locations per diagnostic, and its output stays linear in the copies: a bounded number of
// diagnostics and bounded messages. The bound is enforced once, where the analysis makes problems;
// this test holds every rule to it, and fails when a rule is added without a case here.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/core/config';
import { rules } from '../../server/src/core';
import { MAX_RELATED } from '../../server/src/core/rules/related';
import { analyse } from './helpers';

const N = 200;
const TODAY = '2026-02-15';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const lines = (n: number, line: (i: number) => string) => range(n).map(line).join('\n');

/** One workspace per rule: 200 copies of what the rule reports on. */
const cases: Record<string, (N: number) => Record<string, string>> = {
  syntax: (N) => ({ 'a.okr': lines(N, (i) => `objective o${i} T${i}`) }),
  encoding: (N) => ({ 'a.okr': lines(N, (i) => `objective o${i}: Title\u0007 ${i}\n  kr k: Reach 10 deals\n    target 10 deals`) }),
  'invalid-value': (N) => ({ 'a.okr': lines(N, (i) => `objective o${i}: T\n  period 2026-Q9\n  kr k: Reach 10 deals\n    target 10 deals`) }),
  'duplicate-id': (N) => ({
    'a.okr': lines(N, () => 'objective same: Same\n  kr k: Reach 10 deals\n    target 10 deals'),
    'b.okr': `objective other: Other\n${lines(N, () => '  kr dup: Reach 10 deals\n    target 10 deals')}`,
  }),
  'unknown-reference': (N) => ({ 'a.okr': `objective o: T\n  aligns to ${range(N).map((i) => `ghost${i}`).join(', ')}\n  kr k: Reach 10 deals\n    target 10 deals` }),
  'alignment-cycle': (N) => ({
    'a.okr': lines(N, (i) => `objective c${i}: C\n  aligns to c${(i + 1) % N}\n  kr k${i}: Reach 10 deals\n    target 10 deals\n    contributes to c${(i + 1) % N}.k${(i + 1) % N}`),
  }),
  unaligned: (N) => ({ 'a.okr': `strategy s: S\nobjective top: Top\n  level company\n  aligns to s\n  kr k: Reach 10 deals\n    target 10 deals\n${lines(N, (i) => `objective u${i}: U\n  level team\n  kr k: Reach 10 deals\n    target 10 deals`)}` }),
  'level-inversion': (N) => ({ 'a.okr': `objective low: Low\n  level team\n  kr k: Reach 10 deals\n    target 10 deals\n${lines(N, (i) => `objective high${i}: High\n  level company\n  aligns to low\n  kr k: Reach 10 deals\n    target 10 deals`)}` }),
  'period-mismatch': (N) => ({ 'a.okr': `objective q1: Q1\n  period 2026-Q1\n  kr k: Reach 10 deals\n    target 10 deals\n${lines(N, (i) => `objective q2-${i}: Q2\n  period 2026-Q2\n  aligns to q1\n  kr k: Reach 10 deals\n    target 10 deals`)}` }),
  'catch-all': (N) => ({ 'a.okr': `objective core: Continue improving our core product\n  level department\n  kr: Ship improvements to the core product every sprint\n${lines(N, (i) => `objective t${i}: T\n  level team\n  owner @owner${i}\n  aligns to core\n  kr k: Reach 10 deals\n    target 10 deals`)}` }),
  'aligned-to-catch-all': (N) => ({ 'a.okr': `objective core: Continue improving our core product\n  level department\n  kr: Ship improvements to the core product every sprint\n${lines(N, (i) => `objective t${i}: T\n  level team\n  owner @owner${i}\n  aligns to core\n  kr k: Reach 10 deals\n    target 10 deals`)}` }),
  'summation-mismatch': (N) => ({ 'a.okr': `objective top: Top\n  kr total: Reach 100000 deals\n    target 100000 deals\n    rollup sum\n${lines(N, (i) => `objective p${i}: P\n  kr part: Reach 10 deals\n    target 10 deals\n    contributes to top.total`)}` }),
  'unit-mismatch': (N) => ({ 'a.okr': `objective top: Top\n  kr total: Add revenue\n    target 200 $M\n    rollup sum\n${lines(N, (i) => `objective p${i}: P\n  kr part: Reach 10 percent\n    target 10 %\n    contributes to top.total`)}` }),
  'split-not-enable': (N) => ({
    'a.okr': `objective top: Top\n  level company\n  kr seats: Sell 100000 seats\n    target 100000 seats\n${lines(N, (i) => `objective s${i}: Sell ${i + 1} seats in region ${i}\n  level department\n  aligns to top.seats\n  kr k: Sell ${i + 1} seats\n    target ${i + 1} seats`)}`,
    'b.okr': `objective whole: Whole\n  level company\n  kr total: Sell 100000 seats\n    target 100000 seats\n${lines(N, (i) => `objective c${i}: C\n  level department\n  aligns to whole\n  kr part: Sell 10 seats\n    target 10 seats\n    contributes to whole.total`)}`,
  }),
  'over-aligned': (N) => ({ 'a.okr': `${lines(N, (i) => `strategy s${i}: S`)}\n${lines(N, (i) => `objective o${i}: O\n  aligns to ${range(5).map((j) => `s${(i + j) % N}`).join(', ')}\n  kr k: Reach 10 deals\n    target 10 deals`)}` }),
  'missing-story': (N) => ({ 'a.okr': `objective peer: Peer\n  level department\n  kr k: Reach 10 deals\n    target 10 deals\n${lines(N, (i) => `objective m${i}: M\n  level department\n  aligns to peer\n  kr k: Reach 10 deals\n    target 10 deals`)}` }),
  'kr-not-measurable': (N) => ({ 'a.okr': `objective o: O\n${lines(N, (i) => `  kr k${i}: Expand business in region ${String.fromCharCode(65 + (i % 26))}`)}` }),
  'kr-is-task': (N) => ({ 'a.okr': `objective o: O\n${lines(N, (i) => `  kr k${i}: Attend a workshop on topic ${String.fromCharCode(65 + (i % 26))}`)}` }),
  'no-key-results': (N) => ({ 'a.okr': lines(N, (i) => `objective o${i}: O`) }),
  'too-many-key-results': (N) => ({ 'a.okr': `objective o: O\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals`)}` }),
  'too-many-objectives': (N) => ({ 'a.okr': `owner @busy\nperiod 2026-Q1\n${lines(N, (i) => `objective o${i}: O\n  kr k: Reach 10 deals\n    target 10 deals`)}` }),
  'stale-checkin': (N) => ({ 'a.okr': `period 2026-Q1\nobjective o: O\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    checkin 2026-01-02 1`)}` }),
  'behind-pace': (N) => ({ 'a.okr': `period 2026-Q1\nobjective o: O\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    checkin 2026-02-14 0`)}` }),
  'grade-out-of-range': (N) => ({ 'a.okr': `period 2025-Q4\nobjective o: O\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    grade 7`)}` }),
  'ungraded-key-result': (N) => ({ 'a.okr': `period 2025-Q4\nobjective o: O\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    checkin 2025-12-01 5`)}` }),
  'grade-far-from-progress': (N) => ({ 'a.okr': `period 2025-Q4\nobjective o: O\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    checkin 2025-12-01 10\n    grade 0.2`)}` }),
  'committed-grade-without-note': (N) => ({ 'a.okr': `period 2025-Q4\nobjective o: O\n  committed\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    grade 0.5`)}` }),
  sandbagging: (N) => ({
    'q3.okr': `period 2025-Q3\nowner @team\nobjective q3: Q3\n  aspirational\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    grade 1.0`)}`,
    'q4.okr': `period 2025-Q4\nowner @team\nobjective q4: Q4\n  aspirational\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    grade 1.0`)}`,
  }),
  'carried-to-unknown-period': (N) => ({ 'a.okr': `period 2025-Q4\nobjective o: O\n${lines(N, (i) => `  kr k${i}: Reach 10 deals\n    target 10 deals\n    status carried over to 2027-Q${(i % 4) + 1}`)}` }),
};

describe(`every rule links at most ${MAX_RELATED} related locations, whatever the copies`, () => {
  test('every rule has a case', () => {
    assert.deepEqual(rules.map((r) => r.meta.id).filter((id) => !(id in cases)), []);
  });

  for (const rule of rules) {
    const id = rule.meta.id;
    test(id, () => {
      const make = cases[id];
      if (!make) return; // Reported by 'every rule has a case'.
      const run = (n: number) => {
        const files = make(n);
        const only = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === id ? 'warning' : 'off'] as const));
        const problems = analyse(files, { ...defaultConfig, today: TODAY, rules: only }).of(id);
        const size = problems.reduce((sum, p) => sum + p.message.length + (p.related ?? []).reduce((s, r) => s + r.message.length + 40, 0), 0);
        return { files, problems, size };
      };
      const { files, problems, size } = run(N);
      assert.ok(problems.length > 0, `${id} fires on its fixture`);
      for (const p of problems) assert.ok((p.related?.length ?? 0) <= MAX_RELATED, `${id}: ${p.related?.length} related locations`);
      // Linear output: a bounded number of diagnostics per copy, and an output that doubles when
      // the copies double (a message or a list naming every copy, on every copy, quadruples).
      assert.ok(problems.length <= 2 * Object.keys(files).length * (N + 1), `${id}: ${problems.length} diagnostics for ${N} copies`);
      const half = run(N / 2).size;
      assert.ok(size <= 2.5 * half, `${id}: the output grows from ${half} to ${size} characters when the copies double`);
    });
  }
});
