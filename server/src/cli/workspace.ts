// The command line's workspace: the .okr files named on the command line (files, folders, globs;
// the current folder by default), and the okr.config.json that applies to them.
import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import { Analyzer, CONFIG_FILE_NAME, WorkspaceIndex, computeLineStarts, parseConfig, rules, type ConfigProblem } from '../core';
import { CliError } from './errors';
import { decodeText } from '../core/encoding';

export interface LoadedWorkspace {
  readonly index: WorkspaceIndex;
  readonly analyzer: Analyzer;
  /** File path by URI, relative to the current folder where possible. */
  readonly paths: ReadonlyMap<string, string>;
  readonly configPath?: string;
}

const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Every .okr file the arguments name, as absolute paths, sorted; a missing path is an error. */
export async function findFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const inputs = args.length ? args : ['.'];
  const found = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        for (const file of await glob('**/*.okr', { cwd: absolute, ignore: IGNORED, absolute: true, dot: false })) found.add(path.normalize(file));
      } else found.add(absolute);
      continue;
    }
    if (/[*?[\]{}]/.test(input)) {
      const matches = await glob(input, { cwd, ignore: IGNORED, absolute: true });
      if (!matches.length) throw new CliError(`no file matches ${input}`);
      for (const file of matches) if (file.endsWith('.okr')) found.add(path.normalize(file));
      continue;
    }
    throw new CliError(`no such file or folder: ${input}`);
  }
  return [...found].sort();
}

/**
 * The okr.config.json that applies: the one given with --config, else the first found in the
 * current folder or above it.
 */
export function findConfig(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new CliError(`no such config file: ${explicit}`);
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export async function loadWorkspace(args: readonly string[], cwd: string, configOption?: string): Promise<LoadedWorkspace> {
  const files = await findFiles(args, cwd);
  const index = new WorkspaceIndex();
  const analyzer = new Analyzer(index);
  const configPath = findConfig(cwd, configOption);
  if (configPath) analyzer.setConfig(await readConfig(configPath, cwd));
  const paths = new Map<string, string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      throw new CliError(`cannot read ${path.relative(cwd, file) || file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    // Read as the language server reads it: a file that is not UTF-8 is checked, and reported.
    const { text, encoding } = decodeText(bytes);
    const uri = URI.file(file).toString();
    index.set(uri, text, encoding);
    paths.set(uri, path.relative(cwd, file) || file);
  }
  return { index, analyzer, paths, configPath };
}

async function readConfig(file: string, cwd: string) {
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${file}: ${error.code ?? String(error)}`);
  });
  const { config, problems } = parseConfig(text, rules.map((r) => r.meta.id));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new CliError(`${path.relative(cwd, file) || file} has errors:\n${describeConfigProblems(text, errors, path.relative(cwd, file) || file)}`);
  return config;
}

function describeConfigProblems(text: string, problems: readonly ConfigProblem[], name: string): string {
  const starts = computeLineStarts(text);
  return problems
    .map((p) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= p.span.start) line++;
      return `  ${name}:${line + 1}:${p.span.start - starts[line]! + 1} ${p.message}`;
    })
    .join('\n');
}
