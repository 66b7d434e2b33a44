// kr-is-task: a key result that is an output (a task), not an outcome: its title is led by an
// activity verb ("Attend a workshop", "Deliver a presentation", "Launch the new site",
// "Collaborate with marketing to generate leads") and it has no metric, explicit or in its title.
// "Complete two online courses" has a metric (2 courses): it is measured, so it is not flagged.
// Outcome verbs (increase, reduce, grow, expand, improve …) are not tasks, and neither are
// "onboard" and "train": whether people are onboarded or trained is a state that can be measured,
// so such a key result is `kr-not-measurable` instead. kr-not-measurable never fires where this
// rule does: both use `looksLikeTask`.
import type { KeyResult } from '../syntax/ast';
import { hasExplicitMetric, metricOf } from '../model/metrics';
import type { FileRule } from './types';

/** Activity verbs that make a key result a task when they lead its title. */
const TASK_VERBS = new Set([
  'attend', 'deliver', 'launch', 'collaborate', 'organize', 'organise', 'hold', 'host', 'write', 'publish', 'implement', 'ship', 'build', 'create',
  'develop', 'design', 'redesign', 'run', 'conduct', 'complete', 'finish', 'prepare', 'present', 'draft', 'plan', 'schedule', 'install', 'migrate',
  'deploy', 'release', 'introduce', 'start', 'begin', 'define', 'document', 'update', 'review', 'research', 'investigate', 'explore', 'meet',
  'visit', 'participate', 'join', 'send', 'email', 'call', 'contact', 'coordinate', 'facilitate', 'arrange', 'refactor', 'rewrite', 'integrate',
  'test', 'upgrade', 'produce', 'record', 'film', 'post', 'blog', 'announce', 'hire', 'buy', 'purchase', 'setup', 'kickoff', 'brainstorm',
  'assess', 'evaluate', 'audit', 'analyze', 'analyse', 'study', 'map', 'outline', 'compile', 'gather', 'collect', 'distribute', 'share',
  'communicate', 'discuss', 'demo', 'pilot', 'prototype', 'configure', 'automate', 'translate', 'localize', 'localise', 'replace', 'remove',
  'fix', 'perform', 'execute', 'interview', 'survey',
]);
/** Verbs that make a task only with the word after them: "set up", "roll out", "work with". */
const PHRASAL: Readonly<Record<string, readonly string[]>> = {
  set: ['up'], roll: ['out'], kick: ['off'], reach: ['out'], follow: ['up'], work: ['with', 'on'], partner: ['with'], talk: ['to', 'with'],
  speak: ['at', 'to', 'with'], move: ['to'], switch: ['to'],
};
/** Words that may come before the verb: "Successfully launch …", "We will deliver …". */
const LEADING = /^(?:(?:\p{L}+ly|we|i|will|to|must|should|shall|also|then|and|first|finally)\s+)*/iu;
/** What the task is for: "… to generate leads", "… so that …", "… in order to …". */
const PURPOSE = /\b(?:so\s+that|in\s+order\s+to|to)\s+((?:generate|increase|grow|reduce|improve|win|get|drive|boost|raise|cut|lower|double|reach|acquire|convert|retain|close|attract|build|gain|capture|sell|expand|keep|bring|help|enable|attain|achieve)\b.*)$/i;

export interface Task {
  /** The leading activity verb, as written ("Collaborate"). */
  readonly verb: string;
  /** What it says it is for ("generate leads in the NA market"), when it says so. */
  readonly purpose?: string;
}

/**
 * Whether a key result title reads as a task: led by an activity verb ("Deliver a presentation",
 * "Successfully launch the site", "Set up a dashboard"). Says nothing about metrics.
 */
export function looksLikeTask(title: string): Task | undefined {
  const rest = title.trim().replace(LEADING, '');
  const words = /^([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(rest);
  if (!words) return undefined;
  const verb = words[1]!;
  const lower = verb.toLowerCase();
  // Own keys only: a title led by "Constructor" must not find Object.prototype.constructor.
  const particles = Object.hasOwn(PHRASAL, lower) ? PHRASAL[lower] : undefined;
  const isTask = particles ? particles.includes((words[2] ?? '').toLowerCase()) : TASK_VERBS.has(lower);
  if (!isTask) return undefined;
  const purpose = PURPOSE.exec(title)?.[1]?.trim();
  return purpose ? { verb, purpose } : { verb };
}

/** The task a key result is, when it is one: led by an activity verb, with no metric at all. */
export function taskOf(kr: KeyResult): Task | undefined {
  if (hasExplicitMetric(kr) || metricOf(kr)) return undefined;
  return looksLikeTask(kr.title.text);
}

export const krIsTask: FileRule<'kr-is-task'> = {
  meta: {
    id: 'kr-is-task',
    defaultSeverity: 'info',
    category: 'quality',
    description: 'A key result that is an output (a task, such as "Deliver a presentation"), not an outcome, and has no metric.',
  },
  scope: 'file',
  check(context) {
    for (const objective of context.document.file.objectives) {
      for (const kr of objective.keyResults) {
        if (!kr.title.text) continue;
        const task = taskOf(kr);
        if (!task) continue;
        const name = kr.id ? `Key result \`${kr.id.text}\`` : `“${kr.title.text}”`;
        const outcome = task.purpose
          ? `It says what it is for: “${task.purpose}”. Measure that instead`
          : `Ask what should be different once it is done, and measure that instead`;
        context.report(kr.id?.span ?? kr.title.span, `${name} is a task (an output), not an outcome: it says what to do (“${task.verb} …”), not what should change. ${outcome}, with \`target N unit\` or \`from A to B unit\` under it`, {
          data: { verb: task.verb, purpose: task.purpose },
        });
      }
    }
  },
};
