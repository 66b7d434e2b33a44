// The patterns the judgement reads in titles, each with cases where it applies and near misses:
// amounts in words and figures, multiples, thresholds, all and none, names that are not amounts;
// tasks (verb-led, named deliverables, deliverables stated as done, a count of one); what is not
// measurable (directions, metric names, vague qualities, ongoing activities, questions).
// The sentences are written for these tests; the real corpus is scored in judgement.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { measureIn } from '../../server/src/core/model/measurable';
import { titleKind } from '../../server/src/core/model/keyResultKind';
import { inferMetric } from '../../server/src/core/model/metrics';
import { stem, withoutAsides } from '../../server/src/core/model/wording';

const kindOf = (title: string) => titleKind(title).kind;

describe('reading amounts', () => {
  test('multiples, number words, ranges, thresholds, all or none, top N are levels', () => {
    const cases: Record<string, string> = {
      'Make onboarding 4x faster': 'multiple',
      'Search is 2.5X quicker for paying teams': 'multiple',
      'Double the weekly active editors': 'multiple',
      'Triple trial conversions in the Nordics': 'multiple',
      'Cut the build queue in half': 'multiple',
      'Lower storage cost per tenant by an order of magnitude': 'multiple',
      'Hire 3x site reliability engineers': 'multiple',
      'Answer every pager alert within two hours': 'threshold',
      'No invoice dispute stays open more than one business day': 'threshold',
      'Restore service within an hour of any outage': 'threshold',
      'Be present in at least three regions': 'threshold',
      'Run a dozen customer workshops': 'amount',
      'Ship fixes for critical bugs in 2-3 days': 'amount',
      'Keep p95 page load under 200 ms': 'threshold',
      'Reach > 95% of warehouse orders picked same day': 'threshold',
      'No more than 4 failed deploys a month': 'threshold',
      'Every production incident gets a written review': 'all',
      'All of our services have an owner on call': 'all',
      '100% of invoices are sent through the new system': 'amount',
      'Zero outages of the checkout during sales events': 'none',
      'No customer is blocked by a missing export': 'none',
      'Do not lose any paying tenant to the migration': 'none',
      'Everyone on the support rota can use the new console': 'all',
      'Publish two new integrations': 'amount',
      'Make the top 3 requested integrations available': 'top',
      'Multiple clinics use the scheduling app every day': 'top',
      'Smoke tests pass on each release': 'all',
    };
    assert.deepEqual(Object.entries(cases).filter(([title, kind]) => measureIn(title)?.kind !== kind || kindOf(title) !== 'measurable').map(([title]) => `${title}: ${measureIn(title)?.kind} ${kindOf(title)}`), []);
  });
  test('near miss: names, versions, codes and dates are not amounts', () => {
    for (const title of ['Get ISO 27001 certified', 'Fix bug #1204 in the exporter', 'Support Node 22 in the CLI', 'Serve the API over HTTP/3',
      'Meet WCAG 2.2 on the signup pages', 'Fix the P1 left from Q3', 'Plan FY27 hiring', 'Upgrade the cluster to Kubernetes 1.31', 'Pass the SOC 2 audit',
      'Stable 1.0 version released to the public', 'Ship iteration 1 of the planner', 'Migrate the 2019 archive'].filter((title) => inferMetric(title) || kindOf(title) === 'measurable')) {
      assert.fail(`${title}: ${inferMetric(title)?.statement} ${kindOf(title)}`);
    }
  });
  test('near miss: vague amounts and an "all" that leaves open which items count', () => {
    for (const title of ['Grow the newsletter to thousands of readers', 'Reliable alerting on all critical services', 'Prepare all aspects of the audit',
      'All offsite travel, venue, and catering are booked', 'Launch all missing reporting features like exports, filters and sharing',
      'Painless releases on every team', 'Ship improvements to the editor every sprint']) {
      assert.notEqual(kindOf(title), 'measurable', title);
    }
  });
  test('a counted output of more than one is measured; a count of one is a task', () => {
    assert.equal(kindOf('Have conversations with 80 prospects'), 'measurable');
    assert.equal(kindOf('Publish 4 case studies with hospital customers'), 'measurable');
    assert.deepEqual(titleKind('Hire 1 staff designer'), { kind: 'task', shape: 'one' });
    assert.deepEqual(titleKind('1 additional warehouse onboarded'), { kind: 'task', shape: 'one' });
  });
});

describe('tasks', () => {
  test('verb-led outputs, deliverables named by a noun phrase, deliverables stated as done', () => {
    const cases: Record<string, string> = {
      'Write the runbook for the payments service': 'verb',
      'Migrate the reporting database off the old cluster': 'verb',
      'Set up a status page': 'verb',
      'Make sure we have a plan for the audit': 'verb',
      'Design doc for the billing service': 'verb', // "Design" reads as a verb: a task either way
      'Migration guide for the billing service': 'deliverable',
      'Public beta of the mobile app': 'deliverable',
      'Canary releases for the API gateway': 'deliverable',
      'Billing service deployed to production': 'deliverable',
      'Dark mode is available in the desktop app': 'deliverable',
      'The API has rate limiting': 'deliverable',
      'Users can export their boards as PDF': 'deliverable',
    };
    assert.deepEqual(Object.entries(cases).filter(([title, shape]) => JSON.stringify(titleKind(title)).indexOf(`"kind":"task","shape":"${shape}"`) < 0).map(([title]) => `${title}: ${JSON.stringify(titleKind(title))}`), []);
  });
  test('what a task says it is for is kept for the advice', () => {
    assert.deepEqual(titleKind('Run webinars with partners to generate qualified leads'), { kind: 'task', shape: 'verb', verb: 'Run', purpose: 'generate qualified leads' });
  });
  test('near miss: "Improve the parser and get rid of the legacy flags" ends in a deliverable; "Improve the parser" does not', () => {
    assert.equal(kindOf('Improve the parser and get rid of the legacy flags'), 'task');
    assert.equal(kindOf('Improve the parser'), 'not-measurable');
  });
});

describe('not measurable', () => {
  test('directions, metric names, vague qualities, ongoing activities and questions', () => {
    const cases: Record<string, string> = {
      'Increase API adoption': 'direction',
      'Grow traffic to the community forum': 'direction',
      'Happier support agents': 'direction',
      'Cost of compute per customer': 'metric',
      'Time to first response': 'metric',
      'Rock solid mobile sync': 'vague',
      'Good onboarding': 'vague',
      'The import is successfully managed': 'vague',
      'Make the dashboard the default choice for managers': 'vague',
      'Proactively monitor error budgets': 'ongoing',
      'Work on the new settings page': 'ongoing',
      'Start working towards a public API': 'ongoing',
      'How do we review design changes?': 'question',
    };
    for (const [title, shape] of Object.entries(cases)) {
      const kind = titleKind(title);
      assert.equal(kind.kind, 'not-measurable', title);
      assert.equal(kind.kind === 'not-measurable' && kind.shape, shape, title);
    }
  });
  test('near miss: a level written in the title makes any of them measurable', () => {
    for (const title of ['Increase API adoption to 40% of tenants', 'Cost of compute per customer below $3', 'Time to first response within 4 hours', 'Grow traffic to the forum 3x']) {
      assert.equal(kindOf(title), 'measurable', title);
    }
  });
});

describe('words', () => {
  test('stems match word forms; asides are blanked without moving offsets', () => {
    assert.equal(stem('processes'), stem('process'));
    assert.equal(stem('communities'), stem('community'));
    assert.equal(stem('improving'), stem('improve'));
    assert.equal(stem('shipped'), stem('ship'));
    const title = 'Ship it (cross-cut with Ops) [Q3]';
    assert.equal(withoutAsides(title).length, title.length);
    assert.equal(withoutAsides(title).trim(), 'Ship it');
    assert.equal(withoutAsides('Stretch: Beta of the app').trim(), 'Beta of the app');
  });
});
