// stale-checkin: a key result of an objective whose period is under way (it contains today) that
// nobody has checked in on for more than `staleCheckinDays` days (14 by default). Regular
// check-ins are what make OKRs work: a number nobody looked at for weeks steers nothing.
//  - Its newest check-in (by date, whatever the order of the lines) is more than
//    `staleCheckinDays` days before today; or
//  - it has no check-in at all, and the period started more than `staleCheckinDays` days ago.
// Not checked: key results without a metric (kr-not-measurable / kr-is-task say so), a
// `rollup sum` key result that others contribute to (its value comes from their check-ins, which
// are checked), and key results that track their value with `current` and no check-in (an undated
// value: there is no telling how old it is). Periods that are over, or not started, are not checked.
import type { KeyResult } from '../syntax/ast';
import { formatDay, parseDate, type Day } from '../model/dates';
import type { WorkspaceRule } from './types';
import { plural } from '../util/plural';
import { krName } from './unitMismatch';

export const staleCheckin: WorkspaceRule<'stale-checkin'> = {
  meta: {
    id: 'stale-checkin',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result of the current period without a check-in for more than `staleCheckinDays` days (14 by default).',
  },
  scope: 'workspace',
  check(context) {
    const { progress, today, scope } = context;
    const limit = context.config.staleCheckinDays;
    const todayText = formatDay(today);
    for (const node of scope.nodes()) {
      const { period, objective } = node;
      if (!period || today < period.start || today > period.end) continue;
      for (const kr of objective.keyResults) {
        if (!progress.metric(kr)) continue;
        if (kr.rollupSum && progress.contributors(kr).length) continue;
        const span = kr.id?.span ?? kr.title.span;
        const name = krName(objective, kr);
        const suggestion = `add a line \`checkin ${todayText} VALUE\` with where it stands today`;
        const last = newestCheckin(kr);
        if (last !== undefined) {
          const days = today - last;
          if (days <= limit) continue;
          context.report(node.uri, span, `${name} was last checked in on ${formatDay(last)}, ${plural(days, 'day')} ago (more than ${limit}): ${suggestion}`, {
            data: { lastCheckin: formatDay(last), days, limit },
          });
        } else if (!kr.metric.current) {
          const days = today - period.start;
          if (days <= limit) continue;
          context.report(node.uri, span, `${name} has no check-in yet, and ${period.text} started ${plural(days, 'day')} ago, on ${formatDay(period.start)}: ${suggestion}`, {
            data: { lastCheckin: null, days, limit },
          });
        }
      }
    }
  },
};

/** The day of the newest check-in with a valid date. */
function newestCheckin(kr: KeyResult): Day | undefined {
  let newest: Day | undefined;
  for (const checkin of kr.checkins) {
    const day = parseDate(checkin.date.text);
    if (day !== undefined && (newest === undefined || day > newest)) newest = day;
  }
  return newest;
}
