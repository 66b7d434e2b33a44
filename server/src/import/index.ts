// `okr import`: a Viva Goals export (CSV or XLSX), a spreadsheet of objectives and key results (CSV
// or XLSX), or `okr export --format json` → .okr files. The same code runs in the command line and
// in the extension (desktop and web): it takes bytes and gives texts, and reads or writes no file.
import { decodeText } from '../core/encoding';
import { isTreeModel, planFromModel } from './fromJson';
import { ImportError } from './plan';
import { readCsv, readXlsx, sniff } from './table';
import { planFromTable } from './tabular';
import { writePlan, type GroupBy, type WriteResult } from './write';

export { ImportError } from './plan';
export { FIELDS } from './tabular';
export type { GroupBy, KeptNote, WriteResult, WrittenFile } from './write';

export interface ImportOptions {
  /** One file per team (default; for the JSON export: per file it came from) or per level. */
  readonly by?: GroupBy;
  /** `COLUMN=FIELD`: what a column holds, for columns whose names are not recognised. */
  readonly maps?: readonly string[];
}

export interface ImportResult extends WriteResult {
  /** What was read: `Viva Goals export, CSV`. */
  readonly source: string;
}

/** Reads `bytes` (named `name`, for messages) and gives the .okr files to write. Throws `ImportError` on bad input. */
export function importOkrs(bytes: Uint8Array, name: string, options: ImportOptions = {}): ImportResult {
  const kind = sniff(bytes);
  const lower = name.toLowerCase();
  if (kind === 'binary') {
    const hint = /\.xls$/.test(lower) ? ': an old Excel workbook (.xls); save it as .xlsx or .csv' : ': not a CSV, an Excel workbook (.xlsx) or a JSON export';
    throw new ImportError(`${name} is binary data${hint}`);
  }
  let plan;
  if (kind === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(decodeText(bytes).text.replace(/^\ufeff/, ''));
    } catch (error) {
      throw new ImportError(`${name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!isTreeModel(value)) throw new ImportError(`${name} is JSON but not what \`okr export --format json\` writes (no "roots" and "links")`);
    if (options.maps?.length) throw new ImportError('--map is for spreadsheets: the JSON export has no columns');
    plan = planFromModel(value);
  } else {
    const table = kind === 'xlsx' ? readXlsx(bytes) : readCsv(decodeText(bytes).text);
    if (!table.rows.length) throw new ImportError(`${name} has a header row but no rows of objectives`);
    plan = planFromTable(table, options.maps ?? [], kind === 'xlsx' ? 'XLSX' : 'CSV');
  }
  if (!plan.objectives.length) throw new ImportError(`${name} holds no objectives`);
  const result = writePlan(plan, options.by ?? 'team', name.split(/[/\\]/).pop() ?? name);
  return { ...result, source: plan.source };
}

/** Whether an error is bad input (a message for the user) rather than a bug. */
export const isImportError = (error: unknown): error is ImportError => error instanceof ImportError;
