// Bytes → a table of text cells: CSV through papaparse (quotes, new lines in cells, a byte order
// mark), XLSX through fflate (the zip) and fast-xml-parser (the sheet's XML). The first sheet of a
// workbook is read; dates in date-formatted cells become YYYY-MM-DD.
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { decodeText, notText } from '../core/encoding';
import { ImportError } from './plan';
import { excelDate } from './values';

export interface Table {
  /** The header row, then the data rows; every row as long as the header. */
  readonly header: string[];
  readonly rows: string[][];
  /** The 1-based row number of each data row in the source (a CSV row with new lines in a cell is one row). */
  readonly rowNumbers: number[];
}

export const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function readCsv(text: string): Table {
  const body = text.replace(/^\ufeff/, '');
  if (!body.trim()) throw new ImportError('the file is empty');
  const result = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy', delimiter: '' });
  const fatal = result.errors.find((e) => e.type === 'Quotes' || (e.type === 'Delimiter' && result.data.length > 1));
  if (fatal) throw new ImportError(`row ${(fatal.row ?? 0) + 1}: ${fatal.code === 'MissingQuotes' ? 'a quoted cell is never closed (a " is missing)' : fatal.message}`);
  const [header, ...rows] = result.data;
  return tableOf(header!, rows, rows.map((_, i) => i + 2));
}

function tableOf(header: string[], rows: string[][], numbers: number[]): Table {
  const cleanHeader = header.map((h) => String(h ?? '').replace(/^\ufeff/, '').trim());
  while (cleanHeader.length && !cleanHeader[cleanHeader.length - 1]) cleanHeader.pop();
  const kept: string[][] = [];
  const rowNumbers: number[] = [];
  rows.forEach((row, i) => {
    if (row.every((cell) => !String(cell ?? '').trim())) return;
    const extra = row.slice(cleanHeader.length).filter((c) => String(c ?? '').trim());
    if (extra.length) throw new ImportError(`row ${numbers[i]}: ${row.length} cells where the header has ${cleanHeader.length} columns (a comma inside a cell needs quotes around the cell)`);
    kept.push(cleanHeader.map((_, c) => String(row[c] ?? '')));
    rowNumbers.push(numbers[i]!);
  });
  return { header: cleanHeader, rows: kept, rowNumbers };
}

/** The most a workbook may unpack to: a spreadsheet of OKRs is far smaller; a zip bomb is not read. */
const MAX_UNPACKED = 64 * 1024 * 1024;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ['sheet', 'Relationship', 'si', 'r', 'row', 'c', 'xf', 'numFmt'].includes(name),
});

type Node = Record<string, unknown>;
const text = (node: unknown): string => {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  const n = node as Node;
  if ('#text' in n) return text(n['#text']);
  return '';
};

export function readXlsx(bytes: Uint8Array): Table {
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!/^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/.test(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_UNPACKED) throw new ImportError('the workbook unpacks to more than 64 MB: export the sheet of OKRs alone, or as CSV');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`not a readable Excel workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const decoder = new TextDecoder();
  const parse = (name: string): Node | undefined => (files[name] ? (xml.parse(decoder.decode(files[name])) as Node) : undefined);
  const workbook = parse('xl/workbook.xml');
  if (!workbook) throw new ImportError('not an Excel workbook (.xlsx): it has no xl/workbook.xml');
  const sheets = ((workbook.workbook as Node)?.sheets as Node)?.sheet as Node[] | undefined;
  const first = sheets?.[0];
  const rels = ((parse('xl/_rels/workbook.xml.rels')?.Relationships as Node)?.Relationship as Node[] | undefined) ?? [];
  const target = rels.find((r) => r['@_Id'] === first?.['@_id'])?.['@_Target'] as string | undefined;
  const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/') : 'xl/worksheets/sheet1.xml';
  const sheet = parse(sheetPath);
  if (!sheet) throw new ImportError(`the workbook's first sheet (${sheetPath}) is missing`);
  const shared = (((parse('xl/sharedStrings.xml')?.sst as Node)?.si as Node[] | undefined) ?? []).map((si) => (si.r ? (si.r as Node[]).map((r) => text(r.t)).join('') : text(si.t)));
  const dateStyles = dateStylesOf(parse('xl/styles.xml'));

  const rows: string[][] = [];
  const numbers: number[] = [];
  const data = ((sheet.worksheet as Node)?.sheetData as Node)?.row as Node[] | undefined;
  for (const [i, row] of (data ?? []).entries()) {
    const cells: string[] = [];
    let next = 0;
    for (const c of (row.c as Node[] | undefined) ?? []) {
      const ref = c['@_r'] as string | undefined;
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      const type = c['@_t'] as string | undefined;
      const raw = text(c.v);
      let value: string;
      if (type === 's') value = shared[Number(raw)] ?? '';
      else if (type === 'inlineStr') value = (c.is as Node)?.r ? ((c.is as Node).r as Node[]).map((r) => text(r.t)).join('') : text((c.is as Node)?.t);
      else if (type === 'b') value = raw === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'e') value = '';
      else if (!type || type === 'n') value = raw !== '' && dateStyles.has(Number(c['@_s'] ?? 0)) ? (excelDate(Number(raw)) ?? raw) : raw;
      else value = raw;
      cells[col] = value;
    }
    rows.push(Array.from(cells, (v) => v ?? ''));
    const number = Number(row['@_r']);
    numbers.push(Number.isInteger(number) && number > 0 ? number : i + 1);
  }
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim()));
  if (headerAt < 0) throw new ImportError("the workbook's first sheet is empty");
  return tableOf(rows[headerAt]!, rows.slice(headerAt + 1), numbers.slice(headerAt + 1));
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The cell styles (indices into cellXfs) whose number format shows a date. */
function dateStylesOf(styles: Node | undefined): Set<number> {
  const sheet = styles?.styleSheet as Node | undefined;
  const custom = new Map<number, string>();
  for (const f of ((sheet?.numFmts as Node)?.numFmt as Node[] | undefined) ?? []) custom.set(Number(f['@_numFmtId']), String(f['@_formatCode'] ?? ''));
  const isDate = (id: number) => (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (custom.has(id) && /[dmy]/i.test(custom.get(id)!.replace(/"[^"]*"|\[[^\]]*\]/g, '')) && !/^[#0.,%\s]*$/.test(custom.get(id)!));
  const result = new Set<number>();
  ((((sheet?.cellXfs as Node)?.xf as Node[] | undefined) ?? [])).forEach((xf, i) => {
    if (isDate(Number(xf['@_numFmtId'] ?? 0))) result.add(i);
  });
  return result;
}

/** What a file is: by its first bytes, not its name. */
export function sniff(bytes: Uint8Array): 'xlsx' | 'json' | 'csv' | 'binary' {
  if (isZip(bytes)) return 'xlsx';
  const text = decodeText(bytes).text;
  if (notText(text)) return 'binary';
  const head = text.replace(/^\ufeff/, '').trimStart();
  return head.startsWith('{') ? 'json' : 'csv';
}
