// kr-is-task: a key result that is an output (a task), not an outcome: an activity ("Write the
// runbook", "Upgrade to Kubernetes 1.25"), a deliverable named by a noun phrase ("Canary
// deployments", "Public beta of the mobile app"), a deliverable stated as done ("Billing service
// deployed to production", "Users can create branches"), or a count of one ("Hire 1 designer").
// A counted output of more than one is measured and not flagged ("Have conversations with 80
// prospects"). The reading lives in model/keyResultKind.ts, shared with kr-not-measurable: on a
// key result that is not measurable exactly one of the two fires.
// The advice asks what changes once the task is done; it never suggests bolting a number onto
// the deliverable.
import { keyResultKind } from '../model/keyResultKind';
import type { FileRule } from './types';

export const krIsTask: FileRule<'kr-is-task'> = {
  meta: {
    id: 'kr-is-task',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result that is an output (a task or a deliverable, such as "Write the runbook" or "Dark mode is available"), not an outcome.',
  },
  scope: 'file',
  check(context) {
    for (const objective of context.document.file.objectives) {
      for (const kr of objective.keyResults) {
        if (!kr.title.text) continue;
        const kind = keyResultKind(kr);
        if (kind.kind !== 'task') continue;
        const name = kr.id ? `Key result \`${kr.id.text}\`` : `“${kr.title.text}”`;
        const what = kind.shape === 'one'
          ? 'one item is done or not, so it is a task (an output), not an outcome'
          : kind.shape === 'verb'
            ? `it says what to do (“${kind.verb} …”), not what should change`
            : 'it names a deliverable, done or not, not what should change';
        const outcome = kind.purpose
          ? `It says what it is for: “${kind.purpose}”. Make that the key result, at the level that counts as success`
          : `Ask what will be different once it is done, and for whom, and make that the key result; keep the task in the plan that gets you there`;
        context.report(kr.id?.span ?? kr.title.span, `${name} is a task: ${what}. ${outcome}`, {
          data: { shape: kind.shape, verb: kind.verb, purpose: kind.purpose },
        });
      }
    }
  },
};
