// `okr fmt`: the editor's formatter over files; `--check` only says which would change.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatText as formatOkr } from '../core';
import { findFiles } from './workspace';
import { CliError } from './errors';

export interface FmtResult {
  readonly changed: readonly string[];
  readonly files: number;
}

export async function fmt(args: readonly string[], cwd: string, checkOnly: boolean): Promise<FmtResult> {
  const files = await findFiles(args, cwd);
  const changed: string[] = [];
  for (const file of files) {
    const name = path.relative(cwd, file) || file;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const formatted = formatOkr(text);
    if (formatted === text) continue;
    changed.push(name);
    if (!checkOnly) await fs.writeFile(file, formatted);
  }
  return { changed, files: files.length };
}
