// The command line's workspaces: the .okr files named on the command line (files, folders, globs;
// the current folder by default), grouped by the okr.config.json that applies to each. A file's
// configuration is the nearest okr.config.json in its folder or above, wherever `okr` is run from,
// as the editor reads the one at the root of the folder it opened. Each configuration is one
// workspace, checked on its own as the editor checks the folder of that file: ids resolve within
// it, and a file's problems do not depend on what else is on the command line.
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
  /** The okr.config.json of these files; none: the defaults. */
  readonly configPath?: string;
}

const IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Every .okr file the arguments name, as absolute paths, sorted. Each argument must name at least
 * one: a path that does not exist, a folder without .okr files or a glob that matches none is a
 * mistake (a typo in a CI script), never a clean run over nothing.
 */
export async function findFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const inputs = args.length ? args : ['.'];
  const found = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const files = await glob('**/*.okr', { cwd: absolute, ignore: IGNORED, absolute: true, dot: false });
        if (!files.length) {
          const where = args.length ? input : 'the current folder';
          throw new CliError(`no .okr file in ${where} or its subfolders (node_modules and hidden folders are skipped)`);
        }
        for (const file of files) found.add(path.normalize(file));
      } else found.add(absolute); // A file named on its own is read, whatever its name.
      continue;
    }
    if (/[*?[\]{}]/.test(input)) {
      const matches = (await glob(input, { cwd, ignore: IGNORED, absolute: true })).filter((file) => file.endsWith('.okr'));
      if (!matches.length) throw new CliError(`no .okr file matches ${input}`);
      for (const file of matches) found.add(path.normalize(file));
      continue;
    }
    throw new CliError(`no such file or folder: ${input}`);
  }
  return [...found].sort();
}

/** The nearest okr.config.json in `dir` or above it (folders already asked are remembered in `cache`). */
export function configAbove(dir: string, cache = new Map<string, string | undefined>()): string | undefined {
  const asked: string[] = [];
  let found: string | undefined;
  for (let current = dir; ; current = path.dirname(current)) {
    if (cache.has(current)) {
      found = cache.get(current);
      break;
    }
    asked.push(current);
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (existsSync(candidate)) {
      found = candidate;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  for (const folder of asked) cache.set(folder, found);
  return found;
}

/**
 * The workspaces the arguments name: with --config, one, read with that file; else one per
 * okr.config.json that applies to some file (sorted by its path), and one for the files under
 * none, read with the defaults.
 */
export async function loadWorkspaces(args: readonly string[], cwd: string, configOption?: string): Promise<LoadedWorkspace[]> {
  const files = await findFiles(args, cwd);
  const groups = new Map<string | undefined, string[]>();
  if (configOption) {
    const file = path.resolve(cwd, configOption);
    if (!existsSync(file)) throw new CliError(`no such config file: ${configOption}`);
    groups.set(file, files);
  } else {
    const cache = new Map<string, string | undefined>();
    for (const file of files) {
      const config = configAbove(path.dirname(file), cache);
      const group = groups.get(config);
      if (group) group.push(file);
      else groups.set(config, [file]);
    }
  }
  const order = [...groups.keys()].sort((a, b) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)));
  const workspaces: LoadedWorkspace[] = [];
  for (const configPath of order) workspaces.push(await loadWorkspace(groups.get(configPath)!, cwd, configPath));
  return workspaces;
}

async function loadWorkspace(files: readonly string[], cwd: string, configPath: string | undefined): Promise<LoadedWorkspace> {
  const index = new WorkspaceIndex();
  const analyzer = new Analyzer(index);
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
  return { index, analyzer, paths, ...(configPath && { configPath }) };
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
