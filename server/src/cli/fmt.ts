// `okr fmt`: the editor's formatter over files; `--check` only says which would change.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatText as formatOkr } from '../core';
import { findFiles } from './workspace';
import { CliError } from './errors';
import { decodeText } from '../core/encoding';

export interface FmtResult {
  readonly changed: readonly string[];
  /** Files left as they are because they are not UTF-8: writing them back would change their letters. */
  readonly skipped: readonly string[];
  readonly files: number;
}

export async function fmt(args: readonly string[], cwd: string, checkOnly: boolean): Promise<FmtResult> {
  const files = await findFiles(args, cwd);
  const changed: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const name = path.relative(cwd, file) || file;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      throw new CliError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (decodeText(bytes).encoding) {
      skipped.push(name);
      continue;
    }
    const text = bytes.toString('utf8'); // A byte order mark stays where it is.
    const formatted = formatOkr(text);
    if (formatted === text) continue;
    changed.push(name);
    if (!checkOnly) await fs.writeFile(file, formatted);
  }
  return { changed, skipped, files: files.length };
}
