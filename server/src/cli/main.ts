// The `okr` command: the same core and the same okr.config.json as the editor, no LSP.
//   okr check [paths…]   problems, for CI (text, json, sarif); exit 1 on errors or too many warnings
//   okr tree [paths…]    the alignment tree in the terminal
//   okr export …         html, markdown, mermaid or json
//   okr fmt [paths…]     format in place; --check exits 1 when a file would change
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { plural } from '../core/util/plural';
import { check, formatJson, formatSarif, formatText } from './check';
import { CliError } from './errors';
import { fmt } from './fmt';
import { wantsColor } from './paint';
import { loadWorkspace } from './workspace';
import { exportWorkspace, EXPORT_FORMATS, type ExportFormat } from './export';
import { printTree } from './tree';

declare const OKR_VERSION: string;
const version = typeof OKR_VERSION === 'string' ? OKR_VERSION : '0.0.0';

const USAGE = `Usage: okr <command> [options] [paths or globs…]   (default: the current folder)

Commands:
  check    report problems: file:line:col severity message (rule)
           --format text|json|sarif   --max-warnings N   --config FILE   --color / --no-color
  tree     print the alignment tree with progress and problem marks
           --config FILE   --color / --no-color
  export   --format html|markdown|mermaid|json   [-o FILE]   --config FILE
  fmt      format files in place   --check: only list the files that would change (exit 1)

okr --version · okr help`;

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
      io.stderr.write(`okr: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`okr: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const { values, positionals } = parse(rest, command);
  const color = wantsColor(values['no-color'] ? false : values.color ? true : undefined, io.stdout);
  switch (command) {
    case 'check': {
      const format = (values.format as string | undefined) ?? 'text';
      if (!['text', 'json', 'sarif'].includes(format)) throw new CliError(`unknown --format ${format}: use text, json or sarif`);
      const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new CliError('--max-warnings takes a whole number, 0 or more');
      const workspace = await loadWorkspace(positionals, io.cwd, values.config as string | undefined);
      const result = check(workspace);
      io.stdout.write(format === 'json' ? formatJson(result) : format === 'sarif' ? formatSarif(result, io.cwd, version) : formatText(result, color));
      if (result.counts.error > 0) return 1;
      if (maxWarnings !== undefined && result.counts.warning > maxWarnings) {
        if (format === 'text') io.stdout.write(`${plural(result.counts.warning, 'warning')}: more than --max-warnings ${maxWarnings}\n`);
        return 1;
      }
      return 0;
    }
    case 'tree': {
      const workspace = await loadWorkspace(positionals, io.cwd, values.config as string | undefined);
      io.stdout.write(printTree(workspace, color));
      return 0;
    }
    case 'export': {
      const format = values.format as string | undefined;
      if (!format || !EXPORT_FORMATS.includes(format as ExportFormat)) throw new CliError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
      const workspace = await loadWorkspace(positionals, io.cwd, values.config as string | undefined);
      const output = await exportWorkspace(workspace, format as ExportFormat);
      const file = values.output as string | undefined;
      if (file) {
        const target = path.resolve(io.cwd, file);
        await fs.writeFile(target, output).catch((error: NodeJS.ErrnoException) => {
          throw new CliError(`cannot write ${file}: ${error.code ?? String(error)}`);
        });
        io.stderr.write(`okr: wrote ${file}\n`);
      } else io.stdout.write(output);
      return 0;
    }
    case 'fmt': {
      const checkOnly = Boolean(values.check);
      const result = await fmt(positionals, io.cwd, checkOnly);
      for (const file of result.changed) io.stdout.write(checkOnly ? `would reformat ${file}\n` : `formatted ${file}\n`);
      for (const file of result.skipped) io.stderr.write(`skipped ${file}: not UTF-8 text (\`okr check\` says how it was read); save it as UTF-8 to format it\n`);
      const unchanged = result.files - result.changed.length - result.skipped.length;
      io.stdout.write(`${result.changed.length} file${result.changed.length === 1 ? '' : 's'} ${checkOnly ? 'would be reformatted' : 'reformatted'}, ${unchanged} already formatted\n`);
      return (checkOnly && result.changed.length) || result.skipped.length ? 1 : 0;
    }
    default:
      throw new CliError(`unknown command ${command}\n${USAGE}`);
  }
}

function parse(args: readonly string[], command: string) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'max-warnings': { type: 'string' },
        config: { type: 'string', short: 'c' },
        output: { type: 'string', short: 'o' },
        check: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    }) as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/^[A-Z_]+: /, '')} (okr ${command})\n${USAGE}`);
  }
}
