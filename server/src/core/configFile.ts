// okr.config.json → AnalysisConfig. A bad file never breaks the analysis: every problem in it
// becomes a diagnostic on the file, and each bad setting falls back to its default.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { defaultConfig, type AnalysisConfig, type RuleSetting } from './config';
import { parseDate } from './model/dates';
import type { Span } from './syntax/ast';
import { closest } from './util/similar';

export const CONFIG_FILE_NAME = 'okr.config.json';

export interface ConfigProblem {
  readonly span: Span;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface ParsedConfig {
  readonly config: AnalysisConfig;
  readonly problems: readonly ConfigProblem[];
}

/** The longest catch-all phrase accepted (a phrase is a few words). */
export const MAX_PHRASE_LENGTH = 200;

const SETTINGS: readonly RuleSetting[] = ['off', 'hint', 'info', 'warning', 'error'];
const KNOWN_KEYS = ['$schema', 'levels', 'rules', 'catchAll', 'staleCheckinDays', 'behindPacePoints', 'maxKeyResults', 'maxObjectivesPerOwner', 'maxAlignments', 'today'];

export function parseConfig(text: string, ruleIds: readonly string[]): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) {
    // An error at the end of the text (a value expected) is marked on its last character.
    const start = Math.max(0, Math.min(error.offset, text.length - 1));
    problems.push({ span: { start, end: Math.min(text.length, Math.max(start + 1, error.offset + error.length)) }, message: `okr.config.json is not valid JSON: ${describeJsonError(printParseErrorCode(error.error))}`, severity: 'error' });
  }
  if (!root) return { config: defaultConfig, problems };
  if (root.type !== 'object') {
    problems.push({ span: spanOf(root), message: 'okr.config.json holds one object: { "rules": { … }, "levels": [ … ], … }', severity: 'error' });
    return { config: defaultConfig, problems };
  }
  const error = (node: Node, message: string) => problems.push({ span: spanOf(node), message, severity: 'error' });

  for (const property of root.children ?? []) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string' || KNOWN_KEYS.includes(key.value)) continue;
    const suggestion = closest(key.value, KNOWN_KEYS, 1)[0];
    problems.push({ span: spanOf(key), message: `Unknown setting "${key.value}"${suggestion ? `: did you mean "${suggestion}"?` : `: the settings are ${KNOWN_KEYS.slice(1).join(', ')}`}`, severity: 'warning' });
  }

  const config: { -readonly [K in keyof AnalysisConfig]: AnalysisConfig[K] } = { ...defaultConfig, catchAll: { ...defaultConfig.catchAll } };

  const levels = findNodeAtLocation(root, ['levels']);
  if (levels) {
    const values = levels.type === 'array' ? (levels.children ?? []).map((c) => c.value) : [];
    if (levels.type !== 'array' || values.length === 0 || values.some((v) => typeof v !== 'string' || !/^[\p{L}_][\p{L}\p{N}_-]*$/u.test(v))) {
      error(levels, '"levels" lists the levels top to bottom as ids, e.g. ["company", "department", "team", "individual"]');
    } else if (new Set(values).size !== values.length) {
      error(levels, '"levels" names a level twice');
    } else config.levels = values as string[];
  }

  const rules = findNodeAtLocation(root, ['rules']);
  if (rules) {
    if (rules.type !== 'object') error(rules, '"rules" maps rule ids to "off", "hint", "info", "warning" or "error"');
    else {
      const settings: Record<string, RuleSetting> = {};
      for (const property of rules.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const id = String(key.value);
        if (!ruleIds.includes(id)) {
          const suggestion = closest(id, ruleIds, 1)[0];
          error(key, `Unknown rule "${id}"${suggestion ? `: did you mean "${suggestion}"?` : ''}`);
          continue;
        }
        if (!SETTINGS.includes(value.value)) {
          error(value, `A rule is set to one of ${SETTINGS.map((s) => `"${s}"`).join(', ')}`);
          continue;
        }
        settings[id] = value.value as RuleSetting;
      }
      config.rules = settings;
    }
  }

  const catchAll = findNodeAtLocation(root, ['catchAll']);
  if (catchAll) {
    if (catchAll.type !== 'object') error(catchAll, '"catchAll" is an object: { "phrases": [ … ], "minAligned": 4, "minOwners": 3 }');
    else {
      const phrases = findNodeAtLocation(catchAll, ['phrases']);
      if (phrases) {
        const values = phrases.type === 'array' ? (phrases.children ?? []).map((c) => c.value) : [];
        if (phrases.type !== 'array' || values.some((v) => typeof v !== 'string' || !v.trim())) error(phrases, '"phrases" lists extra catch-all phrases as strings, e.g. ["keep the lights on"]');
        // Each phrase becomes a regular expression; one of thousands of characters overflows the
        // regular expression compiler and would take both catch-all rules down.
        else if (values.some((v) => v.length > MAX_PHRASE_LENGTH)) error(phrases, `"phrases" are short phrases: ${MAX_PHRASE_LENGTH} characters at most`);
        else config.catchAll = { ...config.catchAll, phrases: values as string[] };
      }
      for (const key of ['minAligned', 'minOwners'] as const) {
        const node = findNodeAtLocation(catchAll, [key]);
        const value = integer(node, 1, 1000, error, `"${key}" is a whole number of at least 1`);
        if (value !== undefined) config.catchAll = { ...config.catchAll, [key]: value };
      }
    }
  }

  const numbers: [keyof AnalysisConfig & ('staleCheckinDays' | 'behindPacePoints' | 'maxKeyResults' | 'maxObjectivesPerOwner' | 'maxAlignments'), number, number, string][] = [
    ['staleCheckinDays', 1, 3650, 'a number of days'],
    ['behindPacePoints', 0, 100, 'percentage points, 0 to 100'],
    ['maxKeyResults', 1, 100, 'a whole number of at least 1'],
    ['maxObjectivesPerOwner', 1, 1000, 'a whole number of at least 1'],
    ['maxAlignments', 1, 100, 'a whole number of at least 1'],
  ];
  for (const [key, min, max, what] of numbers) {
    const value = integer(findNodeAtLocation(root, [key]), min, max, error, `"${key}" is ${what}`);
    if (value !== undefined) config[key] = value;
  }

  const today = findNodeAtLocation(root, ['today']);
  if (today) {
    if (typeof today.value !== 'string' || parseDate(today.value) === undefined) error(today, '"today" is a date, YYYY-MM-DD (leave it out to use the real date)');
    else config.today = today.value;
  }
  return { config, problems };
}

function integer(node: Node | undefined, min: number, max: number, error: (node: Node, message: string) => void, message: string): number | undefined {
  if (!node) return undefined;
  if (typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < min || node.value > max) {
    error(node, message);
    return undefined;
  }
  return node.value;
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
