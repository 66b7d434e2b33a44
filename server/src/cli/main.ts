// The `okr` command: the same core and the same okr.config.json as the editor, no LSP.
//   okr check [paths…]   problems, for CI (text, json, sarif); exit 1 on errors or too many warnings
//   okr tree [paths…]    the alignment tree in the terminal
//   okr export …         html, markdown, mermaid or json
//   okr fmt [paths…]     format in place; --check exits 1 when a file would change
//   okr report PERIOD …  the review of a period: grades, progress and pace, reflections (markdown, html)
//   okr import FILE      a Viva Goals export, a spreadsheet or a JSON export → .okr files
// Every command answers --help (and `okr help COMMAND`) with its usage, options and examples.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { plural } from '../core/util/plural';
import { check, formatJson, formatSarif, formatText } from './check';
import { CliError } from './errors';
import { fmt } from './fmt';
import { wantsColor } from './paint';
import { loadWorkspaces } from './workspace';
import { exportWorkspace, EXPORT_FORMATS, workspaceName, type ExportFormat } from './export';
import { renderReport, reportOf, REPORT_FORMATS, type ReportFormat } from './report';
import { printTree } from './tree';
import { importCommand } from './import';
import { FIELDS } from '../import';
import { terminalLines, terminalText } from './terminal';

declare const OKR_VERSION: string;
const version = typeof OKR_VERSION === 'string' ? OKR_VERSION : '0.0.0';

type OptionName = 'format' | 'max-warnings' | 'config' | 'output' | 'check' | 'color' | 'no-color' | 'help' | 'to' | 'by' | 'map' | 'force';

/** What parseArgs needs to know of each option; a command accepts only the options it lists. */
const OPTIONS: Record<OptionName, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  output: { type: 'string', short: 'o' },
  check: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  to: { type: 'string' },
  by: { type: 'string' },
  map: { type: 'string', multiple: true },
  force: { type: 'boolean' },
};

interface Command {
  readonly summary: string;
  readonly usage: string;
  /** What it does, in a few lines. */
  readonly about: string;
  readonly options: readonly (readonly [OptionName, string, string])[];
  readonly examples: readonly (readonly [string, string])[];
}

const PATHS = `Paths: .okr files, folders (searched with their subfolders, but node_modules and hidden
ones) or globs; the current folder by default. Each must name at least one .okr file. Each file is
read with the nearest okr.config.json in its folder or above (see docs/configuration.md).`;
const CONFIG: readonly [OptionName, string, string] = ['config', '-c, --config FILE', 'use this okr.config.json for every file'];
const COLOR: readonly [OptionName, string, string] = ['color', '--color, --no-color', 'colours on or off (default: on for a terminal, off with NO_COLOR)'];
const HELP: readonly [OptionName, string, string] = ['help', '-h, --help', 'this help'];

const COMMANDS: Record<'check' | 'tree' | 'export' | 'report' | 'fmt' | 'import', Command> = {
  check: {
    summary: 'report problems: file:line:col severity message (rule)',
    usage: 'okr check [options] [paths or globs…]',
    about: `Reports the problems the editor shows, one per line, then a summary. Exit code: 0 when
clean, 1 on an error or more warnings than --max-warnings, 2 when it cannot run (a path that names
no .okr file, a bad option, a bad okr.config.json).

${PATHS}`,
    options: [['format', '-f, --format text|json|sarif', 'the report (default: text); sarif for code-scanning annotations'], ['max-warnings', '--max-warnings N', 'exit 1 when there are more than N warnings'], CONFIG, COLOR, HELP],
    examples: [
      ['okr check', 'every .okr file under the current folder'],
      ['okr check plans/ "teams/**/*.okr" --max-warnings 0', 'fail on any error or warning'],
      ['okr check --format sarif > okr.sarif', 'for GitHub code scanning'],
    ],
  },
  tree: {
    summary: 'print the alignment tree with progress and problem marks',
    usage: 'okr tree [options] [paths or globs…]',
    about: `Prints strategies, the objectives under what they align to, their key results, progress bars
(and the progress expected today) and marks for problems. Files under different okr.config.json
are different plans: one tree each.

${PATHS}`,
    options: [CONFIG, COLOR, HELP],
    examples: [
      ['okr tree', 'the whole plan under the current folder'],
      ['okr tree plans/sales/ | less -R', 'one department, in a pager'],
    ],
  },
  export: {
    summary: 'write the plan as html, markdown, mermaid or json',
    usage: 'okr export --format html|markdown|mermaid|json [options] [paths or globs…]',
    about: `Writes the alignment tree for people without VS Code: html is one standalone page (the
preview, no network), markdown and mermaid paste into a wiki or a pull request, json is the tree
model itself. An export is one plan: files under different okr.config.json are exported one
at a time.

${PATHS}`,
    options: [['format', '-f, --format FORMAT', `required: ${EXPORT_FORMATS.join(', ')}`], ['output', '-o, --output FILE', 'write to FILE (default: standard output)'], CONFIG, HELP],
    examples: [
      ['okr export --format html -o okrs.html', 'one page to share or print'],
      ['okr export --format markdown plans/ > OKRS.md', 'nested lists for a wiki'],
    ],
  },
  report: {
    summary: 'the review of a period: grades, progress and pace, what was learned',
    usage: 'okr report PERIOD [--format markdown|html] [options] [paths or globs…]',
    about: `Writes the review of one period (2025-Q4, 2026-H1, 2026, or a range): per objective its grade
(0.0-1.0, coloured red, yellow or green), its progress and pace from its check-ins, its status and
what was learned; what was carried over; the mean grades by owner and by level. markdown (the
default) pastes into a wiki or a pull request; html is one page that runs no script.

${PATHS}`,
    options: [['format', '-f, --format markdown|html', 'the review (default: markdown)'], ['output', '-o, --output FILE', 'write to FILE (default: standard output)'], CONFIG, HELP],
    examples: [
      ['okr report 2025-Q4', 'the review of the quarter, in Markdown'],
      ['okr report 2025-Q4 --format html -o review.html', 'one page to share or print'],
    ],
  },
  fmt: {
    summary: 'format .okr files in place (--check: only list them)',
    usage: 'okr fmt [--check] [paths or globs…]',
    about: `Rewrites indentation and spacing as the editor's formatter does; text, titles and comments stay
as written, and a line that does not parse is left as it is. A file that is not UTF-8 is skipped
(exit 1). Paths are .okr files, folders or globs, as for okr check; the current folder by default.
Each must name at least one .okr file.`,
    options: [['check', '--check', 'change nothing; list the files that would change, exit 1 if any'], HELP],
    examples: [
      ['okr fmt', 'format every .okr file under the current folder'],
      ['okr fmt --check', 'in CI: exit 1 when a file is not formatted'],
    ],
  },
  import: {
    summary: 'write .okr files from a Viva Goals export, a spreadsheet or a JSON export',
    usage: 'okr import FILE [--to DIR] [--by team|level] [--map COLUMN=FIELD]… [--force]',
    about: `Reads Viva Goals' export (CSV or XLSX), a spreadsheet of objectives and key results (CSV or
XLSX: the column names of common templates are recognised), or \`okr export --format json\`, and
writes one .okr file per team (or per level), with okr.config.json when the levels are not the
defaults. Values the language has no place for (statuses, scores, descriptions, …) are kept as
comments on their item, and listed. Exit code: 0 when everything was placed, 1 when some values
were only kept as comments, 2 on bad input or when a file exists (nothing is written then).
Fields for --map (see docs/import.md for the column names each recognises):
  ${wrapList(FIELDS, 96)}.`,
    options: [
      ['to', '--to DIR', 'write the files into DIR (default: the current folder; created if needed)'],
      ['by', '--by team|level', 'one file per team (default) or per level'],
      ['map', '--map COLUMN=FIELD', 'what a column holds, when its name is not recognised (repeatable); FIELD ignore skips it'],
      ['force', '--force', 'overwrite files that exist'],
      HELP,
    ],
    examples: [
      ['okr import goals.xlsx --to okrs/', 'a Viva Goals export into okrs/'],
      ['okr import plan.csv --map "Objective Name=objective" --map "Notes=ignore"', 'a spreadsheet with its own column names'],
      ['okr export --format json -o plan.json && okr import plan.json --to copy/', 'a workspace back from its JSON export'],
    ],
  },
};

/** `a, b, c` over lines no longer than `width`, continued lines indented like the first. */
function wrapList(items: readonly string[], width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + 2 + item.length > width) {
      lines.push(`${line},`);
      line = item;
    } else line = line ? `${line}, ${item}` : item;
  }
  lines.push(line);
  return lines.join('\n  ');
}

type CommandName = keyof typeof COMMANDS;
const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

const USAGE = `Usage: okr <command> [options] [paths or globs…]   (default: the current folder)

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}

okr <command> --help (or okr help <command>): its options and examples · okr --version`;

function helpOf(name: CommandName): string {
  const command = COMMANDS[name];
  // Long-only options line up with the long names of the others: `-f, --format` over `    --max-warnings`.
  const flagsOf = (flags: string) => (flags.startsWith('--') ? `    ${flags}` : flags);
  const width = Math.max(...command.options.map(([, flags]) => flagsOf(flags).length));
  const exampleWidth = Math.max(...command.examples.map(([line]) => line.length));
  return `Usage: ${command.usage}

${command.about}

Options:
${command.options.map(([, flags, text]) => `  ${flagsOf(flags).padEnd(width)}  ${text}`).join('\n')}

Examples:
${command.examples.map(([line, text]) => `  ${line.padEnd(exampleWidth)}  # ${text}`).join('\n')}
`;
}

export interface Io {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
}

/** Runs the command line; returns the exit code. Never throws for a user's mistake. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`okr: ${terminalLines(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr.write(`okr: unexpected error: ${terminalLines(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    io.stdout.write(`${USAGE}\n`);
    return 2;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic === undefined) io.stdout.write(`${USAGE}\n`);
    else if (isCommand(topic)) io.stdout.write(helpOf(topic));
    else throw new CliError(`no command ${topic}: the commands are ${Object.keys(COMMANDS).join(', ')}`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (!isCommand(command)) throw new CliError(`unknown command ${command}\n${USAGE}`);
  const { values, positionals } = parse(rest, command);
  if (values.help) {
    io.stdout.write(helpOf(command));
    return 0;
  }
  const color = wantsColor(values['no-color'] ? false : values.color ? true : undefined, io.stdout);
  const config = values.config as string | undefined;
  switch (command) {
    case 'check': {
      const format = (values.format as string | undefined) ?? 'text';
      if (!['text', 'json', 'sarif'].includes(format)) throw new CliError(`unknown --format ${format}: use text, json or sarif`);
      const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new CliError('--max-warnings takes a whole number, 0 or more');
      const result = check(await loadWorkspaces(positionals, io.cwd, config));
      io.stdout.write(format === 'json' ? formatJson(result) : format === 'sarif' ? formatSarif(result, io.cwd, version) : formatText(result, color));
      if (result.counts.error > 0) return 1;
      if (maxWarnings !== undefined && result.counts.warning > maxWarnings) {
        if (format === 'text') io.stdout.write(`${plural(result.counts.warning, 'warning')}: more than --max-warnings ${maxWarnings}\n`);
        return 1;
      }
      return 0;
    }
    case 'tree': {
      const workspaces = await loadWorkspaces(positionals, io.cwd, config);
      // Files under different configurations are different plans: one tree each, named by its file.
      const trees = workspaces.map((workspace) => {
        if (workspaces.length === 1) return printTree(workspace, color);
        const name = workspace.configPath ? path.relative(io.cwd, workspace.configPath) || workspace.configPath : 'no okr.config.json (the defaults)';
        return `── files under ${terminalText(name)} ──\n\n${printTree(workspace, color)}`;
      });
      io.stdout.write(trees.join('\n'));
      return 0;
    }
    case 'export': {
      const format = values.format as string | undefined;
      if (!format || !EXPORT_FORMATS.includes(format as ExportFormat)) throw new CliError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
      const workspaces = await loadWorkspaces(positionals, io.cwd, config);
      if (workspaces.length > 1) {
        const names = workspaces.map((w) => (w.configPath ? path.relative(io.cwd, w.configPath) || w.configPath : 'no okr.config.json'));
        throw new CliError(`these files are under ${workspaces.length} configurations (${names.join(', ')}): an export is one plan, so export each folder on its own, or pass --config FILE`);
      }
      const output = await exportWorkspace(workspaces[0]!, format as ExportFormat);
      const file = values.output as string | undefined;
      if (file) {
        const target = path.resolve(io.cwd, file);
        await fs.writeFile(target, output).catch((error: NodeJS.ErrnoException) => {
          throw new CliError(`cannot write ${file}: ${error.code ?? String(error)}`);
        });
        io.stderr.write(`okr: wrote ${terminalText(file)}\n`);
      } else io.stdout.write(output);
      return 0;
    }
    case 'report': {
      const [period, ...paths] = positionals;
      if (!period) throw new CliError('report needs the period: okr report 2025-Q4 (a quarter, a half, a year or a range)');
      const format = (values.format as string | undefined) ?? 'markdown';
      if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new CliError(`unknown --format ${format}: use ${REPORT_FORMATS.join(' or ')}`);
      const workspaces = await loadWorkspaces(paths, io.cwd, config);
      if (workspaces.length > 1) throw new CliError(`these files are under ${workspaces.length} configurations: a report is of one plan, so report on each folder on its own, or pass --config FILE`);
      const workspace = workspaces[0]!;
      const output = renderReport(reportOf(workspace, period), format as ReportFormat, workspaceName(workspace));
      const file = values.output as string | undefined;
      if (file) {
        await fs.writeFile(path.resolve(io.cwd, file), output).catch((error: NodeJS.ErrnoException) => {
          throw new CliError(`cannot write ${file}: ${error.code ?? String(error)}`);
        });
        io.stderr.write(`okr: wrote ${terminalText(file)}\n`);
      } else io.stdout.write(terminalLines(output)); // titles, notes and reflections are user text
      return 0;
    }
    case 'import': {
      if (positionals.length !== 1) throw new CliError(`import takes one file${positionals.length ? `, not ${positionals.length}` : ''}\nRun \`okr import --help\` for its options and examples.`);
      return importCommand(positionals[0]!, { to: values.to as string | undefined, by: values.by as string | undefined, maps: (values.map as unknown as string[] | undefined) ?? [], force: Boolean(values.force) }, io.cwd, (text) => io.stdout.write(text));
    }
    case 'fmt': {
      const checkOnly = Boolean(values.check);
      const result = await fmt(positionals, io.cwd, checkOnly);
      for (const file of result.changed.map(terminalText)) io.stdout.write(checkOnly ? `would reformat ${file}\n` : `formatted ${file}\n`);
      for (const file of result.skipped.map(terminalText)) io.stderr.write(`skipped ${file}: not UTF-8 text (\`okr check\` says how it was read); save it as UTF-8 to format it\n`);
      const unchanged = result.files - result.changed.length - result.skipped.length;
      io.stdout.write(`${result.changed.length} file${result.changed.length === 1 ? '' : 's'} ${checkOnly ? 'would be reformatted' : 'reformatted'}, ${unchanged} already formatted\n`);
      return (checkOnly && result.changed.length) || result.skipped.length ? 1 : 0;
    }
  }
}

function parse(args: readonly string[], command: CommandName) {
  const options = Object.fromEntries(COMMANDS[command].options.flatMap(([name]) => (name === 'color' ? ['color', 'no-color'] : [name])).map((name) => [name, OPTIONS[name as OptionName]]));
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options }) as { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  } catch (error) {
    // parseArgs' own messages speak of its API ("place it at the end of the command after '--'"):
    // say what is wrong in this command's terms, and where its options are listed.
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^']*)'/.exec(message)?.[1]?.split(', ').pop()?.split(' ')[0];
    const what =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `okr ${command} has no option ${option}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option
          ? `${option} ${OPTIONS[option.replace(/^-+/, '') as OptionName]?.type === 'boolean' ? 'takes no value' : 'needs a value'}`
          : message.replace(/^[A-Z_]+: /, '');
    throw new CliError(`${what}\nRun \`okr ${command} --help\` for its options and examples.`);
  }
}
