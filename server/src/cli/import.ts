// `okr import FILE [--to DIR]`: the import core (server/src/import) over the disk. Reads the file,
// refuses to overwrite without --force, writes the .okr files, and says what it wrote and what it
// could only keep as comments.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { importOkrs, isImportError, type GroupBy, type ImportResult } from '../import';
import { plural } from '../core/util/plural';
import { CliError } from './errors';

export interface ImportCliOptions {
  readonly to?: string;
  readonly by?: string;
  readonly maps: readonly string[];
  readonly force: boolean;
}

export async function importCommand(file: string, options: ImportCliOptions, cwd: string, out: (text: string) => void): Promise<number> {
  const source = path.resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `no file ${file}` : code === 'EISDIR' ? `${file} is a folder: name the exported file (.csv, .xlsx or .json)` : `cannot read ${file}: ${code ?? String(error)}`);
  }
  if (options.by !== undefined && options.by !== 'team' && options.by !== 'level') throw new CliError(`--by takes team or level, not ${options.by}`);
  let result: ImportResult;
  try {
    result = importOkrs(bytes, path.basename(file), { by: options.by as GroupBy | undefined, maps: options.maps });
  } catch (error) {
    if (isImportError(error)) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
  const dir = path.resolve(cwd, options.to ?? '.');
  const shown = (name: string) => path.relative(cwd, path.join(dir, name)) || name;
  if (!options.force) {
    const existing: string[] = [];
    for (const written of result.files) {
      if (await fs.stat(path.join(dir, written.name)).then(() => true, () => false)) existing.push(shown(written.name));
    }
    if (existing.length) throw new CliError(`not written: ${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; use --force to overwrite, or --to DIR to write elsewhere`);
  }
  await fs.mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot create ${options.to}: ${error.code ?? String(error)}`);
  });
  for (const written of result.files) {
    await fs.writeFile(path.join(dir, written.name), written.text).catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`cannot write ${shown(written.name)}: ${error.code ?? String(error)}`);
    });
    const what = written.name.endsWith('.okr') ? `${plural(written.objectives, 'objective')}, ${plural(written.keyResults, 'key result')}` : 'the levels and dates the files need';
    out(`wrote ${shown(written.name)} (${what})\n`);
  }
  out(`read ${file} as: ${result.source}\n`);
  if (!result.kept.length) return 0;
  out(`\nkept as comments, with no place in the language (${plural(result.kept.length, 'value')}):\n`);
  for (const note of result.kept) {
    const text = note.text.replace(/\s+/g, ' ');
    out(`  ${shown(note.file)} ${note.item}${note.row !== undefined ? ` (row ${note.row})` : ''}: ${note.label}: ${text.length > 100 ? `${text.slice(0, 99)}…` : text}\n`);
  }
  return 1;
}
