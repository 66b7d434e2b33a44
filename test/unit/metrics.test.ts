// The metric model: units, explicit metrics, metrics inferred from titles, and progress.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, okr, parse } from './helpers';
import { amountOf, convert, formatAmount, parseUnit, sameDimension } from '../../server/src/core/model/units';
import { explicitMetric, inferMetric, metricOf, type Metric } from '../../server/src/core/model/metrics';
import { expectedProgress, latestCheckin } from '../../server/src/core/model/progress';
import { parsePeriod } from '../../server/src/core/model/period';
import { parseDate } from '../../server/src/core/model/dates';
import type { KeyResult } from '../../server/src/core/syntax';

/** The key results of a one-objective file, by id. */
function keyResults(body: string): Map<string, KeyResult> {
  const file = parse(`objective o: O\n${body}`);
  return new Map(file.objectives[0]!.keyResults.map((kr) => [kr.id?.text ?? kr.title.text, kr]));
}

function kr(body: string): KeyResult {
  return [...keyResults(body).values()][0]!;
}

/** A metric in a few words: `range 20 → 35 %`, `threshold below 2 %`. */
function brief(metric: Metric | undefined): string | undefined {
  if (!metric) return undefined;
  const unit = metric.unit ? ` ${metric.unit.label}` : '';
  return metric.kind === 'threshold' ? `keep ${metric.direction} ${metric.target}${unit}` : `${metric.baseline} → ${metric.target}${unit}`;
}

describe('units', () => {
  test('percent, money with a scale, counted words', () => {
    assert.deepEqual(parseUnit('%'), { kind: 'percent', symbol: '%', scale: 1, label: '%' });
    assert.deepEqual(parseUnit('$M'), { kind: 'currency', symbol: '$', scale: 1e6, label: '$M' });
    assert.deepEqual(parseUnit('€k'), { kind: 'currency', symbol: '€', scale: 1e3, label: '€k' });
    assert.deepEqual(parseUnit('signups'), { kind: 'count', symbol: 'signup', scale: 1, label: 'signups' });
    assert.equal(parseUnit('stories').symbol, 'story');
    assert.equal(parseUnit('Addresses').symbol, 'address');
    assert.equal(parseUnit('status').symbol, 'status');
  });
  test('dimensions: one currency converts between scales; currencies, % and words do not mix', () => {
    assert.ok(sameDimension(parseUnit('$K'), parseUnit('$M')));
    assert.ok(sameDimension(parseUnit('signups'), parseUnit('signup')));
    assert.ok(sameDimension(parseUnit('Engineers'), parseUnit('engineers')));
    assert.ok(sameDimension(undefined, parseUnit('$M')), 'a bare number takes the other unit');
    assert.ok(!sameDimension(parseUnit('$M'), parseUnit('€M')));
    assert.ok(!sameDimension(parseUnit('%'), parseUnit('$M')));
    assert.ok(!sameDimension(parseUnit('signups'), parseUnit('$M')));
    assert.ok(!sameDimension(parseUnit('signups'), parseUnit('leads')));
    assert.equal(convert(80_000, parseUnit('$K'), parseUnit('$M')), 80);
    assert.equal(convert(1.5, parseUnit('$M'), parseUnit('$')), 1_500_000);
    assert.equal(convert(7, undefined, parseUnit('$M')), 7);
  });
  test('amounts: `$80M` and `80 $M` are one amount; `10K` is scaled', () => {
    const krs = keyResults('  kr a: A\n    target $80M\n  kr b: B\n    target 80 $M\n  kr c: C\n    target 10K signups\n  kr d: D\n    target 35%\n');
    const a = amountOf(krs.get('a')!.metric.target!);
    const b = amountOf(krs.get('b')!.metric.target!);
    assert.equal(a.value, 80);
    assert.equal(a.unit?.label, '$M');
    assert.deepEqual(a, b);
    assert.deepEqual(amountOf(krs.get('c')!.metric.target!), { value: 10_000, unit: parseUnit('signups') });
    assert.deepEqual(amountOf(krs.get('d')!.metric.target!), { value: 35, unit: parseUnit('%') });
  });
  test('formatting for messages', () => {
    assert.equal(formatAmount(200, parseUnit('$M')), '200 $M');
    assert.equal(formatAmount(35, parseUnit('%')), '35%');
    assert.equal(formatAmount(1 / 3, undefined), '0.33');
    assert.equal(formatAmount(80, parseUnit('signups')), '80 signups');
  });
});

describe('explicit metrics', () => {
  test('from … to, with the unit on the target', () => {
    const metric = explicitMetric(kr('  kr c: Conversion\n    from 20 to 35 %\n'));
    assert.equal(brief(metric), '20 → 35 %');
    assert.equal(metric?.source, 'explicit');
    assert.equal(metric?.statement, 'from 20 to 35 %');
  });
  test('target alone: baseline 0; money written either way', () => {
    assert.equal(brief(explicitMetric(kr('  kr a: A\n    target 80 $M\n'))), '0 → 80 $M');
    assert.equal(brief(explicitMetric(kr('  kr a: A\n    target $70M\n'))), '0 → 70 $M');
    assert.equal(explicitMetric(kr('  kr a: A\n    target $70M\n'))?.statement, 'target 70 $M');
  });
  test('target alone, with "from A to B" in the title: the baseline comes from the title', () => {
    assert.equal(brief(explicitMetric(kr('  kr c: Up the conversion rate from 20 to 35%\n    target 35 %\n'))), '20 → 35 %');
    assert.equal(brief(explicitMetric(kr('  kr c: Up the conversion rate from 20 to 35%\n    target 40 %\n'))), '0 → 40 %', 'another target: no baseline');
  });
  test('keep above / below are thresholds', () => {
    assert.equal(brief(explicitMetric(kr('  kr a: Availability\n    keep above 99.9 %\n'))), 'keep above 99.9 %');
    const below = explicitMetric(kr('  kr b: Churn\n    keep below 2 %\n'));
    assert.equal(brief(below), 'keep below 2 %');
    assert.equal(below?.statement, 'keep below 2 %');
  });
  test('the explicit metric wins over the title; no metric at all is undefined', () => {
    assert.equal(brief(metricOf(kr('  kr a: Get 10K signups\n    target 12K signups\n'))), '0 → 12000 signups');
    assert.equal(metricOf(kr('  kr a: Expand business in the NA\n')), undefined);
    assert.equal(metricOf(kr('  kr a: Expand business in the NA\n    current 27\n')), undefined, '`current` is a value, not a metric');
  });
});

describe('metrics inferred from titles', () => {
  const cases: [string, string, string, string][] = [
    // title, metric, statement, the part of the title it was read from
    ['Up the conversion rate from 20 to 35%', '20 → 35 %', 'from 20 to 35 %', 'from 20 to 35%'],
    ['Grow ARR by 35%', '0 → 35 %', 'target 35 %', 'by 35%'],
    ['Get 10K signups from the Americas', '0 → 10000 signups', 'target 10K signups', '10K signups'],
    ['Add $200M in recurring revenue', '0 → 200 $M', 'target 200 $M', '$200M'],
    ['Have conversations with 80 new prospects', '0 → 80 prospects', 'target 80 prospects', '80 new prospects'],
    ['75% of new hires are familiar with generative AI', '0 → 75 %', 'target 75 %', '75%'],
    ['Reduce customer complaint rate by 50%', '0 → 50 %', 'target 50 %', 'by 50%'],
    ['Increase net promoter score by 10 points', '0 → 10 points', 'target 10 points', 'by 10 points'],
    ['Expand into two new markets', '0 → 2 markets', 'target 2 markets', 'two new markets'],
    ['Complete two online courses', '0 → 2 courses', 'target 2 courses', 'two online courses'],
    ['Cut monthly compute spend from $1.2M to $0.9M', '1.2 → 0.9 $M', 'from 1.2 to 0.9 $M', 'from $1.2M to $0.9M'],
    ['Raise NPS from 32 to 45', '32 → 45', 'from 32 to 45', 'from 32 to 45'],
    ['Keep gross revenue churn in NA below 2%', 'keep below 2 %', 'keep below 2 %', 'below 2%'],
    ['Keep CSAT above 90%', 'keep above 90 %', 'keep above 90 %', 'above 90%'],
    ['Answer every support ticket within 4 hours', 'keep below 4 hours', 'keep below 4 hours', 'within 4 hours'],
    ['Reduce churn to 2%', 'keep below 2 %', 'keep below 2 %', 'to 2%'],
    ['Leadership signs off after at most 2 revision rounds', 'keep below 2 rounds', 'keep below 2 rounds', 'at most 2 revision rounds'],
    ['Sign 40 new customers with more than 100 seats', '0 → 40 customers', 'target 40 customers', '40 new customers'],
    ['Field importance rankings for 50 of our largest customers', '0 → 50 customers', 'target 50 customers', '50 of our largest customers'],
    ['2M views on the campaign videos', '0 → 2000000 views', 'target 2M views', '2M views'],
    ['Book $2 million in new deals', '0 → 2 $M', 'target 2 $M', '$2 million'],
    ['Keep 95% of tickets answered within 4 hours', '0 → 95 %', 'target 95 %', '95%'],
    ['Over 90% of tickets answered on the same day', 'keep above 90 %', 'keep above 90 %', 'Over 90%'],
    ['Run 3 sum workshops', '0 → 3', 'target 3', '3'],
  ];
  for (const [title, metric, statement, source] of cases) {
    test(`"${title}" → ${statement}`, () => {
      const inferred = inferMetric(title);
      assert.equal(brief(inferred), metric);
      assert.equal(inferred?.statement, statement);
      assert.equal(inferred?.source, 'inferred');
      assert.equal(title.slice(inferred!.span!.start, inferred!.span!.end), source);
    });
  }
  test('a huge number is written out in digits, as the language reads it', () => {
    const { statement } = inferMetric('Launch in Q1: 99999999999999999999999 %')!;
    assert.match(statement, /^target \d{23} %$/);
    assert.deepEqual(parse(`objective o: O\n  kr k: K\n    ${statement}\n`).problems, []);
  });
  test('the span is offset to the title in the document', () => {
    const text = 'objective o: O\n  kr a: Grow ARR by 35%\n';
    const metric = metricOf(parse(text).objectives[0]!.keyResults[0]!);
    assert.equal(text.slice(metric!.span!.start, metric!.span!.end), 'by 35%');
  });

  const nearMisses = [
    'Expand business in the NA',
    'Launch in 2026',
    'Successfully onboard and train new NA sales team',
    'Deliver a presentation to the team',
    'Collaborate with marketing to generate leads in the NA market',
    'Attend a workshop on public speaking',
    'Ship by 2026-03-31',
    'Deliver the report by March 31',
    'Support customers 24/7',
    'Release v2.0 of the app',
    'Reach p95 latency parity',
    'Be first in Q3',
    'One voice for the brand',
    'Plan the 2026 roadmap',
  ];
  for (const title of nearMisses) {
    test(`near miss: "${title}" infers nothing`, () => {
      assert.equal(inferMetric(title), undefined);
    });
  }
});

describe('progress', () => {
  const progressOf = (files: Record<string, string>) => {
    const ws = analyse(files);
    const { progress } = ws.analyzer.analyse();
    const krs = new Map<string, KeyResult>();
    const objectives = new Map<string, import('../../server/src/core/syntax').Objective>();
    for (const document of ws.index.all()) {
      for (const objective of document.file.objectives) {
        objectives.set(objective.id.text, objective);
        for (const k of objective.keyResults) if (k.id) krs.set(`${objective.id.text}.${k.id.text}`, k);
      }
    }
    return { progress, kr: (id: string) => krs.get(id)!, objective: (id: string) => objectives.get(id)! };
  };

  test('range: (value − baseline) / (target − baseline), clamped to 0..1, in either direction', () => {
    const { progress, kr } = progressOf({
      'a.okr': okr`
        objective o: O
          kr half: Half
            from 20 to 35 %
            current 27.5
          kr over: Over
            target 10
            current 12
          kr under: Under
            from 20 to 35 %
            current 10
          kr down: Response time
            from 10 to 7 hours
            checkin 2026-02-15 8.5
          kr none: No value yet
            target 10
      `,
    });
    assert.equal(progress.keyResultProgress(kr('o.half')), 0.5);
    assert.equal(progress.keyResultProgress(kr('o.over')), 1);
    assert.equal(progress.keyResultProgress(kr('o.under')), 0);
    assert.equal(progress.keyResultProgress(kr('o.down')), 0.5);
    assert.equal(progress.keyResultProgress(kr('o.none')), undefined);
  });

  test('threshold: 1 while held, 0 otherwise', () => {
    const { progress, kr } = progressOf({
      'a.okr': okr`
        objective o: O
          kr up: Availability
            keep above 99.9 %
            current 99.95
          kr down: Latency
            keep below 1.5 seconds
            current 1.8
      `,
    });
    assert.equal(progress.keyResultProgress(kr('o.up')), 1);
    assert.equal(progress.keyResultProgress(kr('o.down')), 0);
  });

  test('an inferred metric has progress too', () => {
    const { progress, kr } = progressOf({ 'a.okr': 'objective o: O\n  kr c: Up the conversion rate from 20 to 35%\n    current 26\n' });
    assert.equal(progress.keyResultProgress(kr('o.c')), 0.4);
  });

  test('the newest check-in wins, whatever the order of the lines; on one day, the later line', () => {
    const { progress, kr } = progressOf({
      'a.okr': okr`
        objective o: O
          kr a: A
            target 100
            checkin 2026-02-28 60
            checkin 2026-01-31 20
            current 5
          kr b: B
            target 100
            checkin 2026-02-01 30
            checkin 2026-02-01 40
      `,
    });
    assert.deepEqual(progress.value(kr('o.a')), { value: 60, asOf: parseDate('2026-02-28'), source: 'checkin' });
    assert.equal(progress.value(kr('o.b'))?.value, 40);
    assert.equal(latestCheckin(kr('o.a'))?.value, 60);
  });

  test('values are read in the unit of the metric', () => {
    const { progress, kr } = progressOf({ 'a.okr': 'objective o: O\n  kr a: A\n    target 80 $M\n    checkin 2026-01-31 $38M\n  kr b: B\n    target 80 $M\n    current 20000 $K\n' });
    assert.equal(progress.value(kr('o.a'))?.value, 38);
    assert.equal(progress.value(kr('o.b'))?.value, 20);
  });

  test('objective progress is the weighted mean of its key results with a value', () => {
    const { progress, objective } = progressOf({
      'a.okr': okr`
        objective o: O
          kr a: A
            target 100
            current 50
          kr b: B
            target 100
            current 80
            weight 2
          kr c: C, no value yet
            target 100
      `,
    });
    assert.equal(progress.objectiveProgress(objective('o')), (0.5 + 0.8 * 2) / 3);
    const empty = progressOf({ 'a.okr': 'objective p: P\n  kr a: A\n    target 10\n' });
    assert.equal(empty.progress.objectiveProgress(empty.objective('p')), undefined);
  });

  test('rollup sum: the contributors\' values add up across files, `80 $M`, `$70M` and `$K` alike', () => {
    const { progress, kr, objective } = progressOf({
      'company.okr': okr`
        objective revenue: Revenue
          kr arr: Add $200M in recurring revenue
            from 0 to 200 $M
            rollup sum
            checkin 2026-01-31 10
      `,
      'east.okr': okr`
        objective east: East
          kr arr-east: Add $80M
            target 80 $M
            contributes to revenue.arr
            checkin 2026-01-30 16
            checkin 2026-02-27 38
      `,
      'west.okr': okr`
        objective west: West
          kr arr-west: Add $70M
            target $70M
            contributes to revenue.arr
            checkin 2026-02-20 $33M
          kr arr-small: Add a bit
            target 500 $K
            contributes to revenue.arr
            current 250 $K
      `,
    });
    const value = progress.value(kr('revenue.arr'));
    assert.equal(value?.source, 'rollup');
    assert.equal(value?.value, 38 + 33 + 0.25);
    assert.equal(value?.asOf, parseDate('2026-02-27'));
    assert.equal(progress.keyResultProgress(kr('revenue.arr')), 71.25 / 200);
    assert.equal(progress.objectiveProgress(objective('revenue')), 71.25 / 200);
    assert.deepEqual(progress.contributors(kr('revenue.arr')).map((k) => k.id?.text), ['arr-east', 'arr-west', 'arr-small']);
  });

  test('rollup sum with no contributor values: its own check-ins count', () => {
    const { progress, kr } = progressOf({
      'a.okr': 'objective r: R\n  kr t: T\n    target 200 $M\n    rollup sum\n    checkin 2026-01-31 40\n',
      'b.okr': 'objective s: S\n  kr u: U\n    target 80 $M\n    contributes to r.t\n',
    });
    assert.deepEqual(progress.value(kr('r.t')), { value: 40, asOf: parseDate('2026-01-31'), source: 'checkin' });
  });

  test('expected progress: the share of the period elapsed, times 0.7 when aspirational', () => {
    const q1 = (parsePeriod('2026-Q1') as { ok: true; period: import('../../server/src/core/model/period').Period }).period;
    const feb15 = parseDate('2026-02-15')!;
    assert.equal(expectedProgress(q1, feb15), 46 / 90);
    assert.equal(expectedProgress(q1, feb15, 'committed'), 46 / 90);
    assert.equal(expectedProgress(q1, feb15, 'aspirational'), (46 / 90) * 0.7);
    assert.equal(expectedProgress(q1, parseDate('2025-12-31')!), 0);
    assert.equal(expectedProgress(q1, parseDate('2026-03-31')!), 1);
    assert.equal(expectedProgress(q1, parseDate('2026-06-01')!), 1);
  });
});
