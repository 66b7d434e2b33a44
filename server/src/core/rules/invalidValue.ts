// invalid-value: a value of the right shape that means nothing: a period or date that does not
// exist, a confidence outside 0..1, a level the workspace does not have, a weight of zero, a
// target equal to its baseline.
import type { Quantity, Word } from '../syntax/ast';
import { parseDate } from '../model/dates';
import { parsePeriod } from '../model/period';
import { closest } from '../util/similar';
import type { FileRule, FileRuleContext } from './types';

export const invalidValue: FileRule<'invalid-value'> = {
  meta: {
    id: 'invalid-value',
    defaultSeverity: 'error',
    category: 'error',
    description: 'A period, date, number, confidence or level that is not valid.',
  },
  scope: 'file',
  check(context) {
    const { file } = context.document;
    checkPeriod(context, file.header.period);
    checkLevel(context, file.header.level);
    checkOwner(context, file.header.owner);
    for (const objective of file.objectives) {
      checkPeriod(context, objective.period);
      checkLevel(context, objective.level);
      checkOwner(context, objective.owner);
      for (const kr of objective.keyResults) {
        checkOwner(context, kr.owner);
        const { from, target, keep, current } = kr.metric;
        for (const quantity of [from, target, keep?.threshold, current]) checkNumber(context, quantity);
        if (from && target && from.number.value === target.number.value) {
          context.report(target.span, `The target equals the baseline (${from.number.raw}): progress cannot be measured; raise the target or lower the baseline`);
        }
        if (kr.weight && !(kr.weight.value > 0)) {
          context.report(kr.weight.span, `A weight must be a positive number, not ${kr.weight.raw}`);
        }
        for (const checkin of kr.checkins) {
          if (parseDate(checkin.date.text) === undefined) {
            context.report(checkin.date.span, `\`${checkin.date.text}\` is not a date: write YYYY-MM-DD, e.g. 2026-01-31`);
          }
          checkNumber(context, checkin.value);
          const confidence = checkin.confidence;
          if (confidence && !(confidence.value >= 0 && confidence.value <= 1)) {
            context.report(confidence.span, `A confidence is between 0 and 1 (0.7 = 70% sure), not ${confidence.raw}`);
          }
        }
      }
    }
  },
};

function checkPeriod(context: FileRuleContext, period: Word | undefined): void {
  if (!period) return;
  const result = parsePeriod(period.text);
  if (!result.ok) context.report(period.span, result.message);
}

function checkLevel(context: FileRuleContext, level: Word | undefined): void {
  if (!level) return;
  const levels = context.config.levels;
  if (levels.includes(level.text)) return;
  const suggestion = closest(level.text, levels, 1)[0];
  const hint = suggestion ? `did you mean \`${suggestion}\`? ` : '';
  context.report(level.span, `Unknown level \`${level.text}\`: ${hint}The levels are ${levels.join(', ')} (top to bottom; set "levels" in okr.config.json to change them)`, {
    data: { candidates: suggestion ? [suggestion] : [] },
  });
}

function checkOwner(context: FileRuleContext, owner: Word | undefined): void {
  if (!owner || !owner.text.startsWith('"')) return;
  if (owner.text.length < 2 || !owner.text.endsWith('"')) {
    context.report(owner.span, `The owner's name has no closing quote: write "Full Name"`);
  } else if (!owner.text.slice(1, -1).trim()) {
    context.report(owner.span, 'The owner is empty: write @handle or "Full Name"');
  }
}

function checkNumber(context: FileRuleContext, quantity: Quantity | undefined): void {
  if (quantity && !Number.isFinite(quantity.number.value)) {
    context.report(quantity.number.span, `\`${quantity.number.raw}\` is not a number`);
  }
}
